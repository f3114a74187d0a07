// The built CDN modules and embed page under the strict policy of test/server/csp-pages.js
// (no inline script or style, Trusted Types required): zero `securitypolicyviolation` events for
// the player in every state, the list, a page's own layout of the parts and the embed page.
import { expect } from '@esm-bundle/chai';
import { oneEvent, waitFor } from '../helpers/wait.js';
import { closeFrames, defined, openFrame, violations, type FrameWindow } from './frame-page.js';

afterEach(closeFrames);

/** Every element matching `selector` under `root`, through every open shadow root. */
function deepAll<T extends Element = HTMLElement>(root: ParentNode, selector: string): T[] {
  const found: T[] = [];
  const walk = (node: ParentNode): void => {
    for (const el of node.querySelectorAll('*')) {
      if (el.matches(selector)) found.push(el as T);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root);
  return found;
}

const deep = <T extends Element = HTMLElement>(root: ParentNode, selector: string): T | null => deepAll<T>(root, selector)[0] ?? null;

type Player = HTMLElement & { src: string; state: string; currentTime: number; play(): Promise<void>; pause(): void; updateComplete: Promise<boolean> };

/** Adds a `<space-replay>` for `manifest` (a path on the test server) to the frame's page. */
function addPlayer(win: FrameWindow, manifest: string): Player {
  const el = win.document.createElement('space-replay') as Player;
  el.setAttribute('no-resume', '');
  el.setAttribute('src', manifest);
  win.document.body.append(el);
  return el;
}

/** Sends a request up from a part of the player, as the part's own controls do. */
function request(win: FrameWindow, from: Element, type: string, detail: unknown): void {
  from.dispatchEvent(new win.CustomEvent(type, { detail, bubbles: true, composed: true }));
}

describe('strict CSP and Trusted Types: the built CDN modules', function () {
  this.timeout(60_000);

  before(async function () {
    // The server builds the CDN modules unless dist/ is newer than the sources: minutes on a loaded 2-core machine.
    this.timeout(600_000);
    const answer = await fetch('/__csp__/built');
    if (!answer.ok) throw new Error(await answer.text());
  });

  it('the player reports no violation while loading, ready, playing, reading, searching, clipping, in help, in error and expired', async () => {
    const win = await openFrame('/__csp__/page/player.html');
    await defined(win, 'space-replay');
    const seen: string[] = [];
    const step = (name: string): void => {
      for (const v of violations(win).slice(seen.length)) seen.push(`${name}: ${v}`);
    };

    const el = addPlayer(win, '/test/fixtures/talk/manifest-transcript.json');
    await waitFor(() => el.state === 'loading' || el.state === 'ready', 'loading');
    step('loading');
    await waitFor(() => el.state === 'ready', `ready (is ${el.state})`, 20_000);
    // The waveform (wavesurfer, a chunk of its own) drawn.
    await waitFor(() => deep(el.shadowRoot!, 'canvas'), 'the waveform drawn', 20_000);
    step('ready');

    const panel = await waitFor(() => deep<HTMLElement & { transcript?: unknown; search(q: string): void; updateComplete: Promise<boolean> }>(el.shadowRoot!, 'space-replay-transcript'), 'the transcript panel', 20_000);
    await waitFor(() => panel.transcript, 'the transcript loaded', 20_000);
    await panel.updateComplete;
    step('transcript');

    await el.play();
    await waitFor(() => el.currentTime > 0.5, 'playback', 20_000);
    el.pause();
    step('playing');

    panel.search('the');
    await panel.updateComplete;
    await waitFor(() => deep(panel.shadowRoot!, '[part~="search-count"]')?.textContent?.match(/\d/), 'search hits counted');
    step('search');

    request(win, panel, 'space-replay-clip-request', { start: 1, end: 4 });
    const editor = await waitFor(() => deep<HTMLElement & { updateComplete: Promise<boolean> }>(el.shadowRoot!, 'space-replay-clip-editor'), 'the clip editor');
    await editor.updateComplete;
    step('clip editor');

    request(win, panel, 'space-replay-help-request', { open: true });
    await waitFor(() => deep(el.shadowRoot!, '[part~="help"]'), 'the help overlay');
    step('help');

    const broken = addPlayer(win, '/test/fixtures/talk/manifest-not-json.json');
    await oneEvent(broken, 'space-replay-error', 20_000);
    await broken.updateComplete;
    step('error');

    const expired = addPlayer(win, '/test/fixtures/talk/manifest-expired.json');
    await waitFor(() => expired.state === 'expired', 'expired', 20_000);
    await expired.updateComplete;
    step('expired');

    expect(seen).to.deep.equal([]);
  });

  it('the list reports no violation, and neither does a player opened from it', async () => {
    const win = await openFrame('/__csp__/page/list.html');
    await defined(win, 'space-replay-list');
    const list = win.document.querySelector('space-replay-list')!;
    const card = await waitFor(() => deep<HTMLElement>(list.shadowRoot!, '[part~="open-button"], button[aria-expanded]'), 'a card to open', 20_000);
    card.click();
    const player = await waitFor(() => deep<Player>(list.shadowRoot!, 'space-replay'), 'the player opened', 20_000);
    await waitFor(() => player.state === 'ready', 'the opened player ready', 30_000);
    expect(violations(win)).to.deep.equal([]);
  });

  it('a page’s own layout of the parts reports no violation', async () => {
    const win = await openFrame('/__csp__/page/parts.html');
    await defined(win, 'space-replay-provider');
    const provider = win.document.querySelector('space-replay-provider') as Player;
    await waitFor(() => provider.state === 'ready', 'ready', 20_000);
    const panel = win.document.querySelector('space-replay-transcript') as HTMLElement & { transcript?: unknown; updateComplete: Promise<boolean> };
    await waitFor(() => panel.transcript, 'the transcript loaded', 20_000);
    await panel.updateComplete;
    await waitFor(() => deep(win.document, 'canvas'), 'the waveform drawn', 20_000);
    expect(violations(win)).to.deep.equal([]);
  });

  it('the embed page reports no violation, themed and with an accent from its query', async () => {
    const win = await openFrame(`/__csp__/build/embed.html?src=${encodeURIComponent('/test/fixtures/talk/manifest-transcript.json')}&theme=dark&accent=%23ff0088`);
    await defined(win, 'space-replay');
    const player = win.document.querySelector('space-replay') as Player;
    await waitFor(() => player.state === 'ready', 'ready', 20_000);
    await waitFor(() => deep(player.shadowRoot!, 'canvas'), 'the waveform drawn', 20_000);
    expect(win.getComputedStyle(player).getPropertyValue('--space-replay-accent').trim()).to.equal('#ff0088');
    expect(violations(win)).to.deep.equal([]);
    // And the error page of an embed without a recording.
    const bare = await openFrame('/__csp__/build/embed.html');
    await waitFor(() => bare.document.querySelector('[role="alert"]'), 'the embed’s error');
    expect(violations(bare)).to.deep.equal([]);
  });
});
