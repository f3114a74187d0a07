// Network and media faults injected by the test server (test/server/faults.js), each played in
// both engines: Chromium plays HLS natively, Firefox through hls.js. Every fault ends in a clear
// state: the audio plays on (recovered, or from the next source), or the player says what failed
// and offers Retry. Deadlines are shortened with the `request-timeout` and `stall-timeout`
// attributes so that a request that never answers fails in a second or two, not 15 or 20.
import { expect } from '@esm-bundle/chai';
import WaveSurfer from 'wavesurfer.js';
import { MediaEngineController, type HlsConstructor } from '../../src/controllers/media-engine-controller.js';
import type { SpaceReplay } from '../../src/elements/space-replay/space-replay.js';
import type { PlayerErrorDetail } from '../../src/events.js';
import { clearFaults, faultKey, faultUrl, requestsFor, untilRequests } from '../helpers/faults.js';
import { find, manifestObject, mount, nextEvent, part, unmountAll, waitForState } from '../helpers/player.js';
import { fixtureUrl, hasNativeHls, waitFor } from '../helpers/wait.js';

afterEach(unmountAll);

const HLS_TYPE = 'application/vnd.apple.mpegurl';

function messageText(el: SpaceReplay): string {
  return part(el, '[part~="message"]').textContent!.replace(/\s+/g, ' ').trim();
}

/** Every `space-replay-error` of `el` from now on. */
function errorsOf(el: SpaceReplay): PlayerErrorDetail[] {
  const errors: PlayerErrorDetail[] = [];
  el.addEventListener('space-replay-error', (e) => errors.push(e.detail));
  return errors;
}

/** A player on the talk fixture served under `key` (its manifest's relative URLs keep the fault), once ready. */
async function readyThrough(key: string, fault?: string, file?: string, attributes: Record<string, string> = {}): Promise<SpaceReplay> {
  const el = mount({ 'no-resume': '', ...attributes });
  const ready = nextEvent(el, 'space-replay-ready', 15_000);
  el.src = faultUrl(key, 'talk/manifest.json', fault, file);
  await ready;
  el.mediaElement.muted = true;
  return el;
}

/** A player on the talk fixture with only its HLS source, served under `key` with `fault` on `file`, once ready. */
async function hlsOnly(key: string, fault: string, file: string, attributes: Record<string, string> = {}): Promise<SpaceReplay> {
  const manifest = await manifestObject();
  manifest.audio = [{ url: faultUrl(key, 'talk/audio/index.m3u8', fault, file), type: HLS_TYPE }];
  const el = mount({ 'no-resume': '', ...attributes });
  const ready = nextEvent(el, 'space-replay-ready', 15_000);
  el.manifest = manifest;
  await ready;
  el.mediaElement.muted = true;
  return el;
}

describe('<space-replay> faults: the manifest', function () {
  // Each test waits out a deadline, then recovers: on a busy CI machine that outlasts the 20 s default.
  this.timeout(60_000);

  it('500, then 200: says so with Retry, and Retry loads it', async () => {
    const key = faultKey('m500');
    const el = mount({ 'no-resume': '' });
    const error = nextEvent(el, 'space-replay-error');
    el.src = faultUrl(key, 'talk/manifest.json', '500x1', 'manifest.json');
    expect((await error).detail).to.include({ code: 'manifest-fetch', fatal: true, status: 500 });
    await waitForState(el, 'error');
    expect(messageText(el)).to.contain('The recording could not be loaded.');
    expect(messageText(el)).to.contain('500');
    const ready = nextEvent(el, 'space-replay-ready');
    part(el, '[part~="retry-button"]').click();
    expect((await ready).detail.manifest.id).to.equal('fixture-talk');
  });

  it('never answering: a timeout at the request deadline, with Retry', async () => {
    const key = faultKey('mhang');
    const el = mount({ 'no-resume': '', 'request-timeout': '1' });
    const error = nextEvent(el, 'space-replay-error');
    const started = performance.now();
    el.src = faultUrl(key, 'talk/manifest.json', 'hangxall', 'manifest.json');
    const { detail } = await error;
    expect(detail).to.include({ code: 'manifest-fetch', fatal: true, timeout: 1 });
    expect(detail.message).to.contain('did not answer within 1 s');
    expect(performance.now() - started).to.be.within(900, 5000);
    await waitForState(el, 'error');
    expect(messageText(el)).to.contain('The server did not answer within 1 s.');
    await clearFaults(key);
    // Retry with the default deadline: the server is back, and a busy machine may take more than 1 s.
    el.removeAttribute('request-timeout');
    const ready = nextEvent(el, 'space-replay-ready', 30_000);
    part(el, '[part~="retry-button"]').click();
    await ready;
  });

  it('410: expired, and not one media request', async () => {
    const key = faultKey('m410');
    const el = mount({ 'no-resume': '' });
    const error = nextEvent(el, 'space-replay-error');
    el.src = faultUrl(key, 'talk/manifest.json', '410xall', 'manifest.json');
    expect((await error).detail).to.include({ code: 'expired', status: 410 });
    await el.updateComplete;
    expect(el.state).to.equal('expired');
    expect(messageText(el)).to.contain('This recording has expired');
    // Give a stray request the time to reach the server.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await requestsFor(key)).map((r) => r.file)).to.deep.equal(['talk/manifest.json']);
    expect(el.activeEngine).to.equal(null);
  });
});

describe('<space-replay> faults: the audio sources', function () {
  // Each test waits out a deadline, then recovers: on a busy CI machine that outlasts the 20 s default.
  this.timeout(60_000);

  it('a playlist answering 404 falls back to the next source (audio.m4a), which plays, and nothing is said', async () => {
    const key = faultKey('p404');
    const el = await readyThrough(key, '404xall', 'index.m3u8');
    const errors = errorsOf(el);
    void el.play();
    await waitFor(() => el.currentTime > 1, 'playback from the progressive file', 15_000);
    expect(el.activeEngine).to.equal('progressive');
    expect(errors).to.deep.equal([]);
    expect(find(el, '[part~="message"]')).to.equal(null);
  });

  it('every source failing: one error naming each, with Retry, and no "buffering" beside it', async () => {
    const key = faultKey('all404');
    const manifest = await manifestObject();
    manifest.audio = [
      { url: faultUrl(key, 'talk/missing/index.m3u8'), type: HLS_TYPE },
      { url: faultUrl(key, 'talk/missing.m4a'), type: 'audio/mp4' },
    ];
    const el = mount({ 'no-resume': '' });
    const ready = nextEvent(el, 'space-replay-ready');
    el.manifest = manifest;
    await ready;
    const error = nextEvent(el, 'space-replay-error', 15_000);
    void el.play();
    const { detail } = await error;
    expect(detail).to.include({ code: 'media-network', fatal: true, status: 404 });
    expect(detail.message).to.contain('missing/index.m3u8').and.to.contain('missing.m4a');
    await waitForState(el, 'error');
    expect(messageText(el)).to.contain('The audio could not be loaded.');
    expect(find(el, '[part~="retry-button"]')).to.not.equal(null);
    expect(find(el, '[part~="buffering"]')).to.equal(null);
  });

  it('a playlist that never answers times out at the request deadline, then the next source plays', async () => {
    const key = faultKey('phang');
    const el = await readyThrough(key, 'hangxall', 'index.m3u8', { 'request-timeout': '1' });
    const errors = errorsOf(el);
    void el.play();
    await waitFor(() => el.activeEngine === 'progressive' && el.currentTime > 0.5, 'playback from the progressive file', 15_000);
    expect(errors).to.deep.equal([]);
  });

  it('a playlist that never answers (no other source): the media-network timeout with Retry, and Retry plays', async () => {
    const key = faultKey('phang1');
    const el = await hlsOnly(key, 'hangxall', 'index.m3u8', { 'request-timeout': '1' });
    const error = nextEvent(el, 'space-replay-error', 15_000);
    const played = el.play();
    const { detail } = await error;
    expect(detail).to.include({ code: 'media-network', fatal: true, timeout: 1 });
    // play() settles: the page is not left waiting.
    await played;
    await waitForState(el, 'error');
    expect(messageText(el)).to.contain('The audio could not be loaded.');
    expect(messageText(el)).to.contain('The server did not answer within 1 s.');
    expect(find(el, '[part~="buffering"]')).to.equal(null);
    await clearFaults(key);
    part(el, '[part~="retry-button"]').click();
    await waitFor(() => el.currentTime > 0.5, 'playback after Retry', 15_000);
    expect(el.state).to.equal('ready');
  });

  it('a segment answering 500 twice, then 200: plays through, and nothing is said', async () => {
    const key = faultKey('s500');
    const el = await hlsOnly(key, '500x2', 'seg002.m4s');
    const errors = errorsOf(el);
    el.seek(6);
    void el.play();
    await waitFor(() => el.currentTime > 12.5, 'playback past the failing segment (8–12 s)', 20_000);
    expect(errors).to.deep.equal([]);
    expect(find(el, '[part~="message"]')).to.equal(null);
    expect((await requestsFor(key)).filter((r) => r.file.endsWith('seg002.m4s')).length).to.be.at.least(3);
  });

  it('a segment that never answers: the media-network timeout at the stall deadline, and Retry resumes at the same position', async () => {
    const key = faultKey('shang');
    const el = await hlsOnly(key, 'hangxall', 'seg002.m4s', { 'stall-timeout': '2' });
    const error = nextEvent(el, 'space-replay-error', 20_000);
    el.seek(6);
    void el.play();
    const { detail } = await error;
    expect(detail).to.include({ code: 'media-network', fatal: true, timeout: 2 });
    await waitForState(el, 'error');
    const stoppedAt = el.currentTime;
    expect(stoppedAt).to.be.within(7, 8.2);
    expect(messageText(el)).to.contain('The audio could not be loaded.');
    expect(messageText(el)).to.contain('The server did not answer within 2 s.');
    expect(find(el, '[part~="buffering"]')).to.equal(null);
    const seeked: number[] = [];
    el.mediaElement.addEventListener('timeupdate', () => seeked.push(el.mediaElement.currentTime));
    await clearFaults(key);
    part(el, '[part~="retry-button"]').click();
    await waitFor(() => el.currentTime > 12.5, 'playback past the segment after Retry', 20_000);
    // It went on from where it stopped, not from the start.
    expect(Math.min(...seeked.filter((t) => t > 0))).to.be.at.least(stoppedAt - 0.5);
    expect(el.state).to.equal('ready');
  });

  it('a corrupt segment: a media error recovered once, then the decode message with Retry', async () => {
    const key = faultKey('corrupt');
    const el = await hlsOnly(key, 'corruptxall', 'seg002.m4s');
    const errors = errorsOf(el);
    el.seek(6);
    void el.play();
    await waitFor(() => errors.some((e) => e.fatal), 'a fatal error', 20_000);
    expect(errors.map((e) => [e.code, e.fatal])).to.deep.equal([['media-decode', true]]);
    await waitForState(el, 'error');
    // Never played past the damaged audio in silence.
    expect(el.currentTime).to.be.below(8.2);
    expect(messageText(el)).to.contain('The audio could not be played.');
    expect(find(el, '[part~="retry-button"]')).to.not.equal(null);
    // Loaded twice (once, then the one recovery), not in a loop.
    const loads = (await requestsFor(key)).filter((r) => r.file.endsWith('seg002.m4s')).length;
    expect(loads).to.be.within(2, hasNativeHls() ? 4 : 2);
  });
});

describe('<space-replay> faults: starting a recording', () => {
  const realCreate = WaveSurfer.create;
  const realLoadHls = MediaEngineController.loadHls;
  const realLoad = MediaEngineController.prototype.load;
  let unhandled: unknown[] = [];
  const onUnhandled = (e: PromiseRejectionEvent): void => {
    unhandled.push(e.reason);
    // Counted here; the test says so rather than the runner's log.
    e.preventDefault();
  };
  beforeEach(() => {
    unhandled = [];
    window.addEventListener('unhandledrejection', onUnhandled);
  });
  afterEach(() => {
    window.removeEventListener('unhandledrejection', onUnhandled);
    WaveSurfer.create = realCreate;
    MediaEngineController.loadHls = realLoadHls;
    MediaEngineController.prototype.load = realLoad;
  });

  /** A player ends either ready and playing, or in the error state with a message: never a "ready" that cannot play. */
  async function playsOrSaysWhy(el: SpaceReplay): Promise<'plays' | 'error'> {
    // Ready means audio attached; the state reads "ready" as soon as the manifest is in, before that.
    await waitFor(() => (el.state === 'ready' && el.activeEngine !== null) || el.state === 'error', 'ready with audio, or an error', 15_000);
    if (el.state === 'error') {
      await el.updateComplete;
      expect(messageText(el)).to.not.equal('');
      return 'error';
    }
    el.mediaElement.muted = true;
    await el.play();
    await waitFor(() => el.currentTime > 0.3, 'playback', 15_000);
    return 'plays';
  }

  it('under a real require-trusted-types-for page, it plays or says why, and leaves no unhandled rejection', async () => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width:700px;height:400px;border:0';
    // test/server/trusted-types-page.js: the player's page served with the CSP header.
    frame.src = `/__trusted-types__/player.html?src=${encodeURIComponent(fixtureUrl('talk/manifest.json'))}`;
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    try {
      await loaded;
      const win = frame.contentWindow as Window & { definedPlayer?: boolean; trustedTypes?: unknown };
      const inFrame: unknown[] = [];
      win.addEventListener('unhandledrejection', (e) => inFrame.push(e.reason));
      await waitFor(() => win.definedPlayer, 'the player defined in the page');
      const el = frame.contentDocument!.querySelector('space-replay') as SpaceReplay;
      await playsOrSaysWhy(el);
      expect(win.trustedTypes, 'the browser enforces Trusted Types').to.not.equal(undefined);
      expect(inFrame.map(String)).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  it('wavesurfer throwing while it draws (as under Trusted Types): no picture, and the player plays', async () => {
    WaveSurfer.create = () => {
      throw new TypeError("Failed to set the 'innerHTML' property on 'ShadowRoot': This document requires 'TrustedHTML' assignment.");
    };
    const el = mount({ 'no-resume': '' });
    el.src = fixtureUrl('talk/manifest.json');
    expect(await playsOrSaysWhy(el)).to.equal('plays');
    expect(unhandled.map(String)).to.deep.equal([]);
  });

  it('hls.js failing to start: the next source plays; with none left, the error state with a message and Retry', async () => {
    MediaEngineController.loadHls = async () => {
      const Real = await realLoadHls();
      return class extends Real {
        constructor() {
          throw new TypeError('refused by the page');
          super();
        }
      } as unknown as HlsConstructor;
    };
    const fallback = mount({ 'no-resume': '', engine: 'hls.js' });
    fallback.src = fixtureUrl('talk/manifest.json');
    expect(await playsOrSaysWhy(fallback)).to.equal('plays');
    expect(fallback.activeEngine).to.equal('progressive');

    const manifest = await manifestObject();
    manifest.audio = manifest.audio.filter((a: { type: string }) => a.type === HLS_TYPE);
    const el = mount({ 'no-resume': '', engine: 'hls.js' });
    const error = nextEvent(el, 'space-replay-error');
    el.manifest = manifest;
    expect((await error).detail).to.include({ code: 'start-failed', fatal: true });
    expect(await playsOrSaysWhy(el)).to.equal('error');
    expect(messageText(el)).to.contain('The player could not start this recording.');
    expect(find(el, '[part~="retry-button"]')).to.not.equal(null);
    expect(unhandled.map(String)).to.deep.equal([]);
  });

  it('whatever else throws while starting: the error state with a message, and Retry starts it', async () => {
    let failing = true;
    MediaEngineController.prototype.load = function (this: MediaEngineController, ...args: Parameters<MediaEngineController['load']>) {
      if (failing) return Promise.reject(new Error('injected'));
      return realLoad.apply(this, args);
    };
    const el = mount({ 'no-resume': '' });
    const error = nextEvent(el, 'space-replay-error');
    el.src = fixtureUrl('talk/manifest.json');
    expect((await error).detail).to.include({ code: 'start-failed', fatal: true });
    await waitForState(el, 'error');
    expect(messageText(el)).to.contain('The player could not start this recording.');
    failing = false;
    const ready = nextEvent(el, 'space-replay-ready');
    part(el, '[part~="retry-button"]').click();
    await ready;
    expect(await playsOrSaysWhy(el)).to.equal('plays');
    expect(unhandled.map(String)).to.deep.equal([]);
  });
});

describe('<space-replay> the media session artwork', () => {
  /** Plays a player whose host's avatar is `avatar`, until the media session shows its title. */
  async function playWithAvatar(avatar: string): Promise<SpaceReplay> {
    const manifest = await manifestObject();
    for (const p of manifest.participants) if (p.avatar) p.avatar = avatar;
    const el = mount({ 'no-resume': '' });
    const ready = nextEvent(el, 'space-replay-ready');
    el.manifest = manifest;
    await ready;
    el.mediaElement.muted = true;
    await el.play();
    await waitFor(() => el.currentTime > 0.3 && navigator.mediaSession.metadata?.title === manifest.title, 'playing, with the media session');
    return el;
  }

  /** Waits until the server saw the avatar more than once (Firefox fetches session artwork itself, Chromium headless does not), or a moment passed. */
  async function settledRequests(key: string): Promise<{ file: string; referer: string | null }[]> {
    await untilRequests(key, (log) => log.length > 1, 'the artwork fetched', 1500).catch(() => {});
    return requestsFor(key);
  }

  /** The avatar on the server's other name (127.0.0.1 for localhost): another origin. */
  function otherOrigin(url: string): string {
    const other = new URL(url);
    other.hostname = other.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
    return other.href;
  }

  it('a cross-origin avatar is a blob of it, never fetched with the page as Referer', async () => {
    const key = faultKey('art');
    // ?cors: the other origin allows reads, as an avatar CDN does.
    await playWithAvatar(otherOrigin(`${faultUrl(key, 'talk/avatar-ada.png')}?cors`));
    await waitFor(() => navigator.mediaSession.metadata?.artwork.length, 'the artwork');
    const seen = await settledRequests(key);
    expect(seen.length).to.be.at.least(1);
    expect(seen.map((r) => r.referer)).to.deep.equal(seen.map(() => null));
    expect(navigator.mediaSession.metadata!.artwork[0]!.src).to.match(/^blob:/);
  });

  it("an avatar on the page's own origin is the artwork as it is (no blob a strict img-src would refuse)", async () => {
    const key = faultKey('arts');
    const avatar = faultUrl(key, 'talk/avatar-ada.png');
    await playWithAvatar(avatar);
    await waitFor(() => navigator.mediaSession.metadata?.artwork.length, 'the artwork');
    expect(navigator.mediaSession.metadata!.artwork[0]!.src).to.equal(new URL(avatar, location.href).href);
    const seen = await settledRequests(key);
    // Whatever the browser sends its own origin names only that origin's page.
    for (const r of seen) if (r.referer) expect(new URL(r.referer).origin).to.equal(location.origin);
  });

  it('a cross-origin avatar without CORS gives no artwork, and no Referer either', async () => {
    const key = faultKey('artx');
    // The same server under another origin (127.0.0.1 for localhost), which sends no CORS headers.
    const el = await playWithAvatar(otherOrigin(faultUrl(key, 'talk/avatar-ada.png')));
    const seen = await settledRequests(key);
    expect(seen.length, 'the speaker list showed the avatar').to.be.at.least(1);
    expect(seen.map((r) => r.referer)).to.deep.equal(seen.map(() => null));
    expect(navigator.mediaSession.metadata!.artwork).to.deep.equal([]);
    el.pause();
  });
});
