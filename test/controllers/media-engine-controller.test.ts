import { expect } from '@esm-bundle/chai';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { segmentsFrom } from '../../src/controllers/hls-segment-status.js';
import { MediaEngineController, type HlsConstructor, type MediaEngineError } from '../../src/controllers/media-engine-controller.js';
import { liveTimers } from '../../src/controllers/timer-scope.js';
import type { AudioSource } from '../../src/manifest/types.js';
import { fakeNetwork } from '../helpers/network.js';
import { fixtureUrl, hasNativeHls, waitFor } from '../helpers/wait.js';

const HLS: AudioSource = { url: fixtureUrl('talk/audio/index.m3u8'), type: 'application/vnd.apple.mpegurl' };
const M4A: AudioSource = { url: fixtureUrl('talk/audio.m4a'), type: 'audio/mp4' };
const MISSING: AudioSource = { url: fixtureUrl('talk/missing/index.m3u8'), type: 'application/vnd.apple.mpegurl' };

class Host implements ReactiveControllerHost {
  controllers: ReactiveController[] = [];
  addController(c: ReactiveController): void {
    this.controllers.push(c);
  }
  removeController(): void {}
  requestUpdate(): void {}
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }
}

interface Setup {
  engine: MediaEngineController;
  media: HTMLAudioElement;
  errors: MediaEngineError[];
}

const realLoadHls = MediaEngineController.loadHls;
let current: Setup | undefined;

function setup(): Setup {
  const media = document.createElement('audio');
  const errors: MediaEngineError[] = [];
  const engine = new MediaEngineController(new Host(), media, { onError: (e) => errors.push(e) });
  current = { engine, media, errors };
  return current;
}

async function playsFor(media: HTMLAudioElement, seconds: number): Promise<void> {
  await media.play();
  await waitFor(() => media.currentTime >= seconds, `currentTime >= ${seconds} (at ${media.currentTime})`);
}

afterEach(() => {
  current?.engine.hostDisconnected();
  current = undefined;
  MediaEngineController.loadHls = realLoadHls;
});

describe('MediaEngineController', () => {
  it('plays HLS natively where the browser can', async function () {
    if (!hasNativeHls()) this.skip();
    const { engine, media } = setup();
    await engine.load([HLS, M4A], 'auto');
    expect(engine.engine).to.equal('native');
    expect(engine.hls).to.equal(null);
    await playsFor(media, 1);
  });

  it('plays HLS through hls.js when forced (and naturally without native HLS)', async () => {
    const { engine, media } = setup();
    await engine.load([HLS, M4A], hasNativeHls() ? 'hls.js' : 'auto');
    expect(engine.engine).to.equal('hls.js');
    expect(engine.hls).to.not.equal(null);
    expect(media.src.startsWith('blob:')).to.equal(true);
    await playsFor(media, 1);
  });

  it('starts hls.js playback at startAt', async () => {
    const { engine, media } = setup();
    await engine.load([HLS], 'hls.js', { startAt: 8 });
    await media.play();
    await waitFor(() => media.currentTime > 8.2, 'playback past 8.2 s');
  });

  for (const preference of ['hls.js', 'native'] as const) {
    it(`plays when play() was asked for before the source attached (${preference})`, async function () {
      if (preference === 'native' && !hasNativeHls()) this.skip();
      const { engine, media } = setup();
      media.muted = true;
      // A page may call play() as soon as it creates the player, before the hls.js chunk is in.
      const played = media.play().catch(() => {});
      await engine.load([HLS], preference);
      expect(engine.engine).to.equal(preference);
      await played;
      await waitFor(() => !media.paused && media.currentTime >= 1, `playback past 1 s (at ${media.currentTime}, readyState ${media.readyState})`);
    });
  }

  it('plays a progressive file when it is the only source', async () => {
    const { engine, media } = setup();
    await engine.load([M4A], 'auto');
    expect(engine.engine).to.equal('progressive');
    await playsFor(media, 1);
  });

  it('falls back to the progressive source when hls.js cannot be loaded', async () => {
    MediaEngineController.loadHls = () => Promise.reject(new Error('chunk blocked'));
    const { engine, media } = setup();
    await engine.load([HLS, M4A], 'hls.js');
    expect(engine.engine).to.equal('progressive');
    expect(media.src).to.equal(M4A.url);
  });

  it('reports no-source when nothing can play', async () => {
    MediaEngineController.loadHls = () => Promise.reject(new Error('chunk blocked'));
    const { engine, errors } = setup();
    await engine.load([HLS], 'hls.js');
    expect(errors.map((e) => e.code)).to.deep.equal(['no-source']);
    expect(errors[0]!.fatal).to.equal(true);
  });

  for (const preference of ['hls.js', 'native'] as const) {
    it(`reports a playlist 404 as a fatal media-network error with the status (${preference})`, async function () {
      if (preference === 'native' && !hasNativeHls()) this.skip();
      const { engine, errors } = setup();
      await engine.load([MISSING], preference);
      await waitFor(() => errors.find((e) => e.fatal), 'a fatal error');
      const error = errors.find((e) => e.fatal)!;
      expect(error.code).to.equal('media-network');
      expect(error.status).to.equal(404);
      expect(error.message).to.contain('missing/index.m3u8');
    });
  }

  it('destroys hls.js and empties the media element when the host disconnects', async () => {
    const Real = await realLoadHls();
    let destroyed = 0;
    class Spy extends Real {
      override destroy(): void {
        destroyed++;
        super.destroy();
      }
    }
    MediaEngineController.loadHls = () => Promise.resolve(Spy as HlsConstructor);
    const { engine, media } = setup();
    await engine.load([HLS], 'hls.js');
    expect(engine.hls).to.be.instanceOf(Spy);
    engine.hostDisconnected();
    expect(destroyed).to.equal(1);
    expect(engine.hls).to.equal(null);
    expect(media.hasAttribute('src')).to.equal(false);
    expect(liveTimers()).to.equal(0);
  });

  it('never creates hls.js when unloaded while the hls.js chunk is loading', async () => {
    const Real = await realLoadHls();
    let created = 0;
    class Spy extends Real {
      constructor(...args: ConstructorParameters<HlsConstructor>) {
        super(...args);
        created++;
      }
    }
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    MediaEngineController.loadHls = () => gate.then(() => Spy as HlsConstructor);
    const { engine, media } = setup();
    const loading = engine.load([HLS], 'hls.js');
    engine.hostDisconnected();
    release();
    await loading;
    expect(created).to.equal(0);
    expect(engine.engine).to.equal(null);
    expect(media.hasAttribute('src')).to.equal(false);
  });

  it('recovers a fatal media error once per 5 s, then reports media-decode', async () => {
    const Real = await realLoadHls();
    let recoveries = 0;
    class Faulty extends Real {
      override recoverMediaError(): void {
        recoveries++;
      }
    }
    MediaEngineController.loadHls = () => Promise.resolve(Faulty as HlsConstructor);
    const { engine, errors } = setup();
    await engine.load([HLS], 'hls.js');
    const hls = engine.hls!;
    const fault = { type: Real.ErrorTypes.MEDIA_ERROR, details: Real.ErrorDetails.BUFFER_APPEND_ERROR, fatal: true, error: new Error('injected') };
    hls.trigger(Real.Events.ERROR, fault);
    expect(recoveries).to.equal(1);
    expect(errors).to.deep.equal([]);
    hls.trigger(Real.Events.ERROR, fault);
    expect(recoveries).to.equal(1);
    expect(errors.map((e) => [e.code, e.fatal])).to.deep.equal([['media-decode', true]]);
    expect(engine.hls).to.equal(null);
  });

  it('does not retry a 4xx, but Retry loads again', async () => {
    const { engine, errors } = setup();
    await engine.load([MISSING], 'hls.js');
    await waitFor(() => errors.length > 0, 'an error');
    expect(errors).to.have.length(1);
    expect(engine.hls).to.equal(null);
    engine.retry();
    // A new hls.js loads it again, and hears the same answer.
    await waitFor(() => errors.length > 1, 'a second error');
    expect(errors[1]!.status).to.equal(404);
  });

  it('retries a failed network load with backoff while playing, then recovers', async () => {
    const Real = await realLoadHls();
    let failures = 1;
    let created = 0;
    class Flaky extends Real {
      constructor(...args: ConstructorParameters<HlsConstructor>) {
        super(...args);
        created++;
      }
      override loadSource(url: string): void {
        if (failures > 0) {
          failures--;
          // A 503 on the playlist, after hls.js's own retries.
          queueMicrotask(() =>
            this.trigger(Real.Events.ERROR, {
              type: Real.ErrorTypes.NETWORK_ERROR,
              details: Real.ErrorDetails.MANIFEST_LOAD_ERROR,
              fatal: true,
              error: new Error('injected 503'),
              url,
              response: { code: 503, text: 'unavailable', url },
            } as never),
          );
          return;
        }
        super.loadSource(url);
      }
    }
    MediaEngineController.loadHls = () => Promise.resolve(Flaky as HlsConstructor);
    const { engine, errors, media } = setup();
    await engine.load([HLS], 'hls.js');
    await waitFor(() => errors.length > 0, 'the network error');
    expect(errors[0]).to.include({ code: 'media-network', fatal: false });
    expect(created).to.equal(1);
    // Paused: nothing is retried until someone wants audio.
    media.play().catch(() => {});
    await waitFor(() => created === 2, 'a second hls.js instance');
    await waitFor(() => media.currentTime > 0.5, 'playback after the retry');
  });

  it('says "offline" when the connection drops while playback waits for data, and clears it once it plays', async () => {
    const media = document.createElement('audio');
    const errors: MediaEngineError[] = [];
    let recovered = 0;
    const engine = new MediaEngineController(new Host(), media, { onError: (e) => errors.push(e), onRecovered: () => recovered++ });
    current = { engine, media, errors };
    engine.hostConnected();
    const network = fakeNetwork(false);
    try {
      // test/server/slow-file.js: the file arrives over 2 s, so playback first waits for data.
      await engine.load([{ url: new URL('/__slow__/talk/audio.m4a', location.href).href, type: 'audio/mp4' }], 'auto');
      media.muted = true;
      const playing = media.play();
      expect(media.readyState).to.be.below(HTMLMediaElement.HAVE_FUTURE_DATA);
      network.offline = true;
      window.dispatchEvent(new Event('offline'));
      expect(errors).to.deep.equal([{ code: 'offline', message: 'the network is offline; playback resumes when it is back', fatal: false }]);
      // Said once, however often playback waits meanwhile.
      media.dispatchEvent(new Event('waiting'));
      expect(errors).to.have.length(1);
      network.offline = false;
      await playing;
      await waitFor(() => recovered === 1, 'recovered once playing');
      expect(errors).to.have.length(1);
    } finally {
      network.restore();
    }
  });

  it('does not say "offline" for a paused player, one that is not offline, or a seek within what is buffered', async () => {
    const { engine, media, errors } = setup();
    engine.hostConnected();
    await engine.load([M4A], 'auto');
    const network = fakeNetwork(true);
    try {
      // Paused: nobody waits for audio.
      window.dispatchEvent(new Event('offline'));
      media.dispatchEvent(new Event('waiting'));
      network.offline = false;
      media.muted = true;
      await playsFor(media, 0.5);
      media.dispatchEvent(new Event('waiting'));
      expect(errors).to.deep.equal([]);
      // Offline, a seek within what is buffered waits a moment for the decoder, not the network.
      await waitFor(() => media.buffered.length > 0 && media.buffered.end(0) >= media.duration - 0.1, 'the whole file buffered');
      network.offline = true;
      let waited = 0;
      media.addEventListener('waiting', () => waited++);
      for (const to of [12, 3, 9, 1]) {
        media.currentTime = to;
        await new Promise((resolve) => media.addEventListener('seeked', resolve, { once: true }));
      }
      expect(errors, `after ${waited} waiting events`).to.deep.equal([]);
    } finally {
      network.restore();
    }
  });

  it('segmentsFrom lists a media playlist\'s segments from the one holding a time, http(s) only', () => {
    const text = ['#EXTM3U', '#EXT-X-MAP:URI="init.mp4"', '#EXTINF:4,', 'a.m4s', '#EXTINF:4.5,title', 'sub/b.m4s', '#EXTINF:4,', 'javascript:alert(1)', '#EXTINF:4,', 'https://cdn.example/c.m4s', '#EXT-X-ENDLIST'].join('\r\n');
    const base = 'https://host.example/rec/index.m3u8';
    expect(segmentsFrom(text, base, 0)).to.deep.equal(['https://host.example/rec/a.m4s', 'https://host.example/rec/sub/b.m4s', 'https://cdn.example/c.m4s']);
    expect(segmentsFrom(text, base, 4)).to.deep.equal(['https://host.example/rec/sub/b.m4s', 'https://cdn.example/c.m4s']);
    expect(segmentsFrom(text, base, 12.6)).to.deep.equal(['https://cdn.example/c.m4s']);
    expect(segmentsFrom(text, base, 99)).to.deep.equal([]);
  });

  describe('a segment failing mid-playback (test/server/failing-segment.js)', () => {
    /** The fixture playlist, with seg002.m4s (8–12 s) answering `status` `times` times. */
    const failing = (key: string, status: number, times: number | 'all'): AudioSource => ({
      url: new URL(`/__fail__/${key}${Date.now()}-${status}x${times}-seg002.m4s/talk/audio/index.m3u8`, location.href).href,
      type: 'application/vnd.apple.mpegurl',
    });

    it('hls.js rides out a segment answering 503 twice: playback goes past it, nothing fatal', async () => {
      const { engine, media, errors } = setup();
      media.muted = true;
      await engine.load([failing('busy', 503, 2)], 'hls.js', { startAt: 6 });
      media.playbackRate = 2;
      await media.play();
      await waitFor(() => media.currentTime > 12.5, 'playback past the failing segment (8–12 s)', 15_000);
      expect(errors.filter((e) => e.fatal)).to.deep.equal([]);
    });

    it('hls.js reports a segment answering 404 as a fatal media-network error naming it', async () => {
      const { engine, media, errors } = setup();
      media.muted = true;
      await engine.load([failing('gone', 404, 'all')], 'hls.js', { startAt: 6 });
      media.play().catch(() => {});
      await waitFor(() => errors.some((e) => e.fatal), 'a fatal error');
      const error = errors.find((e) => e.fatal)!;
      expect(error).to.include({ code: 'media-network', status: 404 });
      expect(error.url).to.match(/seg002\.m4s$/);
      expect(media.currentTime).to.be.below(12.1);
    });

    it('native HLS reports a segment answering 404 as a fatal media-network error', async function () {
      if (!hasNativeHls()) this.skip();
      const { engine, media, errors } = setup();
      media.muted = true;
      await engine.load([failing('native', 404, 'all')], 'native', { startAt: 6 });
      expect(engine.engine).to.equal('native');
      media.play().catch(() => {});
      await waitFor(() => errors.some((e) => e.fatal), 'a fatal error', 15_000);
      // Chromium calls it a parse error; the engine asks the server and names the segment.
      const error = errors.find((e) => e.fatal)!;
      expect(error).to.include({ code: 'media-network', status: 404 });
      expect(error.url).to.match(/seg002\.m4s$/);
      expect(media.currentTime).to.be.below(12.1);
    });
  });

  describe('on the 4-hour recording', () => {
    // Generated by `npm run long-recording` (the CI makes it); skipped without it.
    const LONG_HLS: AudioSource = { url: new URL('../../.cache/long/audio/index.m3u8', import.meta.url).href, type: 'application/vnd.apple.mpegurl' };
    before(async function () {
      const response = await fetch(LONG_HLS.url, { method: 'HEAD' }).catch(() => null);
      if (!response?.ok) this.skip();
    });

    const ranges = (media: HTMLMediaElement): [number, number][] =>
      Array.from({ length: media.buffered.length }, (_, i) => [media.buffered.start(i), media.buffered.end(i)]);

    it('hls.js drops audio buffered far ahead after a seek back (it would never be played from there)', async () => {
      const { engine, media } = setup();
      media.muted = true;
      await engine.load([LONG_HLS], 'hls.js', { startAt: 7200 });
      await media.play();
      await waitFor(() => ranges(media).some(([a, b]) => a <= 7201 && b >= 7230), '30 s buffered at 7200');
      media.currentTime = 300;
      await waitFor(() => ranges(media).some(([a, b]) => a <= 301 && b >= 320), 'audio buffered at 300');
      // Nothing is kept more than hls.js's forward buffer (60 s) past the playhead: the 2-hour
      // range goes. Buffered audio stays in the page's memory until removed.
      await waitFor(() => ranges(media).every(([, b]) => b < media.currentTime + 120), 'no range buffered far ahead of the playhead');
      expect(media.currentTime).to.be.within(299, 420);
      // hls.js knows the audio is gone: back at 7200 it fetches it again and plays on.
      media.currentTime = 7200;
      await waitFor(() => media.currentTime > 7201 && !media.paused, 'playback again from 7200');
    });
  });
});
