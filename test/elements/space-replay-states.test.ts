import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { MediaEngineController } from '../../src/controllers/media-engine-controller.js';
import type { SpaceReplay } from '../../src/elements/space-replay/space-replay.js';
import { fakeNetwork } from '../helpers/network.js';
import { fixtureUrl, waitFor } from '../helpers/wait.js';
import { find, manifestObject, mount, mountReady, nextEvent, part, unmountAll, waitForState } from '../helpers/player.js';

const realLoadHls = MediaEngineController.loadHls;
const realFetch = window.fetch;

afterEach(() => {
  unmountAll();
  MediaEngineController.loadHls = realLoadHls;
  window.fetch = realFetch;
});

/** Loads `manifest` and returns the player once its `space-replay-error` fired, with the detail. */
/** `error` is a fatal media-network 404, shown as such with the status and a Retry button. */
async function expectAudio404(el: SpaceReplay, error: Promise<{ detail: { code: string; fatal: boolean; status?: number } }>): Promise<void> {
  const { detail } = await error;
  expect(detail).to.include({ code: 'media-network', fatal: true, status: 404 });
  await waitForState(el, 'error');
  expect(messageText(el)).to.contain('The audio could not be loaded.');
  expect(messageText(el)).to.contain('404');
  expect(part(el, '[part~="retry-button"]')).to.exist;
}

async function failing(manifest: string, attributes: Record<string, string> = {}) {
  const el = mount({ 'no-resume': '', ...attributes });
  const error = nextEvent(el, 'space-replay-error', 15_000);
  el.src = fixtureUrl(manifest);
  const { detail } = await error;
  await el.updateComplete;
  return { el, detail };
}

function messageText(el: SpaceReplay): string {
  return part(el, '[part~="message"]').textContent!.replace(/\s+/g, ' ').trim();
}

/** Resource URLs the page fetched since `mark`, under test/fixtures/talk/ but not manifests. */
function mediaRequestsSince(mark: number): string[] {
  return performance
    .getEntriesByType('resource')
    .filter((e) => e.startTime >= mark && e.name.includes('/fixtures/talk/') && !/manifest[^/]*\.json/.test(e.name))
    .map((e) => e.name);
}

describe('<space-replay> states', () => {
  it('shows a loading skeleton while the manifest loads', async () => {
    const el = mount({ 'no-resume': '' });
    el.src = fixtureUrl('talk/manifest.json');
    await el.updateComplete;
    expect(el.state).to.equal('loading');
    expect(el.hasAttribute('loading')).to.equal(true);
    expect(part(el, '[part~="skeleton"]').textContent).to.contain('Loading');
    await waitForState(el, 'ready');
    expect(el.hasAttribute('loading')).to.equal(false);
  });

  it('an expired manifest shows the expired message and makes zero media requests', async () => {
    const mark = performance.now();
    const el = mount({ engine: 'hls.js' });
    el.src = fixtureUrl('talk/manifest-expired.json');
    await waitForState(el, 'expired');
    await el.updateComplete;
    expect(el.hasAttribute('expired')).to.equal(true);
    expect(messageText(el)).to.contain('This recording has expired');
    expect(el.error?.code).to.equal('expired');
    // Give any stray request the time to show up in the resource timeline.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mediaRequestsSince(mark)).to.deep.equal([]);
    expect(el.mediaElement.hasAttribute('src')).to.equal(false);
    expect(el.activeEngine).to.equal(null);
    expect(find(el, '[part~="waveform"]')).to.equal(null);
  });

  it('HTTP 410 on the manifest reads as expired', async () => {
    window.fetch = (input, init) => (String(input).endsWith('/gone.json') ? Promise.resolve(new Response('gone', { status: 410 })) : realFetch(input, init));
    const { el, detail } = await failing('talk/gone.json');
    expect(detail).to.include({ code: 'expired', fatal: true, status: 410 });
    expect(el.state).to.equal('expired');
    expect(messageText(el)).to.contain('expired');
    expect(el.mediaElement.hasAttribute('src')).to.equal(false);
  });

  it('a manifest 404 says so, with a Retry button that loads again', async () => {
    const { el, detail } = await failing('talk/nope.json');
    expect(detail).to.include({ code: 'manifest-fetch', fatal: true, status: 404 });
    expect(el.state).to.equal('error');
    expect(messageText(el)).to.contain('The recording could not be loaded.');
    expect(messageText(el)).to.contain('404');
    const again = nextEvent(el, 'space-replay-error');
    part(el, '[part~="retry-button"]').click();
    expect((await again).detail.status).to.equal(404);
  });

  it('a schema error names the field path', async () => {
    const { el, detail } = await failing('talk/manifest-bad-schema.json');
    expect(detail.code).to.equal('manifest-invalid');
    expect(detail.message).to.contain('participants[1].consent.clip');
    expect(detail.issues?.[0]?.path).to.equal('participants[1].consent.clip');
    expect(messageText(el)).to.contain('The recording’s description is invalid.');
    expect(part(el, '[part~="issues"]').textContent).to.contain('participants[1].consent.clip');
    expect(find(el, '[part~="retry-button"]')).to.equal(null);
  });

  it('invalid JSON says where', async () => {
    const { el, detail } = await failing('talk/manifest-not-json.json');
    expect(detail.code).to.equal('manifest-invalid');
    expect(messageText(el)).to.match(/line 2/);
  });

  it('an unsupported version says the player is too old', async () => {
    const { el, detail } = await failing('talk/manifest-v2.json');
    expect(detail.code).to.equal('manifest-version');
    expect(messageText(el)).to.contain('This recording needs a newer player.');
    expect(messageText(el)).to.contain('2.0');
  });

  for (const engine of ['auto', 'hls.js'] as const) {
    it(`a playlist 404 shows a media error with Retry (engine ${engine})`, async () => {
      const el = await mountReady('talk/manifest-playlist-404.json', { engine });
      const error = nextEvent(el, 'space-replay-error');
      // Pressing play makes the browser load even in a background page (Chromium defers preload there).
      void el.play();
      await expectAudio404(el, error);
      // The header stays: the manifest itself was fine.
      expect(part(el, '[part~="title"]').textContent).to.contain('Fixture talk');
    });
  }

  for (const engine of ['auto', 'hls.js'] as const) {
    it(`a segment answering 404 mid-playback stops with a media error naming it, and Retry (engine ${engine})`, async () => {
      const manifest = await manifestObject();
      const hls = manifest.audio.find((a: { type: string }) => a.type === 'application/vnd.apple.mpegurl');
      // test/server/failing-segment.js: seg002.m4s (8–12 s) of the fixture always answers 404.
      hls.url = new URL(`/__fail__/el${engine.length}${Date.now()}-404xall-seg002.m4s/talk/audio/index.m3u8`, location.href).href;
      manifest.audio = [hls];
      const el = mount({ 'no-resume': '', engine });
      const ready = nextEvent(el, 'space-replay-ready');
      el.manifest = manifest;
      await ready;
      const error = nextEvent(el, 'space-replay-error', 15_000);
      el.mediaElement.muted = true;
      el.seek(6);
      void el.play();
      await expectAudio404(el, error);
    });
  }

  it('no playable source is an error, not a hang', async () => {
    MediaEngineController.loadHls = () => Promise.reject(new Error('blocked'));
    const el = mount({ engine: 'hls.js', 'no-resume': '' });
    const error = nextEvent(el, 'space-replay-error');
    const manifest = await manifestObject();
    el.manifest = { ...manifest, audio: manifest.audio.slice(0, 1) };
    expect((await error).detail.code).to.equal('no-source');
    await el.updateComplete;
    expect(messageText(el)).to.contain('This browser cannot play this recording.');
  });

  it('offline: says so and loads when the connection is back', async () => {
    const network = fakeNetwork(true);
    window.fetch = (input, init) => (network.offline ? Promise.reject(new TypeError('Failed to fetch')) : realFetch(input, init));
    try {
      const { el, detail } = await failing('talk/manifest.json');
      expect(detail).to.include({ code: 'offline', fatal: false });
      expect(messageText(el)).to.contain('You are offline');
      const ready = nextEvent(el, 'space-replay-ready');
      network.reconnect();
      await ready;
    } finally {
      network.restore();
    }
  });

  it('offline mid-playback (hls.js): plays what it has, says why it waits, and plays on when the connection is back', async function () {
    this.timeout(45_000);
    const Hls = await MediaEngineController.loadHls();
    // Fault injection through hls.js's own loader setting: the connection drops when seg002 is
    // asked for. From then until it is back, segments fail as they do offline (status 0), and
    // navigator.onLine says false.
    const network = fakeNetwork(false);
    let restored = false;
    const failedWhileOffline: string[] = [];
    const BaseLoader = Hls.DefaultConfig.loader as unknown as new (config: unknown) => { load(context: { url: string }, config: unknown, callbacks: unknown): void };
    class OfflineLoader extends BaseLoader {
      override load(context: { url: string }, config: unknown, callbacks: { onError: (e: { code: number; text: string }, c: unknown, n: unknown, s: unknown) => void }): void {
        const sn = /seg(\d+)\.m4s/.exec(context.url);
        if (sn && Number(sn[1]) >= 2 && !restored) network.offline = true;
        if (network.offline && sn) {
          failedWhileOffline.push(context.url);
          const stats = { aborted: false, loaded: 0, retry: 0, total: 0, chunkCount: 0, bwEstimate: 0, loading: { start: 0, first: 0, end: 0 }, parsing: { start: 0, end: 0 }, buffering: { start: 0, first: 0, end: 0 } };
          setTimeout(() => callbacks.onError({ code: 0, text: 'offline' }, context, null, stats));
          return;
        }
        super.load(context, config, callbacks);
      }
    }
    try {
      const manifest = await manifestObject();
      manifest.audio = manifest.audio.filter((a: { type: string }) => a.type === 'application/vnd.apple.mpegurl');
      const el = mount({ 'no-resume': '', engine: 'hls.js' });
      el.hlsConfig = { fLoader: OfflineLoader };
      const ready = nextEvent(el, 'space-replay-ready');
      el.manifest = manifest;
      await ready;
      const error = nextEvent(el, 'space-replay-error', 15_000);
      el.mediaElement.muted = true;
      void el.play();
      // hls.js waits for the connection by itself (no error it calls fatal); what was buffered
      // (seg000, seg001: 0–8 s) plays, then playback waits, and the player says why.
      const { detail } = await error;
      expect(detail).to.include({ code: 'offline', fatal: false });
      expect(failedWhileOffline.length).to.be.greaterThan(0);
      expect(el.currentTime).to.be.greaterThan(7);
      await el.updateComplete;
      expect(messageText(el)).to.contain('You are offline');
      // Not an error state: the transport stays.
      expect(el.state).to.equal('ready');
      restored = true;
      network.reconnect();
      await waitFor(() => el.currentTime > 12.5, 'plays on past the segments that failed while offline', 20_000);
      expect(el.mediaElement.paused).to.equal(false);
      await el.updateComplete;
      expect(find(el, '[part~="message"]'), 'the offline message is gone').to.equal(null);
    } finally {
      network.restore();
    }
  });

  for (const engine of ['auto', 'hls.js'] as const) {
    it(`segments failing in the browser's network stack while offline: says so, and plays once the connection is back (engine ${engine})`, async function () {
      this.timeout(45_000);
      const manifest = await manifestObject();
      manifest.audio = manifest.audio.filter((a: { type: string }) => a.type === 'application/vnd.apple.mpegurl');
      // test/server/block-urls-command.js: Chromium itself fails the requests for every segment
      // after the first (its own HLS stack's too), from before the player loads, so no preload can
      // fetch them first; navigator.onLine says what a dropped connection would.
      const later = [1, 2, 3, 4].map((n) => `*/talk/audio/seg00${n}.m4s*`);
      if (!(await executeServerCommand('block-urls', { patterns: later }))) this.skip();
      const network = fakeNetwork(true);
      try {
        const el = mount({ 'no-resume': '', engine });
        const error = nextEvent(el, 'space-replay-error', 15_000);
        const ready = nextEvent(el, 'space-replay-ready');
        el.manifest = manifest;
        await ready;
        el.mediaElement.muted = true;
        void el.play();
        const { detail } = await error;
        expect(detail).to.include({ code: 'offline', fatal: false });
        await el.updateComplete;
        expect(messageText(el)).to.contain('You are offline');
        expect(el.state).to.equal('ready');
        // Whatever played, it stopped where the blocked segments begin (4 s).
        const stalledAt = el.currentTime;
        expect(stalledAt).to.be.below(4.5);
        await executeServerCommand('block-urls', { patterns: [] });
        network.reconnect();
        await waitFor(() => el.currentTime > stalledAt + 2, 'plays on once the connection is back', 20_000);
        await waitFor(() => !find(el, '[part~="message"]'), 'the offline message goes');
      } finally {
        await executeServerCommand('block-urls', { patterns: [] });
        network.restore();
      }
    });
  }

  it('a manifest given as an inline script child loads without src', async () => {
    const manifest = await manifestObject();
    const el = document.createElement('space-replay');
    el.setAttribute('no-resume', '');
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify(manifest);
    el.append(script);
    const ready = nextEvent(el, 'space-replay-ready');
    document.body.append(el);
    try {
      expect((await ready).detail.manifest.id).to.equal('fixture-talk');
    } finally {
      el.remove();
    }
  });

  it('a manifest object set as a property loads, and `manifest` then reads the parsed one', async () => {
    const el = await mountReady();
    const parsed = el.manifest!;
    const other = mount({ 'no-resume': '' });
    const ready = nextEvent(other, 'space-replay-ready');
    other.manifest = parsed;
    await ready;
    expect(other.manifest).to.not.equal(parsed);
    expect(other.manifest?.title).to.equal(parsed.title);
    await waitFor(() => other.activeEngine !== null, 'an engine');
  });
});
