import { expect } from '@esm-bundle/chai';
import { liveTimers } from '../../src/controllers/timer-scope.js';
import { mount, nextEvent, part, unmountAll } from '../helpers/player.js';
import { waitFor } from '../helpers/wait.js';

// The 4-hour recording made by the packager's generator (git-ignored; `npm run demo:long` or the
// benchmark makes it). Without it these tests are skipped.
const LONG = new URL('../../.cache/long/manifest.json', import.meta.url).href;

afterEach(unmountAll);

function countNodes(root: ParentNode): number {
  let n = 0;
  for (const el of root.querySelectorAll('*')) {
    n++;
    if (el.shadowRoot) n += countNodes(el.shadowRoot);
  }
  return n;
}

describe('<space-replay> with a 4-hour recording', () => {
  before(async function () {
    const response = await fetch(LONG, { method: 'HEAD' }).catch(() => null);
    if (!response?.ok) this.skip();
  });

  it('loads with a zoomed waveform, an overview and a bounded DOM', async () => {
    // Warm up: the first player on the page pays for compiling the modules.
    const warm = mount({ 'no-resume': '' });
    const warmReady = nextEvent(warm, 'space-replay-ready', 15_000);
    warm.src = new URL('../fixtures/talk/manifest.json', import.meta.url).href;
    await warmReady;

    // Long tasks while loading are measured by the benchmark (`npm run bench`), not asserted here.
    const el = mount({ 'no-resume': '' }, 900);
    const ready = nextEvent(el, 'space-replay-ready', 15_000);
    el.src = LONG;
    await ready;
    await el.updateComplete;
    await waitFor(() => part(el, 'canvas[part~="lanes"]').clientHeight > 0, 'the lanes are laid out');

    expect(el.duration).to.equal(14400);
    const wave = part(el, '[part~="waveform"]');
    const scroller = wave.firstElementChild!.shadowRoot!.querySelector('.wrapper')!;
    // Five minutes fill the view: the whole waveform is about 48 views wide.
    expect(scroller.getBoundingClientRect().width / wave.clientWidth).to.be.within(40, 56);
    expect(part(el, 'canvas[part~="lanes"]').clientHeight).to.be.greaterThan(100);
    expect(countNodes(el.shadowRoot!)).to.be.below(600);

    el.seek(3 * 3600);
    await el.updateComplete;
    expect(part(el, '[role="slider"]').getAttribute('aria-valuetext')).to.equal('3 hours of 4 hours');
    el.remove();
    await waitFor(() => liveTimers() === 0, 'no timers after removal');
  });
});
