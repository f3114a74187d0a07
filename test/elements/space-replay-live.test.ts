import { expect } from '@esm-bundle/chai';
import type { SpaceReplay } from '../../src/elements/space-replay/space-replay.js';
import { find, mount, panelOf, part, unmountAll } from '../helpers/player.js';
import { oneEvent, waitFor } from '../helpers/wait.js';

// test/server/live-room.js: a room still recorded over the talk fixture's real segments (4.04, 3.99,
// 3.99, 3.99, 2.31 s), its EVENT playlist growing a segment per `advance`; it starts with two.
const FIRST = 8.034;
const THIRD = 12.028;
const FULL = 18.285;

let token = '';
const room = async (action: 'advance' | 'fail' | 'heal' | 'state'): Promise<{ shown: number; manifests: number; peakRequests?: number; ranged?: number }> => (await fetch(`/__live__/${token}/${action}`)).json();

async function livePlayer(): Promise<SpaceReplay> {
  token = `t${Math.random().toString(36).slice(2)}`;
  const el = mount({ 'no-resume': '' });
  const ready = oneEvent(el, 'space-replay-ready', 15_000);
  el.src = `/__live__/${token}/manifest.json`;
  await ready;
  return el;
}

/** The waveform's peaks the player draws (the provider's state, as its parts read it). */
const wave = (el: SpaceReplay): number => (el as unknown as { snapshot?: { recording?: { wave: Float32Array | null } } }).snapshot?.recording?.wave?.length ?? 0;

const liveRoot = (el: SpaceReplay): ShadowRoot | null | undefined => el.shadowRoot!.querySelector('space-replay-live')?.shadowRoot;
const liveText = (el: SpaceReplay): string => liveRoot(el)?.querySelector('[part~="behind"]')?.textContent ?? '';
const speakerNames = (el: SpaceReplay): string[] => [...el.shadowRoot!.querySelector('space-replay-speakers')!.shadowRoot!.querySelectorAll('[part~="talk-time"]')].map((n) => n.textContent!);

afterEach(unmountAll);

/** Whether the page fetched the live reloader's module (the dev server serves each source module as a file). */
const liveModuleFetched = (): boolean => performance.getEntriesByType('resource').some((e) => e.name.includes('/live-refresh.'));

describe('a recording still in progress', () => {
  // First in the file: the module is not yet in the page.
  it('a finished recording never fetches the live reloader; a live one does', async function () {
    this.timeout(30_000);
    const el = mount({ 'no-resume': '' });
    const ready = oneEvent(el, 'space-replay-ready', 15_000);
    el.src = '/test/fixtures/talk/manifest.json';
    await ready;
    await el.updateComplete;
    expect(liveModuleFetched(), 'fetched for a finished recording').to.equal(false);
    el.remove();
    await livePlayer();
    await waitFor(liveModuleFetched, 'the live reloader fetched for a live recording');
  });

  it('grows in place while it plays, says how far behind live, jumps to live, and becomes a replay when the room ends', async function () {
    this.timeout(60_000);
    const el = await livePlayer();
    expect(el.duration).to.equal(FIRST);
    expect(part(el, '[part~="badge"]').getAttribute('part')).to.contain('live');
    await waitFor(() => liveText(el) === '0:08 behind live', `"0:08 behind live" (is "${liveText(el)}")`);
    // The waveform comes from the live peaks: 10 pixels a second, 80 so far.
    await waitFor(() => wave(el) > 0, 'the live waveform');
    const firstWave = wave(el);
    // Only Ada speaks in the first 8 s (0.4–5.2), Bo from 5.6.
    expect(speakerNames(el)).to.deep.equal(['0:04 spoken', '0:02 spoken']);

    // The transcript so far: Ada's and Bo's first lines, not yet Cy's.
    const panel = await panelOf(el);
    const CY = 'Segments keep the memory small';
    expect(panel.shadowRoot!.textContent).to.contain('Thanks for having me');
    expect(panel.shadowRoot!.textContent).to.not.contain(CY);

    await el.play();
    await waitFor(() => el.currentTime > 1, 'playback', 10_000).catch((e) => {
      const a = el.mediaElement;
      throw new Error(`${e.message}: t=${a.currentTime} paused=${a.paused} rs=${a.readyState} ns=${a.networkState} dur=${a.duration} err=${a.error?.code} eng=${el.activeEngine} perr=${JSON.stringify(el.error)} seekable=${a.seekable.length ? a.seekable.start(0) + '-' + a.seekable.end(0) : 'none'}`);
    });
    await room('advance');
    // The next reload (refresh: 1) brings the third segment: the duration, the speakers and the events grow.
    await waitFor(() => el.duration === THIRD, `duration ${THIRD} (is ${el.duration})`, 10_000);
    const position = el.currentTime;
    expect(position).to.be.greaterThan(1);
    expect(el.paused).to.equal(false);
    expect(speakerNames(el)).to.deep.equal(['0:04 spoken', '0:04 spoken', '0:01 spoken']);
    // The transcript grew.
    await waitFor(() => panel.shadowRoot!.textContent!.includes(CY), 'the transcript grew');
    // The waveform grew, from only what the live peaks file grew by.
    await waitFor(() => wave(el) > firstWave, 'the waveform grew');
    expect(wave(el) / firstWave).to.be.closeTo(120 / 80, 0.05);
    expect((await room('state')).ranged).to.be.greaterThan(0);
    // Playback goes on from where it was.
    await waitFor(() => el.currentTime > position + 0.5, 'playback goes on');

    // Jump to live: the end of what has been recorded, less a few seconds; then at the live edge.
    liveRoot(el)!.querySelector<HTMLButtonElement>('[part~="jump-to-live-button"]')!.click();
    await waitFor(() => el.currentTime > THIRD - 5, `near live (at ${el.currentTime})`);
    await waitFor(() => liveText(el) === 'At the live edge', 'at the live edge');
    // The room's events grew too: a pin per segment (at 1, 5 and 9 s), all three made by now.
    const pins = (): number => el.shadowRoot!.querySelector('space-replay-room')?.shadowRoot?.querySelectorAll('[part~="pin"] a').length ?? 0;
    await waitFor(() => pins() === 3, 'three pins');

    // Reload errors back off, and do not stop playback.
    await room('fail');
    const before = (await room('state')).manifests;
    await new Promise((r) => setTimeout(r, 3500));
    const failed = (await room('state')).manifests - before;
    // 1 s, then 2 s: at most 3 tries in 3.5 s (every second would be 4).
    expect(failed).to.be.within(1, 3);
    await room('heal');

    // The room ends: a normal replay in place.
    await room('advance');
    await room('advance');
    await room('advance');
    await waitFor(() => el.manifest?.status === 'ended', 'the room ended', 20_000);
    expect(el.duration).to.equal(FULL);
    // The final waveform.json: 183 pixels.
    await waitFor(() => wave(el) / firstWave > 2.2, 'the final waveform');
    await waitFor(() => !find(el, 'space-replay-live') || !liveRoot(el)?.querySelector('[part~="live"]'), 'no live part');
    expect(part(el, '[part~="badge"]').getAttribute('part')).to.contain('ended');
    expect(el.state).to.equal('ready');
    expect(el.currentTime).to.be.greaterThan(THIRD - 5);
    const manifests = (await room('state')).manifests;
    await new Promise((r) => setTimeout(r, 1500));
    expect((await room('state')).manifests).to.equal(manifests);
  });
});
