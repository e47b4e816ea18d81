// The console's test call: the microphone as PCM16 24 kHz over a WebSocket to /media/browser (the OpenAI Realtime
// protocol), the agent's audio played back, the live transcript and events, and a link to the stored call at the end.
var VigilTestCall = (function () {
  var RATE = 24000;
  var ws, ctx, mic, processor, sessionId, playEnd = 0, itemId = null, itemStart = 0, sources = [];
  // The microphone opens once the agent's greeting (its AI disclosure) has been played: a caller who speaks at once,
  // or a noisy room, would otherwise interrupt the greeting before any of it was heard, and the call would go on
  // without the disclosure ever reaching the page.
  var listening = false;

  function el(id) { return document.getElementById(id); }

  function status(text) { el('test-call-status').textContent = text; }

  function line(listId, cls, text) {
    var li = document.createElement('li');
    li.className = cls;
    li.textContent = text;
    el(listId).appendChild(li);
  }

  function event(text) { line('test-call-events', 'event', new Date().toISOString().substring(11, 19) + ' ' + text); }

  function toBase64(int16) {
    var bytes = new Uint8Array(int16.buffer), s = '';
    for (var i = 0; i < bytes.length; i += 0x8000) {
      s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(s);
  }

  function send(obj) {
    if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(obj));
  }

  function capture(stream) {
    mic = stream;
    var source = ctx.createMediaStreamSource(stream);
    processor = ctx.createScriptProcessor(2048, 1, 1);
    processor.onaudioprocess = function (e) {
      if (!listening) return;
      var f = e.inputBuffer.getChannelData(0), pcm = new Int16Array(f.length);
      for (var i = 0; i < f.length; i++) {
        var v = Math.max(-1, Math.min(1, f[i]));
        pcm[i] = v < 0 ? v * 0x8000 : v * 0x7FFF;
      }
      send({ type: 'input_audio_buffer.append', audio: toBase64(pcm) });
    };
    var mute = ctx.createGain();
    mute.gain.value = 0; // the processor must be connected to run; the caller must not hear themselves
    source.connect(processor);
    processor.connect(mute);
    mute.connect(ctx.destination);
  }

  function play(e) {
    var bin = atob(e.delta), n = bin.length >> 1, buf = ctx.createBuffer(1, n, RATE), d = buf.getChannelData(0);
    for (var i = 0; i < n; i++) {
      var v = bin.charCodeAt(2 * i) | (bin.charCodeAt(2 * i + 1) << 8);
      d[i] = (v >= 0x8000 ? v - 0x10000 : v) / 0x8000;
    }
    var at = Math.max(ctx.currentTime, playEnd);
    if (e.item_id !== itemId) { itemId = e.item_id; itemStart = at; }
    var src = ctx.createBufferSource();
    src.buffer = buf;
    src.connect(ctx.destination);
    src.start(at);
    sources.push(src);
    playEnd = at + buf.duration;
  }

  function bargeIn() {
    if (playEnd <= ctx.currentTime || !itemId) return;
    sources.forEach(function (s) { try { s.stop(); } catch (x) { /* already ended */ } });
    sources = [];
    var heard = Math.max(0, Math.round((ctx.currentTime - itemStart) * 1000));
    playEnd = ctx.currentTime;
    send({ type: 'conversation.item.truncate', item_id: itemId, content_index: 0, audio_end_ms: heard });
    event('you interrupted the agent after ' + heard + ' ms');
  }

  function listenAfterPlayback() {
    if (listening) return;
    var wait = Math.max(0, playEnd - ctx.currentTime);
    setTimeout(function () {
      listening = true;
      status('Listening: speak now. Hang up to end the call.');
    }, Math.round(wait * 1000) + 100);
  }

  function onMessage(m) {
    var e = JSON.parse(m.data);
    switch (e.type) {
      case 'response.output_audio.delta':
      case 'response.audio.delta':
        play(e); break;
      case 'response.output_audio_transcript.done':
      case 'response.audio_transcript.done':
        line('test-call-transcript', 'agent', 'Agent: ' + e.transcript); break;
      case 'conversation.item.input_audio_transcription.completed':
        line('test-call-transcript', 'caller', 'You: ' + e.transcript); break;
      case 'input_audio_buffer.speech_started':
        event('speech started'); bargeIn(); break;
      case 'input_audio_buffer.speech_stopped':
        event('speech stopped'); break;
      case 'response.done':
        event('response ' + (e.response && e.response.status));
        listenAfterPlayback(); break;
      case 'session.created':
        event('session created'); break;
      case 'error':
        event('error: ' + (e.error && e.error.message)); break;
      default:
    }
  }

  function finished(reason) {
    if (processor) processor.disconnect();
    if (mic) mic.getTracks().forEach(function (t) { t.stop(); });
    el('test-call-hangup').disabled = true;
    status('Call ended' + (reason ? ': ' + reason : '') + '.');
    var link = el('test-call-link');
    link.href = VIGIL_CONTEXT + '/call.xhtml?id=' + sessionId;
    el('test-call-result').hidden = false;
  }

  return {
    start: function (ticket, id) {
      sessionId = id;
      listening = false;
      playEnd = 0;
      el('test-call-transcript').innerHTML = '';
      el('test-call-events').innerHTML = '';
      el('test-call-result').hidden = true;
      ctx = new (window.AudioContext || window.webkitAudioContext)({ sampleRate: RATE });
      status('Asking for the microphone…');
      navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true } }).then(function (stream) {
        var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
        ws = new WebSocket(scheme + location.host + VIGIL_CONTEXT + '/media/browser?ticket=' + encodeURIComponent(ticket));
        ws.onopen = function () {
          status('Connected: the agent introduces itself first; your microphone opens when it has finished.');
          el('test-call-hangup').disabled = false;
          send({ type: 'session.update', session: { input_audio_format: 'pcm16', output_audio_format: 'pcm16' } });
          send({ type: 'response.create' });
          capture(stream);
        };
        ws.onmessage = onMessage;
        ws.onclose = function (c) { finished(c.reason); };
      }).catch(function (err) {
        status('No microphone: ' + err.message + '. Allow this page to use the microphone and start again.');
      });
    },
    hangUp: function () {
      if (ws) ws.close(1000, 'hung up');
    }
  };
})();
