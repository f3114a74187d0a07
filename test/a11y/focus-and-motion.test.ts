// Keyboard, target size, reduced motion and what screen readers hear, in <space-replay> with its
// transcript. (Which controls Tab reaches, in order, and the help overlay returning focus are in
// test/elements/space-replay-keyboard.test.ts.)
import { expect } from '@esm-bundle/chai';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { findAll, focusedIn, mountReady, panelOf, unmountAll } from '../helpers/player.js';
import { oneEvent, waitFor } from '../helpers/wait.js';

const extras: HTMLElement[] = [];

let emulated = false;

afterEach(async () => {
  unmountAll();
  for (const e of extras.splice(0)) e.remove();
  if (emulated) await emulateMedia({ reducedMotion: 'no-preference' });
  emulated = false;
});

function pageButton(text: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.textContent = text;
  extras.push(b);
  return b;
}

/** What shows focus on `el`: its outline or a box shadow (the ring of the player's controls). */
function focusRing(el: Element): string | null {
  const style = getComputedStyle(el);
  if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1) return `outline ${style.outlineWidth} ${style.outlineStyle}`;
  if (style.boxShadow && style.boxShadow !== 'none') return `box-shadow ${style.boxShadow}`;
  return null;
}

/** Every shadow root inside `el`, its own included. */
function shadowRoots(el: Element): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const walk = (root: ShadowRoot): void => {
    roots.push(root);
    for (const node of root.querySelectorAll('*')) if (node.shadowRoot) walk(node.shadowRoot);
  };
  if (el.shadowRoot) walk(el.shadowRoot);
  return roots;
}

describe('accessibility: keyboard, target size, motion, live regions', function () {
  this.timeout(60_000);

  it('Tab goes through the whole player and out again, every stop with a visible focus ring and at least 24 × 24 px', async () => {
    const el = await mountReady('talk/manifest-transcript.json');
    await panelOf(el);
    const before = pageButton('before');
    const after = pageButton('after');
    el.before(before);
    el.after(after);
    before.focus();
    const problems: string[] = [];
    const stops: string[] = [];
    for (let i = 0; i < 60 && document.activeElement !== after; i++) {
      await sendKeys({ press: 'Tab' });
      if (document.activeElement !== el) continue;
      const active = focusedIn(el)!;
      // The transcript panel keeps its own focus inside its shadow root.
      const focused = active.shadowRoot?.activeElement ?? active;
      const name = `${focused.localName}[part="${focused.getAttribute('part') ?? ''}"]`;
      stops.push(name);
      // Firefox in a window without the system's focus matches no :focus-visible at all; Chromium checks the rings.
      if (focused.matches(':focus-visible') && !focusRing(focused)) problems.push(`${name}: no visible focus ring`);
      const box = focused.getBoundingClientRect();
      // A word of the transcript is a target inside a sentence (WCAG 2.5.8's inline exception).
      const inline = focused.getAttribute('part')?.split(' ').includes('word');
      if (!inline && (box.width < 24 || box.height < 24)) problems.push(`${name}: ${box.width.toFixed(1)} × ${box.height.toFixed(1)} px`);
    }
    expect(document.activeElement, `Tab left the player (stops: ${stops.join(', ')})`).to.equal(after);
    expect(stops.length).to.be.greaterThan(15);
    expect(problems).to.deep.equal([]);
  });

  it('with prefers-reduced-motion, nothing animates and the transcript never scrolls smoothly', async function () {
    // Firefox through WebDriver BiDi cannot emulate media features.
    if (navigator.userAgent.includes('Firefox')) this.skip();
    await emulateMedia({ reducedMotion: 'reduce' });
    emulated = true;
    const el = await mountReady('talk/manifest-transcript.json');
    const panel = await panelOf(el);
    const scroller = panel.shadowRoot!.querySelector<HTMLElement>('[part="scroller"]')!;
    const behaviours: string[] = [];
    const scrollTo = scroller.scrollTo.bind(scroller);
    scroller.scrollTo = ((options?: ScrollToOptions | number, y?: number) => {
      if (typeof options === 'object') behaviours.push(options.behavior ?? 'auto');
      return typeof options === 'object' ? scrollTo(options) : scrollTo(options ?? 0, y ?? 0);
    }) as typeof scroller.scrollTo;
    el.style.setProperty('--space-replay-transcript-height', '60px');
    await el.play();
    // Playback through two turns (Bo from 5.6 s): the panel follows.
    await waitFor(() => el.currentTime > 7, 'playback into the second turn', 20_000);
    el.pause();
    const running = shadowRoots(el).flatMap((root) => root.getAnimations()).filter((a) => a.playState === 'running');
    expect(running.map((a) => (a as CSSAnimation).animationName ?? a.id)).to.deep.equal([]);
    expect(behaviours.filter((b) => b === 'smooth')).to.deep.equal([]);
  });

  it('says who speaks now in a polite live region once per turn, and never the words', async () => {
    const el = await mountReady('talk/manifest-transcript.json');
    const panel = await panelOf(el);
    const live = await waitFor(() => findAll(el, '.live[role="status"]').find((r) => r.closest('section')), 'the speakers’ live region');
    const texts: string[] = [];
    const observer = new MutationObserver(() => texts.push(live.textContent!.trim()));
    observer.observe(live, { childList: true, subtree: true, characterData: true });
    let changes = 0;
    el.addEventListener('space-replay-speakerchange', () => changes++);
    await el.play();
    await oneEvent(el, 'space-replay-speakerchange', 15_000);
    await waitFor(() => el.currentTime > 7, 'playback into Bo’s turn', 20_000);
    el.pause();
    await el.updateComplete;
    observer.disconnect();
    expect(live.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Speaking now: Bo Guest');
    // One new text per speaker change at most (Lit may write a text in two steps: name and label).
    expect(new Set(texts).size).to.be.at.most(changes + 1);
    // The highlighted word is in no live region.
    const word = panel.shadowRoot!.querySelector('[aria-current="time"]');
    expect(word, 'a highlighted word').to.not.equal(null);
    expect(word!.closest('[aria-live], [role="status"], [role="log"], [role="alert"]')).to.equal(null);
  });
});
