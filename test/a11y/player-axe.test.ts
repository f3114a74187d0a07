// axe-core finds no WCAG 2.2 A/AA violation in <space-replay> in any of its states (loading,
// ready, playing, with its transcript, searching, in the clip editor, in help, in error, expired),
// in the light and dark themes, right to left and in French.
import { expect } from '@esm-bundle/chai';
import type { SpaceReplay } from '../../src/elements/space-replay/space-replay.js';
import type { SpaceReplayTranscript } from '../../src/elements/space-replay-transcript/space-replay-transcript.js';
import { find, mount, panelOf, unmountAll, waitForState } from '../helpers/player.js';
import { fixtureUrl, oneEvent, waitFor } from '../helpers/wait.js';
import { axeViolations, firstSeen } from './axe.js';

const wrappers: HTMLElement[] = [];

afterEach(() => {
  unmountAll();
  for (const w of wrappers.splice(0)) w.remove();
});

interface Variant {
  name: string;
  /** Attributes of the player. */
  attributes: Record<string, string>;
  /** Attributes of an ancestor (direction, language as a page sets them). */
  page?: Record<string, string>;
}

const VARIANTS: Variant[] = [
  { name: 'light', attributes: { theme: 'light' } },
  { name: 'dark', attributes: { theme: 'dark' } },
  { name: 'rtl', attributes: {}, page: { dir: 'rtl', lang: 'ar' } },
  { name: 'French', attributes: { lang: 'fr' } },
];

/** Mounts a player for `manifest` inside a wrapper with the variant's page attributes. */
function mountIn(variant: Variant, manifest: string | null): SpaceReplay {
  const el = mount({ 'no-resume': '', ...variant.attributes });
  if (variant.page) {
    const wrapper = document.createElement('div');
    for (const [name, value] of Object.entries(variant.page)) wrapper.setAttribute(name, value);
    document.body.append(wrapper);
    wrapper.append(el);
    wrappers.push(wrapper);
  }
  if (manifest) el.src = manifest;
  return el;
}

/** Sends a request up from inside the player, as its parts' own controls do. */
function request(from: Element, type: string, detail: unknown): void {
  from.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

describe('accessibility (axe-core): <space-replay> in every state', function () {
  this.timeout(90_000);

  for (const variant of VARIANTS) {
    it(`${variant.name}: no WCAG violation while loading, ready, playing, reading, searching, clipping, in help, in error and expired`, async () => {
      const found: string[] = [];

      // Loading: the manifest arrives slowly.
      const loading = mountIn(variant, new URL('/__slow__/talk/manifest-transcript.json', location.href).href);
      await waitFor(() => loading.state === 'loading' && find(loading, '[part~="skeleton"]'), 'the loading skeleton');
      found.push(...(await axeViolations(loading, 'loading')));
      loading.remove();

      const el = mountIn(variant, fixtureUrl('talk/manifest-transcript.json'));
      await oneEvent(el, 'space-replay-ready', 20_000);
      await el.updateComplete;
      found.push(...(await axeViolations(el, 'ready')));

      const panel: SpaceReplayTranscript = await panelOf(el);
      found.push(...(await axeViolations(el, 'transcript')));

      await el.play();
      await waitFor(() => el.currentTime > 0.3, 'playback', 15_000);
      found.push(...(await axeViolations(el, 'playing')));
      el.pause();

      panel.search('the');
      await panel.updateComplete;
      found.push(...(await axeViolations(el, 'search')));

      request(panel, 'space-replay-clip-request', { start: 1, end: 4 });
      const editor = await waitFor(() => find<HTMLElement & { updateComplete: Promise<boolean> }>(el, 'space-replay-clip-editor'), 'the clip editor');
      await editor.updateComplete;
      found.push(...(await axeViolations(el, 'clip editor')));

      request(panel, 'space-replay-help-request', { open: true });
      await waitFor(() => find(el, '[part~="help"]'), 'the help overlay');
      found.push(...(await axeViolations(el, 'help')));

      const broken = mountIn(variant, fixtureUrl('talk/manifest-not-json.json'));
      await oneEvent(broken, 'space-replay-error', 15_000);
      await broken.updateComplete;
      found.push(...(await axeViolations(broken, 'error')));

      const expired = mountIn(variant, fixtureUrl('talk/manifest-expired.json'));
      await waitForState(expired, 'expired');
      await expired.updateComplete;
      found.push(...(await axeViolations(expired, 'expired')));

      expect(firstSeen(found)).to.deep.equal([]);
    });
  }
});
