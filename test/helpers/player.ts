/** Mounting and driving `<space-replay>` in tests. */

import '../../src/elements/space-replay/define.js';
import type { SpaceReplay } from '../../src/elements/space-replay/space-replay.js';
import type { SpaceReplayTranscript } from '../../src/elements/space-replay-transcript/space-replay-transcript.js';
import type { SpaceReplayEventMap } from '../../src/events.js';
import { fixtureUrl, oneEvent, waitFor } from './wait.js';

const mounted: SpaceReplay[] = [];

/** Creates a `<space-replay>` with `attributes`, appends it to the body and returns it. */
export function mount(attributes: Record<string, string> = {}, width = 720): SpaceReplay {
  const el = document.createElement('space-replay');
  el.style.width = `${width}px`;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  document.body.append(el);
  mounted.push(el);
  return el;
}

/** Mounts a player on a fixture manifest (path under test/fixtures/) and waits for `space-replay-ready`. */
export async function mountReady(manifest = 'talk/manifest.json', attributes: Record<string, string> = {}): Promise<SpaceReplay> {
  const el = mount({ 'no-resume': '', ...attributes });
  const ready = oneEvent(el, 'space-replay-ready', 15_000);
  el.src = fixtureUrl(manifest);
  await ready;
  await el.updateComplete;
  return el;
}

/** Removes every player mounted by this file's tests. */
export function unmountAll(): void {
  for (const el of mounted.splice(0)) el.remove();
}

/** The next `name` event from `el`, typed. */
export function nextEvent<K extends keyof SpaceReplayEventMap>(el: EventTarget, name: K, timeout?: number): Promise<SpaceReplayEventMap[K]> {
  return oneEvent<SpaceReplayEventMap[K]>(el, name, timeout);
}

/**
 * The parts `<space-replay>` lays out, whose shadow roots hold what used to be in the player's own.
 * The transcript panel, the clip editor and wavesurfer keep theirs: tests open those themselves.
 */
const LAYOUT_PARTS = new Set(['header', 'timeline', 'clip-banner', 'status', 'transport', 'chapters', 'speakers', 'clip-tools'].map((p) => `space-replay-${p}`));

/** Every element matching `selector` inside the player: its shadow root and its parts', in document order. */
export function findAll<T extends Element = HTMLElement>(el: Element, selector: string): T[] {
  const found: T[] = [];
  const walk = (root: ShadowRoot): void => {
    for (const node of root.querySelectorAll('*')) {
      if (node.matches(selector)) found.push(node as T);
      if (node.shadowRoot && LAYOUT_PARTS.has(node.localName)) walk(node.shadowRoot);
    }
  };
  if (el.shadowRoot) walk(el.shadowRoot);
  return found;
}

/** The first element matching `selector` inside the player (see {@link findAll}), or null. */
export function find<T extends Element = HTMLElement>(el: Element, selector: string): T | null {
  return findAll<T>(el, selector)[0] ?? null;
}

/** An element inside the player, by selector (throws when absent). */
export function part<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found = find<T>(el, selector);
  if (!found) throw new Error(`no ${selector} in the player`);
  return found;
}

/** The focused element inside the player, through the shadow roots of its parts. */
export function focusedIn(el: Element): Element | null {
  let active = el.shadowRoot?.activeElement ?? null;
  while (active && LAYOUT_PARTS.has(active.localName) && active.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Waits until the player's state is `state`. */
export function waitForState(el: SpaceReplay, state: SpaceReplay['state']): Promise<unknown> {
  return waitFor(() => el.state === state, `state ${state} (is ${el.state})`);
}

/** A fixture manifest as an object, its relative URLs made absolute (for the `manifest` property). */
export async function manifestObject(path = 'talk/manifest.json'): Promise<Record<string, any>> {
  const url = fixtureUrl(path);
  const manifest = await (await fetch(url)).json();
  const abs = (u: string) => new URL(u, url).href;
  manifest.audio = manifest.audio.map((a: { url: string }) => ({ ...a, url: abs(a.url) }));
  if (manifest.waveform?.url) manifest.waveform.url = abs(manifest.waveform.url);
  for (const p of manifest.participants) if (p.avatar) p.avatar = abs(p.avatar);
  if (manifest.downloads?.audio) manifest.downloads.audio = abs(manifest.downloads.audio);
  return manifest;
}

/**
 * The player's transcript panel once its transcript is in; with `orUnavailable`, also once the
 * player gave up on every transcript (the panel then says so).
 */
export async function panelOf(el: SpaceReplay, { orUnavailable = false } = {}): Promise<SpaceReplayTranscript> {
  const panel = await waitFor(() => find<SpaceReplayTranscript>(el, 'space-replay-transcript'), 'the transcript panel');
  await waitFor(() => panel.transcript || (orUnavailable && panel.unavailable), 'the transcript loaded');
  await panel.updateComplete;
  return panel;
}

/** The rendered word element of `panel` whose text is `text`; throws when none is rendered. */
export function wordEl(panel: SpaceReplayTranscript, text: string): HTMLElement {
  const found = [...panel.shadowRoot!.querySelectorAll<HTMLElement>('[part~="word"]')].find((w) => w.textContent === text);
  if (!found) throw new Error(`no rendered word "${text}"`);
  return found;
}
