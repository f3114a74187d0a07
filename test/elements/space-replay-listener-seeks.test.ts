// The listener's own seeks win over a clip link's start still waiting for the audio (in Firefox
// hls.js loads nothing before the first play, so the link's seek waits for metadata).
import { expect } from '@esm-bundle/chai';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { find, mountReady, part, unmountAll } from '../helpers/player.js';
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
