// A clip link in the middle of the 4-hour recording (`player.html#t=7200,7230`), opened cold on an
// emulated phone connection (DevTools' Fast 4G: 165 ms latency, 8.1 Mbit/s down).
// Network requests are read over CDP: every request to a media file (.m4s, .mp4, .m4a) sent before
// the media's first `playing` event counts, with the bytes received for it by then
// (Network.dataReceived + loadingFinished). Time to playing runs from navigation start (when the
// bench has to seek for the player, it counts navigation → ready plus seek → playing).
// A whole-audio fetch is a request for audio.m4a (the progressive file) without a Range header,
// or with a range covering the whole file (bytes=0- included), at any time in the run.
// When the player does not act on the link itself (its position is not at the clip within 2 s of
// ready), the bench seeks with the player's API and says so.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { figure } from '../lib/figure.js';
import { createPlayer, openBenchPage, sleep } from '../lib/bench-page.js';
import { parseRange } from '../lib/static-server.js';

/**
 * Whether a request fetches the whole progressive audio file: `audio.m4a` with no Range header, or
 * with a range from byte 0 to the end (`bytes=0-` included). `range` is the header or null.
 */
export function isWholeAudioFetch(url, range, audioSize) {
  if (!/\/audio\.m4a(\?|$)/.test(url)) return false;
  if (!range) return true;
  const r = parseRange(range, audioSize);
  return r !== null && r.start === 0 && r.end >= audioSize - 1;
}

// DevTools' "Fast 4G" preset: a phone's connection. On localhost with no latency, hls.js fills its
// buffer faster than the page reaches `playing`, and the count of segments says nothing.
const FAST_4G = { offline: false, latency: 165, downloadThroughput: (9_000_000 * 0.9) / 8, uploadThroughput: (1_500_000 * 0.9) / 8 };
const CLIP_START = 7200;
const CLIP_END = 7230;
const MEDIA = /\.(m4s|mp4|m4a)(\?|$)/;

async function clipOnce(browser, serverUrl, engine, audioSize) {
  const requests = new Map();
  const session = await openBenchPage(browser, serverUrl, {
    hash: `#t=${CLIP_START},${CLIP_END}`,
    beforeGoto: async (cdp) => {
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', FAST_4G);
      cdp.on('Network.requestWillBeSent', (e) => {
        const headers = e.request.headers ?? {};
        requests.set(e.requestId, { url: e.request.url, range: headers.Range ?? headers.range ?? null, encoded: 0, decoded: 0, bytes: 0, finished: false, sent: e.timestamp, done: NaN });
      });
      cdp.on('Network.requestWillBeSentExtraInfo', (e) => {
        const r = requests.get(e.requestId);
        const range = e.headers?.Range ?? e.headers?.range;
        if (r && range) r.range = range;
      });
      // Bytes so far: transferred (encoded) where Chromium reports them per chunk, else decoded;
      // once finished, the transfer size loadingFinished gives.
      cdp.on('Network.dataReceived', (e) => {
        const r = requests.get(e.requestId);
        if (!r || r.finished) return;
        r.encoded += e.encodedDataLength;
        r.decoded += e.dataLength;
        r.bytes = r.encoded > 0 ? r.encoded : r.decoded;
      });
      cdp.on('Network.loadingFinished', (e) => {
        const r = requests.get(e.requestId);
        if (r) {
          r.bytes = e.encodedDataLength;
          r.finished = true;
          r.done = e.timestamp;
        }
      });
    },
  });
  try {
    const { page } = session;
    // `deep-link`: the player opens the page's clip link itself.
    await createPlayer(page, { engine, attributes: { 'deep-link': '' } });
    // Give the player a moment to act on the link itself.
    const byPlayer = await page
      .waitForFunction(`Math.abs(benchProbe.player.currentTime - ${CLIP_START}) < 2`, { timeout: 2000, polling: 50 })
      .then(() => true)
      .catch(() => false);
    await page.evaluate(
      async (start, byPlayer) => {
        const player = window.benchProbe.player;
        const playing = window.benchProbe.playing();
        window.benchProbe.mark('bench-seek');
        if (!byPlayer) player.seek(start);
        if (player.paused) await player.play();
        await playing;
      },
      CLIP_START,
      byPlayer,
    );
    const before = [...requests.values()].filter((r) => MEDIA.test(r.url)).map((r) => ({ ...r }));
    // Every request until playing, in ms from the first one (the page): what audio waited for.
    const all = [...requests.values()];
    const t0 = Math.min(...all.map((r) => r.sent));
    const timeline = all.map((r) => `${((r.sent - t0) * 1000).toFixed(0)}–${Number.isFinite(r.done) ? ((r.done - t0) * 1000).toFixed(0) : '…'} ms ${r.url.replace(/^https?:\/\/[^/]+/, '')} ${(r.bytes / 1024).toFixed(0)} KiB`);
    const marks = await page.evaluate('benchProbe.marks');
    const at = await page.evaluate('benchProbe.player.currentTime');
    // Keep playing a little: a whole-file fetch may come after the first frame.
    await sleep(2000);
    const wholeAudio = [...requests.values()].filter((r) => isWholeAudioFetch(r.url, r.range, audioSize)).length;
    return {
      byPlayer,
      segments: before.filter((r) => /\.m4s(\?|$)/.test(r.url)).length,
      mediaRequests: before.length,
      mediaBytes: before.reduce((sum, r) => sum + r.bytes, 0),
      // When the bench had to seek, the 2 s it waited for the player are left out: ready, then seek → playing.
      toPlaying: byPlayer ? marks.playing : marks.ready + (marks.playing - marks['bench-seek']),
      position: at,
      wholeAudio,
      timeline,
      marks: { create: marks.create, ready: marks.ready, seek: marks['bench-seek'], playing: marks.playing },
      urls: before.map((r) => `${r.url.replace(/^https?:\/\/[^/]+/, '')}${r.range ? ` [${r.range}]` : ''}`),
      engine: await page.evaluate('benchProbe.player.activeEngine'),
      problems: session.problems,
    };
  } finally {
    await session.close();
  }
}

/** Opens the clip link `runs` times with each engine. */
export async function benchClipLink(browser, serverUrl, { runs, longDir, engines = ['auto', 'hls.js'], log }) {
  const audioSize = statSync(join(longDir, 'audio.m4a')).size;
  const figures = [];
  const evidence = {};
  let byPlayer = true;
  for (const engine of engines) {
    const results = [];
    for (let i = 0; i < runs; i++) {
      const r = await clipOnce(browser, serverUrl, engine === 'auto' ? undefined : engine, audioSize);
      log?.(`clip link (${r.engine}) run ${i + 1}/${runs}: ${r.segments} segments / ${r.mediaRequests} media requests, ${(r.mediaBytes / 1024).toFixed(0)} KiB before playing, playing after ${r.toPlaying.toFixed(0)} ms at ${r.position.toFixed(1)} s, ${r.wholeAudio} whole-audio fetches${r.byPlayer ? '' : ' (seeked by the bench)'}`);
      results.push(r);
      byPlayer &&= r.byPlayer;
    }
    const name = results[0].engine ?? engine;
    const key = name === 'hls.js' ? 'hlsjs' : name;
    const pick = (fn) => results.map(fn);
    figures.push(
      figure('clip', `clip.${key}.segments`, `clip link (${name}): media segments before playing`, 'requests', pick((r) => r.segments)),
      figure('clip', `clip.${key}.media-requests`, `clip link (${name}): media requests before playing (init, segments, files)`, 'requests', pick((r) => r.mediaRequests)),
      figure('clip', `clip.${key}.media-bytes`, `clip link (${name}): media bytes before playing`, 'KiB', pick((r) => r.mediaBytes / 1024)),
      figure('clip', `clip.${key}.time-to-playing`, `clip link (${name}): navigation → playing, Fast 4G`, 'ms', pick((r) => r.toPlaying)),
      figure('clip', `clip.${key}.whole-audio`, `clip link (${name}): whole-audio fetches`, 'requests', pick((r) => r.wholeAudio)),
    );
    const last = results[results.length - 1];
    evidence[key] = { mediaRequestsBeforePlaying: last.urls, marksMs: last.marks, requests: last.timeline, problems: last.problems };
  }
  return { figures, byPlayer, evidence };
}
