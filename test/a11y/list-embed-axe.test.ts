// axe-core finds no WCAG 2.2 A/AA violation in <space-replay-list> (loaded, with a card opened,
// light and dark, right to left, French) or on the embed page.
import { expect } from '@esm-bundle/chai';
import '../../src/elements/space-replay-list/define.js';
import { oneEvent, waitFor } from '../helpers/wait.js';
import { axeViolations, firstSeen } from './axe.js';

const DEMO_FEED = new URL('../../demo/recordings/feed.json', import.meta.url).href;
const added: HTMLElement[] = [];

afterEach(() => {
  for (const el of added.splice(0)) el.remove();
});

function deep<T extends Element = HTMLElement>(root: ParentNode, selector: string): T | null {
  for (const el of root.querySelectorAll('*')) {
    if (el.matches(selector)) return el as T;
    const inner = el.shadowRoot && deep<T>(el.shadowRoot, selector);
    if (inner) return inner;
  }
  return null;
}

const VARIANTS: { name: string; list: Record<string, string>; page?: Record<string, string> }[] = [
  { name: 'light', list: { theme: 'light' } },
  { name: 'dark', list: { theme: 'dark' } },
  { name: 'rtl', list: {}, page: { dir: 'rtl', lang: 'ar' } },
  { name: 'French', list: { lang: 'fr' } },
];

describe('accessibility (axe-core): the list and the embed page', function () {
  this.timeout(90_000);

  for (const variant of VARIANTS) {
    it(`the list, ${variant.name}: no WCAG violation loaded and with a card opened`, async () => {
      const holder = document.createElement('div');
      for (const [name, value] of Object.entries(variant.page ?? {})) holder.setAttribute(name, value);
      const list = document.createElement('space-replay-list');
      for (const [name, value] of Object.entries(variant.list)) list.setAttribute(name, value);
      holder.append(list);
      document.body.append(holder);
      added.push(holder);
      const loaded = oneEvent(list, 'space-replay-list-load', 15_000);
      list.setAttribute('src', DEMO_FEED);
      await loaded;
      await list.updateComplete;
      const found = await axeViolations(list, 'loaded');
      const open = deep<HTMLButtonElement>(list.shadowRoot!, '[part~="open-button"]')!;
      open.click();
      const player = await waitFor(() => deep<HTMLElement & { state: string; updateComplete: Promise<boolean> }>(list.shadowRoot!, 'space-replay'), 'the opened player');
      await waitFor(() => player.state === 'ready', 'the opened player ready', 20_000);
      await player.updateComplete;
      found.push(...(await axeViolations(list, 'opened')));
      expect(firstSeen(found)).to.deep.equal([]);
    });
  }

  it('the embed page: no WCAG violation, with a recording and without one', async () => {
    const problems: string[] = [];
    for (const query of [`src=${encodeURIComponent('/demo/recordings/garden-council/manifest.json')}&theme=dark`, '']) {
      const frame = document.createElement('iframe');
      frame.style.cssText = 'width:640px;height:700px;border:0';
      const loaded = oneEvent(frame, 'load', 20_000);
      frame.src = `/src/embed/embed.html?${query}`;
      document.body.append(frame);
      added.push(frame);
      await loaded;
      const doc = frame.contentDocument!;
      const player = doc.querySelector('space-replay') as (HTMLElement & { state: string; updateComplete: Promise<boolean> }) | null;
      if (player) {
        await waitFor(() => player.state === 'ready', 'the embed ready', 20_000);
        await player.updateComplete;
      } else await waitFor(() => doc.querySelector('[role="alert"]'), 'the embed’s error');
      problems.push(...(await axeViolations(doc.documentElement, query ? 'embed' : 'embed without src')));
    }
    expect(firstSeen(problems)).to.deep.equal([]);
  });
});
