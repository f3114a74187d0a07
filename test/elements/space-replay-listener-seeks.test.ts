// The listener's own seeks win: over a clip link's start still waiting for the audio (in Firefox
// hls.js loads nothing before the first play, so the link's seek waits for metadata), and over
// a transcript that stopped following playback.
import { expect } from '@esm-bundle/chai';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { find, mountReady, panelOf, part, unmountAll } from '../helpers/player.js';
import type { SpaceReplayTranscript } from '../../src/elements/space-replay-transcript/space-replay-transcript.js';
import { oneEvent, waitFor } from '../helpers/wait.js';

const DURATION = 18.285;
const pageUrl = location.href;

afterEach(async () => {
  unmountAll();
  history.replaceState(null, '', pageUrl);
  await resetMouse();
});

/** `fraction` of `element`'s width from its left edge, at its middle, in page pixels. */
function pointIn(element: Element, fraction: number): [number, number] {
  const box = element.getBoundingClientRect();
  return [Math.round(box.left + box.width * fraction), Math.round(box.top + box.height / 2)];
}

describe('<space-replay> the listener\'s seeks', () => {
  for (const hash of ['#t=2,5', '#t=2']) {
    it(`a click on the waveform before Play wins over the link ${hash}: playback starts at the click`, async () => {
      history.replaceState(null, '', hash);
      const el = await mountReady('talk/manifest-transcript.json', { 'deep-link': '' });
      if (hash.includes(',')) await waitFor(() => find(el, '[part~="clip-banner"]'), 'the clip banner');
      await sendMouse({ type: 'click', position: pointIn(part(el, '[part~="waveform"]'), 0.75) });
      const playing = oneEvent(el.mediaElement, 'playing', 15_000);
      await el.play();
      await playing;
      // (The position at `playing` may be a few frames on.)
      expect(el.currentTime).to.be.within(DURATION * 0.75 - 0.2, DURATION * 0.75 + 1);
      el.pause();
      await el.updateComplete;
      // 13.7 s is outside 2–5: the clip is left.
      expect(find(el, '[part~="clip-banner"]')).to.equal(null);
    });
  }
});

describe('<space-replay> the transcript follows the listener back', () => {
  /** The player with a small transcript panel (so following scrolls), playing. */
  async function playing() {
    const el = await mountReady('talk/manifest-transcript.json');
    el.style.setProperty('--space-replay-transcript-height', '90px');
    const panel = await panelOf(el);
    const scroller = panel.shadowRoot!.querySelector<HTMLElement>('[part="scroller"]')!;
    await el.play();
    await waitFor(() => el.currentTime > 0.5, 'playback advancing', 15_000);
    return { el, panel, scroller };
  }

  /** Plays on for `seconds` of media time. */
  async function playOn(el: { currentTime: number }, seconds: number): Promise<void> {
    const from = el.currentTime;
    await waitFor(() => el.currentTime > from + seconds, `${seconds} s more of playback`, 15_000);
  }

  /** The listener scrolls the panel with the mouse wheel (its event, then the scroll it makes). */
  async function wheel(scroller: HTMLElement): Promise<void> {
    scroller.dispatchEvent(new WheelEvent('wheel', { deltaY: 120, bubbles: true, composed: true }));
    scroller.scrollTop += 120;
    const panel = (scroller.getRootNode() as ShadowRoot).host as SpaceReplayTranscript;
    await waitFor(() => !panel.following, 'following paused');
  }

  it('"Resume following" while playing keeps following', async () => {
    const { el, panel, scroller } = await playing();
    await wheel(scroller);
    const resume = panel.shadowRoot!.querySelector<HTMLElement>('[part~="resume"]')!;
    resume.click();
    expect(panel.following).to.equal(true);
    await playOn(el, 1.2);
    expect(panel.following).to.equal(true);
    el.pause();
  });

  it('a click on the waveform while playing resumes following', async () => {
    const { el, panel, scroller } = await playing();
    await wheel(scroller);
    const wave = part(el, '[part~="waveform"]');
    wave.scrollIntoView({ block: 'center' });
    await sendMouse({ type: 'click', position: pointIn(wave, 0.6) });
    await playOn(el, 1.2);
    expect(panel.following).to.equal(true);
    el.pause();
  });

  it('a far seek() while playing does not stop following', async () => {
    const { el, panel } = await playing();
    el.seek(14);
    await playOn(el, 1.2);
    expect(panel.following).to.equal(true);
    el.seek(1);
    await playOn(el, 1.2);
    expect(panel.following).to.equal(true);
    el.pause();
  });
});
