// Right to left: in a `dir="rtl"` player, times and ranges stay whole left-to-right runs, the
// player's English strings read in their own order, and transcript paragraphs take their
// direction from their text (English left to right, Hebrew right to left), cues in order.
import { expect } from '@esm-bundle/chai';
import type { SpaceReplay } from '../../src/elements/space-replay/space-replay.js';
import { find, manifestObject, mount, mountReady, nextEvent, panelOf, part, unmountAll } from '../helpers/player.js';
import { waitFor } from '../helpers/wait.js';
import { timed } from './transcript-fixtures.js';

const pageUrl = location.href;

afterEach(() => {
  unmountAll();
  history.replaceState(null, '', pageUrl);
});

/** Where `text` is drawn inside `root` (its first occurrence in one text node: a transcript word is a node of its own). */
function rectOf(root: Node, text: string): DOMRect {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const i = node.textContent!.indexOf(text);
    if (i < 0) continue;
    const range = document.createRange();
    range.setStart(node, i);
    range.setEnd(node, i + text.length);
    return range.getBoundingClientRect();
  }
  throw new Error(`"${text}" is not in ${root.textContent}`);
}

/** Whether `a` comes before `b` reading left to right (above it, or left of it on its line). */
function leftToRight(a: DOMRect, b: DOMRect): boolean {
  return a.bottom <= b.top + 1 || (Math.abs(a.top - b.top) < a.height / 2 && a.left < b.left);
}

describe('<space-replay dir="rtl">', () => {
  it('keeps times and ranges whole and in order, and the player\'s strings in their own order', async () => {
    history.replaceState(null, '', '#t=1,3.5');
    const el = await mountReady('talk/manifest-transcript.json', { dir: 'rtl', 'deep-link': '' });
    // The banner: "Clip 0:01–0:03", not "0:03–0:01 Clip".
    const banner = await waitFor(() => find(el, '[part~="clip-banner"]'), 'the clip banner');
    expect(leftToRight(rectOf(banner, 'Clip'), rectOf(banner, '0:01'))).to.equal(true);
    expect(leftToRight(rectOf(banner, '0:01'), rectOf(banner, '0:03'))).to.equal(true);
    // A host highlight's range (10.255–13.799).
    const highlight = await waitFor(() => find(el, '[part~="highlight"]'), 'the highlight');
    expect(leftToRight(rectOf(highlight, '0:10'), rectOf(highlight, '0:13'))).to.equal(true);
    // "0:04 spoken", "Hosted by Ada Host".
    const talk = part(el, '[part~="talk-time"]');
    expect(leftToRight(rectOf(talk, '0:'), rectOf(talk, 'spoken'))).to.equal(true);
    const meta = part(el, '[part~="meta"]');
    expect(leftToRight(rectOf(meta, 'Hosted by'), rectOf(meta, 'Ada Host'))).to.equal(true);
    // "1×", not "×1": the rate menu is left to right.
    expect(getComputedStyle(part(el, '[part~="rate"]')).direction).to.equal('ltr');
    // The layout itself is mirrored.
    expect(getComputedStyle(part(el, '[part~="header"]')).direction).to.equal('rtl');
  });

  it('reads a paragraph of several English cues left to right, and a Hebrew one right to left, cues in order', async () => {
    const manifest = await manifestObject('talk/manifest-transcript.json');
    manifest.participants[0].name = 'עדה המארחת';
    manifest.transcripts = [
      {
        type: 'application/json',
        language: 'he',
        data: {
          format: 'space-replay-transcript',
          version: '1.0',
          language: 'he',
          speakers: [
            { id: 's0', name: 'Ada Host', participant: 'ada' },
            { id: 's1', name: 'Bo Guest', participant: 'bo' },
          ],
          cues: [
            { ...timed(0.4, 'The waiting list has twelve families.'), speaker: 's0' },
            { ...timed(3.5, 'On plots: we cleared the north corner.'), speaker: 's0' },
            { ...timed(7.6, 'שלום לכולם וברוכים הבאים.'), speaker: 's1' },
            { ...timed(10.2, 'היום נדבר על Space Replay בעברית.'), speaker: 's1' },
          ],
        },
      },
    ];
    const el = mount({ dir: 'rtl', 'no-resume': '' }, 900);
    const ready = nextEvent(el, 'space-replay-ready', 15_000);
    el.manifest = manifest;
    await ready;
    const panel = await panelOf(el as SpaceReplay);
    const root = panel.shadowRoot!;
    const texts = await waitFor(() => {
      const found = [...root.querySelectorAll<HTMLElement>('[part~="text"]')];
      return found.length === 2 ? found : null;
    }, 'both paragraphs rendered');
    const [english, hebrew] = texts;
    expect(getComputedStyle(english!).direction).to.equal('ltr');
    expect(getComputedStyle(hebrew!).direction).to.equal('rtl');
    // English: the first cue first, reading left to right (not "On plots: … The waiting …").
    expect(leftToRight(rectOf(english!, 'waiting'), rectOf(english!, 'plots:'))).to.equal(true);
    // Hebrew: the first cue at the right, the second to its left (or below).
    const first = rectOf(hebrew!, 'שלום');
    const second = rectOf(hebrew!, 'היום');
    expect(second.top > first.bottom - 1 || second.right <= first.left + 1).to.equal(true);
    // Names in <bdi>, times left to right.
    expect(root.querySelector('[part~="speaker"]')!.localName).to.equal('bdi');
    expect([...root.querySelectorAll<HTMLElement>('[part~="time"]')].every((t) => getComputedStyle(t).direction === 'ltr')).to.equal(true);
    // The Hebrew name in the speakers list is isolated too.
    expect(part(el, '[part~="name"]').localName).to.equal('bdi');
  });
});
