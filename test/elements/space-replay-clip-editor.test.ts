import { expect } from '@esm-bundle/chai';
import '../../src/elements/space-replay-clip-editor/define.js';
import '../../src/elements/space-replay-transcript/define.js';
import type { SpaceReplayClipEditor } from '../../src/elements/space-replay-clip-editor/space-replay-clip-editor.js';
import type { SpaceReplayTranscript } from '../../src/elements/space-replay-transcript/space-replay-transcript.js';
import { checkClipConsent, type ClipConsentManifest } from '../../src/model/clip-consent.js';
import { waitFor } from '../helpers/wait.js';
import { TALK, TALK_PARTICIPANTS, TALK_SEGMENTS, transcriptOf } from './transcript-fixtures.js';

const PAGE = 'https://example.org/rooms/42?lang=en#intro';
const MANIFEST: ClipConsentManifest = { participants: TALK_PARTICIPANTS, segments: TALK_SEGMENTS };
const consentCheck = (s: number, e: number) => checkClipConsent(MANIFEST, s, e);

const mounted: HTMLElement[] = [];
let clipboard: string[] = [];
let clipboardWorks = true;

function stubClipboard(): void {
  clipboard = [];
  clipboardWorks = true;
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: {
      writeText: async (text: string) => {
        if (!clipboardWorks) throw new DOMException('Document is not focused.', 'NotAllowedError');
        clipboard.push(text);
      },
    },
  });
}

async function mount(props: Partial<SpaceReplayClipEditor> = {}): Promise<SpaceReplayClipEditor> {
  const el = document.createElement('space-replay-clip-editor');
  Object.assign(el, { pageUrl: PAGE, duration: 3600, ...props });
  document.body.append(el);
  mounted.push(el);
  await el.updateComplete;
  return el;
}

function $(el: HTMLElement, selector: string): HTMLElement {
  const found = el.shadowRoot!.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}
function values(el: HTMLElement): string[] {
  return [...el.shadowRoot!.querySelectorAll('[part="value"]')].map((v) => v.textContent!);
}
function events<T>(el: HTMLElement, type: string): T[] {
  const list: T[] = [];
  el.addEventListener(type, (e) => list.push((e as CustomEvent<T>).detail));
  return list;
}
function nudge(el: HTMLElement, label: string): HTMLButtonElement {
  return $(el, `[aria-label="${label}"]`) as HTMLButtonElement;
}

beforeEach(stubClipboard);
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
  delete (navigator as unknown as { clipboard?: unknown }).clipboard;
  delete (navigator as unknown as { share?: unknown }).share;
});

describe('<space-replay-clip-editor>', () => {
  it('shows start, end and length to a tenth of a second', async () => {
    const el = await mount({ start: 62.35, end: 95.04, duration: 600 });
    expect(values(el)).to.deep.equal(['1:02.3', '1:35.0', '0:32.6']);
  });

  it('nudges each end by 0.1 s, and by word with a transcript', async () => {
    const t = transcriptOf(TALK);
    const el = await mount({ start: t.wordStart[2]!, end: t.wordEnd[5]! });
    const changes = events<{ start: number; end: number }>(el, 'space-replay-clip-change');
    expect(el.shadowRoot!.querySelectorAll('[part~="nudge"]')).to.have.length(4); // no word buttons without a transcript
    nudge(el, 'Start 0.1 seconds earlier').click();
    await el.updateComplete;
    expect(el.start).to.equal(1.3);
    expect(changes).to.deep.equal([{ start: 1.3, end: t.wordEnd[5]! }]);
    nudge(el, 'End 0.1 seconds later').click();
    await el.updateComplete;
    expect(el.end).to.equal(3.4);

    el.transcript = t;
    el.start = t.wordStart[2]!;
    el.end = t.wordEnd[5]!;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[part~="nudge"]')).to.have.length(8);
    nudge(el, 'Start one word later').click();
    await el.updateComplete;
    expect(el.start).to.equal(t.wordStart[3]);
    nudge(el, 'Start one word earlier').click();
    nudge(el, 'Start one word earlier').click();
    await el.updateComplete;
    expect(el.start).to.equal(t.wordStart[1]);
    nudge(el, 'End one word earlier').click();
    await el.updateComplete;
    expect(el.end).to.equal(t.wordEnd[4]);
    nudge(el, 'End one word later').click();
    await el.updateComplete;
    expect(el.end).to.equal(t.wordEnd[5]);
    expect(changes.at(-1)).to.deep.equal({ start: t.wordStart[1]!, end: t.wordEnd[5]! });
  });

  it('caps the length at max-clip (120 s by default) and says so', async () => {
    const el = await mount({ start: 10, end: 300, duration: 3600 });
    expect(el.end).to.equal(130);
    expect($(el, '[part="message"]').textContent).to.equal('Clips can be at most 2:00 long: the end was moved.');
    const changes = events<{ start: number; end: number }>(el, 'space-replay-clip-change');
    el.setAttribute('max-clip', '30');
    await el.updateComplete;
    await el.updateComplete;
    expect(el.end).to.equal(40);
    expect(changes).to.deep.equal([{ start: 10, end: 40 }]);
    // Moving an end further is refused, not the other end dragged along.
    nudge(el, 'End 0.1 seconds later').click();
    nudge(el, 'Start 0.1 seconds earlier').click();
    await el.updateComplete;
    expect([el.start, el.end]).to.deep.equal([10, 40]);
  });

  it('refuses a clip over a non-consenting speaker, naming them, and allows it elsewhere', async () => {
    const el = await mount({ start: 5, end: 9, consentCheck });
    expect($(el, '[part~="refusal"]').textContent).to.equal('This clip can’t be shared: Bo Guest asked not to be clipped.');
    for (const part of ['copy-link-button', 'embed-button']) expect(($(el, `[part~="${part}"]`) as HTMLButtonElement).disabled).to.equal(true);
    expect(($(el, '[part~="preview-button"]') as HTMLButtonElement).disabled).to.equal(false);
    const made = events(el, 'space-replay-clip');
    ($(el, '[part~="copy-link-button"]') as HTMLButtonElement).click();
    expect(made).to.have.length(0);

    el.start = 14;
    el.end = 18;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="refusal"]')).to.equal(null);
    expect(($(el, '[part~="copy-link-button"]') as HTMLButtonElement).disabled).to.equal(false);
  });

  it('names several refusing participants in the page language, as text', async () => {
    const manifest: ClipConsentManifest = {
      participants: [
        { id: 'a', name: 'Zoë <img src=x onerror="window.__xss=1">', consent: { clip: false } },
        { id: 'b', name: 'Amir', consent: { clip: false } },
      ],
      segments: [
        { speaker: 'a', startTime: 0, endTime: 5 },
        { speaker: 'b', startTime: 5, endTime: 10 },
      ],
    };
    const el = await mount({ start: 1, end: 8, consentCheck: (s, e) => checkClipConsent(manifest, s, e) });
    expect($(el, '[part~="refusal"]').textContent).to.equal('This clip can’t be shared: Zoë <img src=x onerror="window.__xss=1"> and Amir asked not to be clipped.');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    el.lang = 'fr';
    await waitFor(() => $(el, '[part~="refusal"]').textContent!.includes('et Amir ont refusé'), 'the French message');
  });

  it('copies the clip link and reports it with space-replay-clip', async () => {
    const el = await mount({ start: 3.5, end: 7.4, recordingId: 'rec-1' });
    const made = events<{ startTime: number; endTime: number; url: string }>(el, 'space-replay-clip');
    ($(el, '[part~="copy-link-button"]') as HTMLButtonElement).click();
    await waitFor(() => made.length === 1, 'the link');
    const url = 'https://example.org/rooms/42?lang=en#t=3.5,7.4&id=rec-1';
    expect(clipboard).to.deep.equal([url]);
    expect(made[0]).to.deep.equal({ startTime: 3.5, endTime: 7.4, url });
    await waitFor(() => $(el, '[part="status"]').textContent === 'Link copied', 'the status');
  });

  it('shows the link to copy by hand when the clipboard refuses', async () => {
    const el = await mount({ start: 1, end: 2 });
    clipboardWorks = false;
    ($(el, '[part~="copy-link-button"]') as HTMLButtonElement).click();
    await waitFor(() => el.shadowRoot!.querySelector('[part="link"]'), 'the manual link');
    expect(($(el, '[part="link"]') as HTMLInputElement).value).to.equal('https://example.org/rooms/42?lang=en#t=1,2');
    expect($(el, '[part="status"]').textContent).to.equal('Could not copy');
  });

  it('shares with the Web Share API where the browser has it', async () => {
    const shared: ShareData[] = [];
    let cancel = false;
    Object.defineProperty(navigator, 'share', {
      configurable: true,
      value: async (data: ShareData) => {
        if (cancel) throw new DOMException('Share canceled', 'AbortError');
        shared.push(data);
      },
    });
    const el = await mount({ start: 62, end: 95, recordingTitle: 'Room 42' });
    const made = events<{ url: string }>(el, 'space-replay-clip');
    ($(el, '[part~="share-button"]') as HTMLButtonElement).click();
    await waitFor(() => made.length === 1, 'the share');
    expect(shared).to.deep.equal([{ title: 'Room 42 · Clip 1:02–1:35', url: 'https://example.org/rooms/42?lang=en#t=62,95' }]);
    cancel = true;
    ($(el, '[part~="share-button"]') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 20));
    expect(made).to.have.length(1);
  });

  it('has no share button without the Web Share API', async () => {
    if (typeof navigator.share === 'function') return; // the browser has it natively
    const el = await mount({ start: 1, end: 2 });
    expect(el.shadowRoot!.querySelector('[part~="share-button"]')).to.equal(null);
  });

  it('copies embed code for the embed page, escaped', async () => {
    const el = await mount({
      start: 3.5,
      end: 7.4,
      embedUrl: 'https://cdn.example/embed.html?src=https%3A%2F%2Fex.org%2Fm.json',
      recordingTitle: 'Talk "x" <script>',
    });
    const made = events<{ url: string }>(el, 'space-replay-clip');
    ($(el, '[part~="embed-button"]') as HTMLButtonElement).click();
    await waitFor(() => made.length === 1, 'the embed code');
    expect(clipboard[0]).to.equal(
      '<iframe src="https://cdn.example/embed.html?src=https%3A%2F%2Fex.org%2Fm.json#t=3.5,7.4" title="Clip from Talk &quot;x&quot; &lt;script&gt;" ' +
        'width="100%" height="200" style="border:0" loading="lazy" allow="autoplay; clipboard-write"></iframe>',
    );
    expect(made[0]!.url).to.equal('https://cdn.example/embed.html?src=https%3A%2F%2Fex.org%2Fm.json#t=3.5,7.4');

    // Without an embed page (or with one that is not http), the clip link itself is embedded.
    el.embedUrl = 'javascript:alert(1)';
    await el.updateComplete;
    expect(el.embedCode).to.contain('src="https://example.org/rooms/42?lang=en#t=3.5,7.4"');
  });

  it('asks for a preview', async () => {
    const el = await mount({ start: 3, end: 4 });
    const previews = events(el, 'space-replay-preview-request');
    ($(el, '[part~="preview-button"]') as HTMLButtonElement).click();
    expect(previews).to.deep.equal([{ start: 3, end: 4 }]);
  });

  it('disables everything for an empty range', async () => {
    const el = await mount();
    for (const b of el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="actions"] button, .actions button')) expect(b.disabled).to.equal(true);
  });
});

describe('transcript selection → clip editor → link', () => {
  async function both(): Promise<{ panel: SpaceReplayTranscript; editor: SpaceReplayClipEditor }> {
    const t = transcriptOf(TALK, TALK_PARTICIPANTS);
    const panel = document.createElement('space-replay-transcript');
    panel.style.height = '300px';
    panel.transcript = t;
    panel.participants = TALK_PARTICIPANTS;
    document.body.append(panel);
    mounted.push(panel);
    const editor = await mount({ transcript: t, consentCheck, recordingId: 'fixture-talk' });
    // What the player does: a clip request becomes the editor's range.
    panel.addEventListener('space-replay-clip-request', (e) => {
      editor.start = e.detail.start;
      editor.end = e.detail.end;
    });
    await panel.updateComplete;
    return { panel, editor };
  }
  function select(panel: SpaceReplayTranscript, from: string, fromOffset: number, to: string, toOffset: number): void {
    const words = [...panel.shadowRoot!.querySelectorAll('[part~="word"]')];
    const a = words.find((w) => w.textContent === from)!.firstChild!;
    const b = words.find((w) => w.textContent === to)!.firstChild!;
    document.getSelection()!.setBaseAndExtent(a, fromOffset, b, toOffset);
    panel.shadowRoot!.querySelector('[part="scroller"]')!.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
  }
  afterEach(() => document.getSelection()?.removeAllRanges());

  it('gives the expected word-snapped range and URL', async () => {
    const { panel, editor } = await both();
    const t = panel.transcript!;
    select(panel, 'Today', 1, 'audio', 2);
    await editor.updateComplete;
    const today = t.words().indexOf('Today');
    expect([editor.start, editor.end]).to.deep.equal([t.wordStart[today], t.wordEnd[today + 4]]);
    expect([editor.start, editor.end]).to.deep.equal([3.5, 5.9]);
    const made = events<{ url: string }>(editor, 'space-replay-clip');
    ($(editor, '[part~="copy-link-button"]') as HTMLButtonElement).click();
    await waitFor(() => made.length === 1, 'the link');
    expect(made[0]!.url).to.equal('https://example.org/rooms/42?lang=en#t=3.5,5.9&id=fixture-talk');
  });

  it('refuses a selection over a non-consenting speaker, naming them', async () => {
    const { panel, editor } = await both();
    select(panel, 'web.', 0, 'Streaming', 3);
    await editor.updateComplete;
    expect($(editor, '[part~="refusal"]').textContent).to.equal('This clip can’t be shared: Bo Guest asked not to be clipped.');
    expect(($(editor, '[part~="copy-link-button"]') as HTMLButtonElement).disabled).to.equal(true);
  });
});
