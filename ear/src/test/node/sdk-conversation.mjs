// A voice agent built on the official openai package, pointed at Vigil: the SDK's realtime WebSocket client
// (OpenAIRealtimeWS) with its base URL at Vigil's /v1. It plays the agent's audio in real time (simulated: 20 ms per
// tick), speaks the caller's turns as voiced audio, and on a barge-in does what an SDK agent does: it stops playback
// and truncates the interrupted item at what it played. Prints a JSON summary on stdout.
//
// usage: node sdk-conversation.mjs <https base URL incl. /v1 and query> <token> <model> <CA PEM file>
import fs from 'node:fs';
import OpenAI from 'openai';
import { OpenAIRealtimeWS } from 'openai/realtime/ws';

const [baseURL, token, model, caFile] = process.argv.slice(2);
const RATE = 24000;
const FRAME_BYTES = RATE * 2 / 50; // 20 ms of PCM16
const DEADLINE = setTimeout(() => finish('the conversation did not finish in time'), 180_000);

const client = new OpenAI({ apiKey: token, baseURL });
const rt = new OpenAIRealtimeWS({ model, options: { ca: fs.readFileSync(caFile) } }, client);

const summary = { types: {}, errors: [], agentTranscripts: [], bargeIn: null, closed: null, audioNames: new Set() };
let queuedMs = 0, playedMs = 0, playingItem = null, itemPlayedMs = 0, responsesDone = 0; // completed responses
const speech = [];
let step = 0, waitFor = 1, answerStartedAt = -1;

function voiced(ms) {
  // a buzz with harmonics, loud enough for the agent's voice activity detection
  const n = Math.round(RATE * ms / 1000), pcm = Buffer.alloc(n * 2);
  for (let i = 0; i < n; i++) {
    const t = i / RATE;
    let v = 0;
    for (let h = 1; h <= 6; h++) v += Math.sin(2 * Math.PI * 140 * h * t) / h;
    pcm.writeInt16LE(Math.round(v * 6000), i * 2);
  }
  for (let i = 0; i < pcm.length; i += FRAME_BYTES) speech.push(pcm.subarray(i, i + FRAME_BYTES));
}

rt.on('error', (e) => summary.errors.push(String(e.message)));
rt.socket.on('close', (code, reason) => {
  summary.closed = { code, reason: String(reason) };
  if (step < 5) finish('Vigil closed the session early: ' + code + ' ' + reason);
});
rt.on('event', (e) => {
  summary.types[e.type] = (summary.types[e.type] || 0) + 1;
  if (e.type === 'response.output_audio.delta' || e.type === 'response.audio.delta') {
    summary.audioNames.add(e.type);
    if (e.item_id !== playingItem) { playingItem = e.item_id; itemPlayedMs = 0; }
    queuedMs = Math.max(queuedMs, playedMs) + Buffer.from(e.delta, 'base64').length / 2 / RATE * 1000;
  } else if (e.type === 'response.output_audio_transcript.done' || e.type === 'response.audio_transcript.done') {
    summary.agentTranscripts.push(e.transcript);
  } else if (e.type === 'input_audio_buffer.speech_started' && queuedMs > playedMs && playingItem) {
    summary.bargeIn = { itemId: playingItem, playedMs: Math.round(itemPlayedMs) };
    queuedMs = playedMs; // stop playback at once
    rt.send({ type: 'conversation.item.truncate', item_id: playingItem, content_index: 0,
      audio_end_ms: Math.round(itemPlayedMs) });
  } else if (e.type === 'response.done' && e.response?.status === 'completed') {
    responsesDone++; // completed replies; one cut short by the barge-in is 'cancelled'
  }
});

rt.socket.on('open', () => {
  rt.send({ type: 'session.update', session: { type: 'realtime',
    audio: { input: { format: { type: 'audio/pcm', rate: RATE } }, output: { format: { type: 'audio/pcm', rate: RATE } } } } });
  rt.send({ type: 'response.create' });
  setInterval(tick, 20);
});

const turns = [() => voiced(700), () => voiced(1500), () => voiced(1800), () => voiced(900)];

function tick() {
  if (step >= 5) return; // hung up
  if (queuedMs > playedMs) { playedMs += 20; itemPlayedMs += 20; }
  const frame = speech.length ? speech.shift() : Buffer.alloc(FRAME_BYTES);
  rt.send({ type: 'input_audio_buffer.append', audio: frame.toString('base64') });
  const quiet = speech.length === 0 && queuedMs <= playedMs;
  if (step === 2 && answerStartedAt < 0 && responsesDone >= waitFor - 1 && queuedMs > playedMs) {
    answerStartedAt = playedMs; // the answer to the question has begun to play
  }
  if (step === 2 && answerStartedAt >= 0 && playedMs >= answerStartedAt + 1000) {
    turns[2](); step = 3; waitFor = responsesDone + 1; // the caller cuts in while the agent speaks
    return;
  }
  if (step !== 2 && quiet && responsesDone >= waitFor && silentTicks() > 25) {
    if (step === 4) { rt.close({ code: 1000, reason: 'done' }); setTimeout(() => finish(null), 500); step = 5; return; }
    turns[step === 3 ? 3 : step](); step = step === 3 ? 4 : step + 1;
    waitFor = responsesDone + 1;
  }
}

let quietSince = 0;
function silentTicks() {
  if (speech.length || queuedMs > playedMs) { quietSince = 0; return 0; }
  return ++quietSince;
}

function finish(problem) {
  clearTimeout(DEADLINE);
  summary.audioNames = [...summary.audioNames];
  summary.problem = problem;
  process.stdout.write(JSON.stringify(summary) + '\n');
  process.exit(problem ? 1 : 0);
}
