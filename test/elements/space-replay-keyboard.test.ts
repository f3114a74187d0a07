import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import type { SpaceReplay } from '../../src/elements/space-replay/space-replay.js';
import { find, focusedIn, mountReady, part, unmountAll } from '../helpers/player.js';
import { waitFor } from '../helpers/wait.js';

let before: HTMLButtonElement | undefined;

afterEach(() => {
  unmountAll();
  before?.remove();
  before = undefined;
});

/** A name for the focused control inside the player: its first `part` name, or its own label. */
function focusedName(el: SpaceReplay): string | null {
  const active = focusedIn(el) as HTMLElement | null;
  if (!active) return null;
  const first = (active.getAttribute('part') ?? active.localName).split(' ').find((p) => p !== 'button')!;
  return first === 'speaker' ? `speaker:${active.querySelector('bdi')!.textContent}` : first;
}

describe('<space-replay> keyboard', () => {
  it('reaches every control with Tab, in a sensible order', async () => {
    const el = await mountReady();
    // The clip tools come with the transcript chunk, after ready.
    await waitFor(() => find(el, '[part~="clip-button"]'), 'the clip tools');
    before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    const order: string[] = [];
    for (let i = 0; i < 30; i++) {
      await sendKeys({ press: 'Tab' });
      if (document.activeElement !== el) break;
      order.push(focusedName(el)!);
    }
    expect(order).to.deep.equal([
      'timeline',
      'previous-speaker-button',
      'back-button',
      'play-button',
      'forward-button',
      'next-speaker-button',
      'rate',
      'mute-button',
      'volume',
      'chapters',
      'download',
      'help-button',
      'speaker:Ada Host',
      'speaker:Bo Guest',
      'speaker:Cy Cohost',
      'clip-button',
    ]);
  });

  it('plays, pauses, skips, mutes and changes rate with the shortcuts', async () => {
    const el = await mountReady();
    part(el, '[part~="play-button"]').focus();
    await sendKeys({ press: 'k' });
    await waitFor(() => !el.paused, 'playing');
    await sendKeys({ press: 'k' });
    expect(el.paused).to.equal(true);
    const t = el.currentTime;
    await sendKeys({ press: 'l' });
    expect(el.currentTime).to.be.closeTo(t + 15, 0.01);
    await sendKeys({ press: 'j' });
    expect(el.currentTime).to.be.closeTo(t, 0.01);
    await sendKeys({ press: 'ArrowRight' });
    expect(el.currentTime).to.be.closeTo(t + 5, 0.01);
    await sendKeys({ press: 'm' });
    expect(el.mediaElement.muted).to.equal(true);
    await sendKeys({ press: 'm' });
    expect(el.mediaElement.muted).to.equal(false);
    await sendKeys({ press: '.' });
    expect(el.playbackRate).to.equal(1.25);
    await sendKeys({ press: ',' });
    await sendKeys({ press: ',' });
    expect(el.playbackRate).to.equal(0.75);
    await el.updateComplete;
    expect(part<HTMLSelectElement>(el, '[part~="rate"]').value).to.equal('0.75');
  });

  it('Space on a focused button presses that button only once', async () => {
    const el = await mountReady();
    const forward = part(el, '[part~="forward-button"]');
    let clicks = 0;
    forward.addEventListener('click', () => clicks++);
    forward.focus();
    await sendKeys({ press: ' ' });
    // Firefox driven over WebDriver BiDi does not activate buttons with a synthetic Space; either
    // way the player's own Space shortcut must not fire on top of the button.
    expect(clicks).to.be.at.most(1);
    expect(el.currentTime).to.be.closeTo(15 * clicks, 0.01);
    expect(el.paused).to.equal(true);
  });

  it('n and p walk the speaker turns', async () => {
    const el = await mountReady();
    part(el, '[role="slider"]').focus();
    await sendKeys({ press: 'n' });
    await sendKeys({ press: 'n' });
    expect(el.currentTime).to.be.closeTo(5.627, 0.01);
    await sendKeys({ press: 'p' });
    expect(el.currentTime).to.be.closeTo(0.4, 0.01);
  });

  it('? opens the shortcuts help with focus inside; Escape closes it and returns focus', async () => {
    const el = await mountReady();
    part(el, '[role="slider"]').focus();
    await sendKeys({ type: '?' });
    // The overlay is a chunk of its own, fetched on first use.
    const help = await waitFor(() => find<HTMLElement>(el, '[part~="help"]'), 'the help overlay');
    expect(help.getAttribute('role')).to.equal('dialog');
    expect(help.textContent).to.contain('Play or pause');
    await waitFor(() => help.contains(el.shadowRoot!.activeElement), 'focus in the help');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(find(el, '[part~="help"]')).to.equal(null);
    await waitFor(() => focusedName(el) === 'help-button', 'focus back on the help button');
  });

  it('leaves the keys of form controls alone', async () => {
    const el = await mountReady();
    const volume = part<HTMLInputElement>(el, '[part~="volume"]');
    volume.focus();
    await sendKeys({ press: 'ArrowLeft' });
    expect(el.currentTime).to.equal(0);
    expect(el.mediaElement.volume).to.be.below(1);
  });
});
