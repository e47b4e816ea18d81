/*
 * The call page's waveform player (WEB-INF/includes/call-review-player.xhtml). Plain script, no dependencies.
 * - draws the recording's waveform (peaks from /recordings/peaks/{id}) with the timeline's marks over it:
 *   redactions and PCI pauses as shaded ranges, events, flags and annotations as markers (clickable, titled);
 * - keeps the transcript in step: a click on a line seeks there, the line being heard is highlighted and kept
 *   in view;
 * - picks a range for an annotation by dragging on the waveform or selecting transcript lines, and fills the
 *   annotation form's From and To;
 * - keys: space plays or pauses, left and right arrows seek 5 s (1 s with shift), outside form fields;
 * - fetches audio only when the reviewer plays (each fetch is an audited playback).
 */
(function () {
  'use strict';

  var player, audio, canvas, wave, cursor, rangeBox, markersBox, timeText, toggle, selectionText;
  var durationMs = 0, positionMs = 0, peaks = [], timeline = {lines: [], markers: []};
  var lines = [], currentLine = -1, range = null, drag = null, pendingSeek = null, follow = false;

  function clock(ms, precise) {
    var tenths = Math.round(ms / 100);
    var s = Math.floor(tenths / 10), m = Math.floor(s / 60), h = Math.floor(m / 60);
    var text = (h > 0 ? h + ':' + pad(m % 60) : String(m)) + ':' + pad(s % 60);
    return precise && tenths % 10 ? text + '.' + (tenths % 10) : text;
  }

  function pad(n) { return n < 10 ? '0' + n : String(n); }

  function readTimeline() {
    var data = document.getElementById('timeline-data');
    try {
      timeline = JSON.parse(data && data.dataset.json ? data.dataset.json : '{}');
    } catch (e) {
      timeline = {};
    }
    timeline.lines = timeline.lines || [];
    timeline.markers = timeline.markers || [];
  }

  function atX(clientX) {
    var box = wave.getBoundingClientRect();
    var f = Math.min(1, Math.max(0, (clientX - box.left) / box.width));
    return Math.round(f * durationMs);
  }

  function pct(ms) { return (durationMs ? 100 * ms / durationMs : 0) + '%'; }

  function draw() {
    var ratio = window.devicePixelRatio || 1;
    var width = wave.clientWidth, height = canvas.height / (canvas.dataset.ratio || 1);
    if (!width) { return; }
    canvas.style.width = width + 'px';
    canvas.style.height = '88px';
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(88 * ratio);
    canvas.dataset.ratio = ratio;
    var g = canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, width, 88);
    timeline.markers.forEach(function (m) {
      if (m.kind === 'REDACTION' || m.kind === 'PAUSE') {
        g.fillStyle = m.kind === 'REDACTION' ? 'rgba(220, 38, 38, 0.18)' : 'rgba(107, 114, 128, 0.22)';
        var x = width * m.startMs / durationMs;
        g.fillRect(x, 0, Math.max(2, width * (m.endMs - m.startMs) / durationMs), 88);
      }
    });
    var mid = 44, played = width * positionMs / (durationMs || 1);
    var n = peaks.length;
    for (var px = 0; px < width; px += 2) {
      var from = Math.floor(px / width * n), to = Math.max(from + 1, Math.floor((px + 2) / width * n));
      var peak = 0;
      for (var i = from; i < to && i < n; i++) { peak = Math.max(peak, peaks[i]); }
      var h = Math.max(1, peak / 100 * 40);
      g.fillStyle = px < played ? '#1d4ed8' : '#93c5fd';
      g.fillRect(px, mid - h, 1.5, 2 * h);
    }
  }

  function placeMarkers() {
    markersBox.innerHTML = '';
    timeline.markers.forEach(function (m) {
      if (m.kind === 'REDACTION' || m.kind === 'PAUSE') { return; }
      var el = document.createElement('button');
      el.type = 'button';
      el.className = 'vigil-marker kind-' + m.kind + (m.endMs > m.startMs ? ' range' : '');
      el.style.left = pct(m.startMs);
      if (m.endMs > m.startMs) { el.style.width = pct(m.endMs - m.startMs); }
      el.dataset.kind = m.kind;
      el.dataset.startMs = m.startMs;
      el.dataset.endMs = m.endMs;
      if (m.ref) { el.dataset.ref = m.ref; }
      el.title = m.label + ' at ' + clock(m.startMs) + (m.endMs > m.startMs ? '–' + clock(m.endMs) : '');
      el.setAttribute('aria-label', el.title);
      el.addEventListener('mousedown', function (e) { e.stopPropagation(); });
      el.addEventListener('click', function (e) { e.stopPropagation(); seek(m.startMs); });
      markersBox.appendChild(el);
    });
    // redactions and pauses as marked ranges too, for tooltips and tests (drawn on the canvas as well)
    timeline.markers.forEach(function (m) {
      if (m.kind !== 'REDACTION' && m.kind !== 'PAUSE') { return; }
      var el = document.createElement('div');
      el.className = 'vigil-shade kind-' + m.kind;
      el.style.left = pct(m.startMs);
      el.style.width = pct(Math.max(1, m.endMs - m.startMs));
      el.dataset.kind = m.kind;
      el.dataset.startMs = m.startMs;
      el.dataset.endMs = m.endMs;
      el.title = m.label + ' at ' + clock(m.startMs);
      markersBox.appendChild(el);
    });
  }

  function show() {
    player.dataset.positionMs = Math.round(positionMs);
    timeText.textContent = clock(positionMs);
    cursor.style.left = pct(positionMs);
    followTranscript();
    draw();
  }

  function followTranscript() {
    var found = -1;
    for (var i = 0; i < lines.length; i++) {
      if (lines[i].startMs <= positionMs) { found = i; } else { break; }
    }
    if (found === currentLine) { return; }
    if (currentLine >= 0 && lines[currentLine]) { lines[currentLine].el.classList.remove('vigil-current'); }
    currentLine = found;
    if (found >= 0) {
      var el = lines[found].el;
      el.classList.add('vigil-current');
      // follow while playing or after the reviewer moved the player, not when the page opens
      if (follow || !audio.paused) {
        el.scrollIntoView({block: 'nearest', behavior: 'smooth'});
      }
    }
  }

  function ensureSource() {
    if (!audio.getAttribute('src')) {
      audio.src = player.dataset.audio;
    }
  }

  function seek(ms, byReviewer) {
    follow = byReviewer !== false;
    positionMs = Math.max(0, Math.min(durationMs, ms));
    if (audio.getAttribute('src') && audio.readyState >= 1) {
      audio.currentTime = positionMs / 1000;
    } else {
      pendingSeek = positionMs;
    }
    show();
  }

  function play() {
    ensureSource();
    if (audio.readyState >= 1 && pendingSeek !== null) {
      audio.currentTime = pendingSeek / 1000;
      pendingSeek = null;
    }
    var started = audio.play();
    if (started && started.catch) {
      started.catch(function () { /* a blocked autoplay leaves the button to try again */ });
    }
  }

  function togglePlay() {
    if (audio.paused) { play(); } else { audio.pause(); }
  }

  function setRange(a, b) {
    var start = Math.max(0, Math.min(a, b)), end = Math.min(durationMs, Math.max(a, b));
    range = {startMs: start, endMs: end};
    player.dataset.rangeStartMs = start;
    player.dataset.rangeEndMs = end;
    rangeBox.style.display = 'block';
    rangeBox.style.left = pct(start);
    rangeBox.style.width = pct(end - start);
    var from = document.getElementById('annotations:start'), to = document.getElementById('annotations:end');
    selectionText.textContent = 'Range ' + clock(start, true) + '–' + clock(end, true)
        + (from ? ' · filled into the annotation form' : '');
    if (from && to) {
      from.value = clock(start, true);
      to.value = clock(end, true);
      from.dispatchEvent(new Event('change'));
      to.dispatchEvent(new Event('change'));
    }
  }

  function bindTranscript() {
    lines = [];
    currentLine = -1;
    var items = document.querySelectorAll('#transcript > li');
    for (var i = 0; i < items.length && i < timeline.lines.length; i++) {
      var el = items[i];
      var line = {el: el, startMs: timeline.lines[i][0], endMs: timeline.lines[i][1]};
      lines.push(line);
      el.dataset.startMs = line.startMs;
      el.dataset.endMs = line.endMs;
      el.classList.add('vigil-seekable');
      el.title = 'Listen from ' + clock(line.startMs);
      el.addEventListener('click', (function (l) {
        return function () {
          var sel = window.getSelection();
          if (sel && !sel.isCollapsed) { return; }
          seek(l.startMs);
        };
      })(line));
    }
    document.addEventListener('mouseup', function () {
      var sel = window.getSelection();
      if (!sel || sel.isCollapsed) { return; }
      var a = lineOf(sel.anchorNode), b = lineOf(sel.focusNode);
      if (a && b) {
        setRange(Math.min(a.startMs, b.startMs), Math.max(a.endMs, b.endMs));
      }
    });
  }

  function lineOf(node) {
    for (; node; node = node.parentNode) {
      for (var i = 0; i < lines.length; i++) {
        if (lines[i].el === node) { return lines[i]; }
      }
    }
    return null;
  }

  function bindWave() {
    wave.addEventListener('mousedown', function (e) {
      drag = {x: e.clientX, ms: atX(e.clientX), moved: false};
      e.preventDefault();
    });
    document.addEventListener('mousemove', function (e) {
      if (!drag) { return; }
      if (Math.abs(e.clientX - drag.x) > 4) { drag.moved = true; }
      if (drag.moved) {
        var now = atX(e.clientX);
        rangeBox.style.display = 'block';
        rangeBox.style.left = pct(Math.min(drag.ms, now));
        rangeBox.style.width = pct(Math.abs(now - drag.ms));
      }
    });
    document.addEventListener('mouseup', function (e) {
      if (!drag) { return; }
      var d = drag;
      drag = null;
      if (d.moved) { setRange(d.ms, atX(e.clientX)); } else { seek(d.ms); }
    });
  }

  function bindKeys() {
    document.addEventListener('keydown', function (e) {
      if (e.ctrlKey || e.altKey || e.metaKey) { return; }
      var t = e.target;
      if (t && t.closest && t.closest('input, textarea, select, [contenteditable], .ui-selectonemenu, .ui-dialog, a, button:not(#player-toggle)')) {
        return;
      }
      if (e.key === ' ' || e.code === 'Space') {
        e.preventDefault();
        togglePlay();
      } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
        if (t && t.closest && t.closest('[role=tab], [role=tablist]')) { return; }
        e.preventDefault();
        var step = e.shiftKey ? 1000 : 5000;
        seek(positionMs + (e.key === 'ArrowLeft' ? -step : step));
      }
    });
    document.addEventListener('click', function (e) {
      var link = e.target.closest && e.target.closest('[data-seek-ms]');
      if (!link) { return; }
      e.preventDefault();
      seek(parseInt(link.dataset.seekMs, 10) || 0);
      player.scrollIntoView({block: 'nearest'});
    });
  }

  function init() {
    player = document.getElementById('player');
    readTimeline();
    if (!player) { return; }
    // the page's plain audio element gives way to this player: no second fetch of the recording
    document.querySelectorAll('.vigil-recording audio').forEach(function (a) {
      a.preload = 'none';
      a.removeAttribute('src');
    });
    audio = document.getElementById('player-audio');
    canvas = document.getElementById('player-canvas');
    wave = document.getElementById('player-wave');
    cursor = document.getElementById('player-cursor');
    rangeBox = document.getElementById('player-range');
    markersBox = document.getElementById('player-markers');
    timeText = document.getElementById('player-time');
    toggle = document.getElementById('player-toggle');
    selectionText = document.getElementById('player-selection');
    durationMs = parseInt(player.dataset.durationMs, 10) || timeline.durationMs || 0;
    audio.addEventListener('loadedmetadata', function () {
      if (pendingSeek !== null) {
        audio.currentTime = pendingSeek / 1000;
        pendingSeek = null;
      }
    });
    audio.addEventListener('timeupdate', function () {
      if (pendingSeek === null) { positionMs = audio.currentTime * 1000; follow = false; show(); }
    });
    audio.addEventListener('play', function () { toggle.textContent = '❚❚'; toggle.setAttribute('aria-label', 'Pause'); player.classList.add('playing'); });
    audio.addEventListener('pause', function () { toggle.textContent = '▶'; toggle.setAttribute('aria-label', 'Play'); player.classList.remove('playing'); });
    toggle.addEventListener('click', function () {
      togglePlay();
      // keyboard focus back to the page, so the next space is ours and not a second click of the button
      toggle.blur();
    });
    bindWave();
    bindTranscript();
    bindKeys();
    placeMarkers();
    seek(parseInt(player.dataset.startMs, 10) || 0, false);
    window.addEventListener('resize', draw);
    fetch(player.dataset.peaks, {credentials: 'same-origin'})
      .then(function (r) { return r.ok ? r.json() : {peaks: []}; })
      .then(function (w) {
        peaks = w.peaks || [];
        player.dataset.peaksLoaded = String(peaks.length);
        draw();
      })
      .catch(function () { player.dataset.peaksLoaded = '0'; });
  }

  /** After an annotation was saved or removed (ajax), the timeline is re-rendered: redraw its marks. */
  function refresh() {
    if (!player) { return; }
    readTimeline();
    placeMarkers();
    draw();
  }

  window.VigilPlayer = {refresh: refresh, seek: function (ms) { if (player) { seek(ms); } },
    range: function () { return range; }};
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
