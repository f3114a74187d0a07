// The timeline of the 4-hour, 20-speaker recording (.cache/long, made by `npm run long-recording`;
// without it these tests are skipped): the zoomed waveform maps a pointer to the time under it.
import { expect } from '@esm-bundle/chai';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import type { SpaceReplay } from '../../src/elements/space-replay/space-replay.js';
import { mount, nextEvent, part, unmountAll } from '../helpers/player.js';
import { waitFor } from '../helpers/wait.js';

const LONG = new URL('../../.cache/long/manifest.json', import.meta.url).href;
const WINDOW = 300;

let el: SpaceReplay;

before(async function () {
  this.timeout(60_000);
  const response = await fetch(LONG, { method: 'HEAD' }).catch(() => null);
  if (!response?.ok) this.skip();
  el = mount({ 'no-resume': '' }, 900);
  const ready = nextEvent(el, 'space-replay-ready', 30_000);
  el.src = LONG;
  await ready;
  await el.updateComplete;
});

after(() => unmountAll());
afterEach(() => resetMouse());

/** The zoomed waveform's scrolled wrapper and its scrolling parent. */
function zoomed(): { wrapper: Element; scroll: Element } {
  const wrapper = part(el, '[part~="waveform"]').firstElementChild!.shadowRoot!.querySelector('.wrapper')!;
  return { wrapper, scroll: wrapper.parentElement! };
}

/** Seeks to `time` and waits until the zoomed view is centred on it. */
async function centreOn(time: number): Promise<void> {
  el.seek(time);
  const { wrapper, scroll } = zoomed();
  await waitFor(() => Math.abs(((scroll.scrollLeft + scroll.clientWidth / 2) / wrapper.getBoundingClientRect().width) * el.duration - time) < 5, `the view centred on ${time} s`);
}

describe('<space-replay> timeline of a 4-hour recording', () => {
  it('a click on the zoomed waveform seeks to the time under the pointer, the one the hover shows', async () => {
    await centreOn(10_800);
    const wave = part(el, '[part~="waveform"]').getBoundingClientRect();
    const point: [number, number] = [Math.round(wave.left + wave.width * 0.25), Math.round(wave.top + wave.height / 2)];
    await sendMouse({ type: 'move', position: point });
    await el.updateComplete;
    // A quarter across a 5-minute window centred on 3:00:00 is 2:58:45.
    expect(part(el, '[part~="hover"]').textContent).to.contain('2:58:4');
    await sendMouse({ type: 'click', position: point });
    expect(el.currentTime).to.be.closeTo(10_800 - WINDOW / 4, 3);
    // A drag on it ends where it is let go, within the window too.
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [Math.round(wave.left + wave.width * 0.5), point[1]] });
    await sendMouse({ type: 'up' });
    expect(el.currentTime).to.be.within(10_800 - WINDOW / 4 - 3, 10_800 + 3);
  });
});
