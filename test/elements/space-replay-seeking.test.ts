import { expect } from '@esm-bundle/chai';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { waitFor } from '../helpers/wait.js';
import { mountReady, part, unmountAll } from '../helpers/player.js';

const DURATION = 18.285;

afterEach(async () => {
  unmountAll();
  await resetMouse();
});

/** The centre of `element` plus `fraction` of its width from its left edge, in page pixels. */
function pointIn(element: Element, fraction: number): [number, number] {
  const box = element.getBoundingClientRect();
  return [Math.round(box.left + box.width * fraction), Math.round(box.top + box.height / 2)];
}

describe('<space-replay> seeking', () => {
  it('is an ARIA slider with a spoken value', async () => {
    const el = await mountReady();
    const slider = part(el, '[role="slider"]');
    expect(slider.getAttribute('aria-valuemin')).to.equal('0');
    expect(slider.getAttribute('aria-valuemax')).to.equal('18');
    expect(slider.getAttribute('aria-valuenow')).to.equal('0');
    expect(slider.getAttribute('aria-valuetext')).to.equal('0 seconds of 18 seconds');
    el.seek(12.4);
    await el.updateComplete;
    expect(slider.getAttribute('aria-valuenow')).to.equal('12');
    expect(slider.getAttribute('aria-valuetext')).to.equal('12 seconds of 18 seconds');
  });

  it('moves by the slider keys: arrows ±5 s, PageUp/PageDown ±60 s (clamped), Home/End', async () => {
    const el = await mountReady();
    part(el, '[role="slider"]').focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(el.currentTime).to.be.closeTo(5, 0.01);
    await sendKeys({ press: 'ArrowUp' });
    expect(el.currentTime).to.be.closeTo(10, 0.01);
    await sendKeys({ press: 'ArrowLeft' });
    expect(el.currentTime).to.be.closeTo(5, 0.01);
    await sendKeys({ press: 'PageUp' });
    expect(el.currentTime).to.be.closeTo(DURATION, 0.01);
    await sendKeys({ press: 'Home' });
    expect(el.currentTime).to.equal(0);
    await sendKeys({ press: 'End' });
    expect(el.currentTime).to.be.closeTo(DURATION, 0.01);
    await sendKeys({ press: 'PageDown' });
    expect(el.currentTime).to.equal(0);
  });

  it('plays from where the keyboard put it', async () => {
    const el = await mountReady();
    part(el, '[role="slider"]').focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await el.play();
    await waitFor(() => el.currentTime > 10.3, 'playback past 10.3 s');
    expect(el.currentTime).to.be.below(12);
  });

  it('seeks where the waveform is clicked', async () => {
    const el = await mountReady();
    const wave = part(el, '[part~="waveform"]');
    await sendMouse({ type: 'click', position: pointIn(wave, 0.5) });
    expect(el.currentTime).to.be.closeTo(DURATION / 2, 0.15);
    await sendMouse({ type: 'click', position: pointIn(wave, 0.25) });
    expect(el.currentTime).to.be.closeTo(DURATION / 4, 0.15);
  });

  it('seeks where the speaker lanes are clicked, and after a drag, where it ends', async () => {
    const el = await mountReady();
    const lanes = part(el, '[part~="lanes"]');
    await sendMouse({ type: 'click', position: pointIn(lanes, 0.75) });
    expect(el.currentTime).to.be.closeTo(DURATION * 0.75, 0.15);
    await sendMouse({ type: 'move', position: pointIn(lanes, 0.1) });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: pointIn(lanes, 0.3) });
    await sendMouse({ type: 'move', position: pointIn(lanes, 0.6) });
    await sendMouse({ type: 'up' });
    expect(el.currentTime).to.be.closeTo(DURATION * 0.6, 0.15);
  });

  it('shows the time and speaker under the pointer', async () => {
    const el = await mountReady();
    const lanes = part(el, '[part~="lanes"]');
    // 7.6 s: Bo speaks (5.627–9.855).
    await sendMouse({ type: 'move', position: pointIn(lanes, 7.6 / DURATION) });
    await el.updateComplete;
    const hover = part(el, '[part~="hover"]');
    expect(hover.textContent!.replace(/\s+/g, ' ').trim()).to.match(/^0:0[67] · Bo Guest$/);
  });

  it('draws the waveform\'s progress and cursor where a seek made before the first Play put them', async () => {
    // hls.js (Firefox) loads nothing before the first play, so the media sends no timeupdate for this seek.
    const el = await mountReady();
    const ws = part(el, '[part~="waveform"]').firstElementChild!.shadowRoot!;
    el.seek(9);
    const percent = (value: string) => Number.parseFloat(value) || 0;
    await waitFor(() => percent(ws.querySelector<HTMLElement>('.progress')!.style.width) > 0, 'the progress drawn');
    expect(percent(ws.querySelector<HTMLElement>('.progress')!.style.width)).to.be.closeTo((9 / DURATION) * 100, 1);
    expect(percent(ws.querySelector<HTMLElement>('.cursor')!.style.left)).to.be.closeTo((9 / DURATION) * 100, 1);
    expect(el.paused).to.equal(true);
  });

  it('keeps the playhead on the lanes in step with the position', async () => {
    const el = await mountReady();
    const lanes = part(el, '[part~="lanes"]');
    el.seek(DURATION / 2);
    const cursor = part(el, '[part~="cursor"]');
    const x = cursor.getBoundingClientRect().left + 1 - lanes.getBoundingClientRect().left;
    expect(x).to.be.closeTo(lanes.clientWidth / 2, 2);
  });
});
