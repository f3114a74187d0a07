// Hostile text everywhere a recording's author or a link's sender can put it: every text and URL
// field of the manifest, the feed, transcripts (cue text and speaker names), chapter and clip
// titles, the share page and oEmbed inputs and the embed page's query. Each payload that ran would
// call `top.__xss(n)`; none may, and text shows as text. Long unbroken names do not widen the
// player. (The models' own checks are in test/model/transcript/xss.test.ts and
// test/manifest/hostile-input.test.ts.)
import { expect } from '@esm-bundle/chai';
import '../../src/elements/space-replay-list/define.js';
import { renderOEmbed, renderSharePage } from '../../src/share/index.js';
import { findAll, manifestObject, mount, panelOf, unmountAll } from '../helpers/player.js';
import { testShareCard } from '../helpers/share.js';
import { oneEvent, waitFor } from '../helpers/wait.js';

const ran: string[] = [];
(window as unknown as { __xss: (n: unknown) => void }).__xss = (n) => ran.push(String(n));

/** Markup and script in text: tags, handlers, entity-encoded and mixed-case forms, SVG/MathML, a `</script>` break, CSS, bidi overrides. */
const TEXT_PAYLOADS = [
  '<script>top.__xss(1)</script>',
  '<img src=x onerror="top.__xss(2)">',
  '<svg onload=top.__xss(3)><circle r=1 /></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=top.__xss(4)></style></mglyph></table></mtext></math>',
  '"><iframe src="javascript:top.__xss(5)"></iframe>',
  '&lt;img src=x onerror=top.__xss(6)&gt; &#60;script&#62;top.__xss(6)&#60;/script&#62;',
  '<ScRiPt>top.__xss(7)</sCrIpT><IMG SRC=x OnErRoR=top.__xss(7)>',
  '</script><script>top.__xss(8)</script>',
  '</style><style>*{background:url("javascript:top.__xss(9)")}</style>',
  'x" style="background:url(javascript:top.__xss(10))" onmouseover="top.__xss(10)',
  '<a href="javascript:top.__xss(11)">click</a><details open ontoggle=top.__xss(11)>',
  '\u202Egnp.exe\u202C \u2067رسالة\u2069 \u2066LTR\u2069',
  '{{constructor.constructor("top.__xss(12)")()}} ${top.__xss(12)}',
];

/** URLs no field may take: script, data and VBScript schemes, mixed case, with spaces and control characters. */
const URL_PAYLOADS = [
  'javascript:top.__xss(20)',
  'JaVaScRiPt:top.__xss(21)',
  ' javascript:top.__xss(22)',
  'java\tscript:top.__xss(23)',
  'data:text/html,<script>top.__xss(24)</script>',
  'vbscript:msgbox(25)',
];

/** An entity-encoded scheme is no scheme: a URL parser reads a relative path (`&`) and a fragment; it must stay inert. */
const ENCODED_URL = '&#106;avascript:top.__xss(26)';

const clip = (text: string, max: number): string => (text.length > max ? text.slice(0, max) : text);

/** The talk fixture's manifest with `text` in every text field it has (cut to each field's limit). */
async function manifestWith(text: string): Promise<Record<string, any>> {
  const m = await manifestObject('talk/manifest.json');
  m.title = clip(text, 200) || 'x';
  m.participants.forEach((p: { name: string }, i: number) => (p.name = clip(`${text}${i}`, 128)));
  m.clips = [{ id: 'c1', startTime: 1, endTime: 3, title: clip(text, 200) }];
  m.redactions = [{ startTime: 14, endTime: 14.5, reason: clip(text, 500) }];
  m.chapters = { type: 'application/json+chapters', data: { version: '1.2.0', chapters: [{ startTime: 0, title: clip(text, 500) }, { startTime: 6, title: clip(`${text}!`, 500) }] } };
  m.transcripts = [
    {
      type: 'application/json',
      language: 'en',
      data: {
        format: 'space-replay-transcript',
        version: '1.0',
        speakers: [{ id: 's1', name: clip(`${text}v`, 128), participant: m.participants[0].id }],
        cues: [
          { startTime: 0.5, endTime: 4, speaker: 's1', text: clip(text, 10_000) },
          { startTime: 6, endTime: 9, text: clip(`second ${text}`, 10_000) },
        ],
      },
    },
  ];
  return m;
}

/** Every element in the player and its parts' shadow roots that markup in text could have made. */
function injected(el: Element): Element[] {
  const all: Element[] = [];
  const walk = (root: ParentNode): void => {
    for (const node of root.querySelectorAll('*')) {
      all.push(node);
      if (node.shadowRoot) walk(node.shadowRoot);
    }
  };
  if (el.shadowRoot) walk(el.shadowRoot);
  return all.filter((n) => ['script', 'iframe', 'math', 'mglyph', 'circle'].includes(n.localName) || /^javascript:/i.test(n.getAttribute('href') ?? '') || [...n.attributes].some((a) => a.name.startsWith('on')));
}

const frames: HTMLIFrameElement[] = [];
const holders: HTMLElement[] = [];

afterEach(() => {
  unmountAll();
  for (const f of frames.splice(0)) f.remove();
  for (const h of holders.splice(0)) h.remove();
});

async function frame(url: string): Promise<Window> {
  const f = document.createElement('iframe');
  f.style.cssText = 'width:700px;height:500px;border:0';
  const loaded = oneEvent(f, 'load', 20_000);
  f.src = url;
  document.body.append(f);
  frames.push(f);
  await loaded;
  return f.contentWindow!;
}

describe('hostile text: nothing runs, text shows as text', function () {
  this.timeout(120_000);

  it('in every text field of the manifest, the transcript, the chapters and the clips, the player shows each payload as text', async () => {
    for (const payload of [...TEXT_PAYLOADS, 'W'.repeat(10_000)]) {
      const el = mount({ 'no-resume': '' }, 600);
      el.manifest = (await manifestWith(payload)) as never;
      await oneEvent(el, 'space-replay-ready', 15_000);
      const panel = await panelOf(el);
      await el.updateComplete;
      await panel.updateComplete;
      const title = findAll(el, '[part~="title"]')[0]!;
      expect(title.textContent!.trim(), 'the title as text').to.equal(clip(payload, 200));
      const names = findAll(el, '[part~="name"]').map((n) => n.textContent);
      expect(names[0], 'a speaker’s name as text').to.equal(clip(`${payload}0`, 128));
      // The transcript shows the cue's characters (its words, whatever markup they spell).
      const words = [...panel.shadowRoot!.querySelectorAll('[part~="word"]')].map((w) => w.textContent).join(' ');
      expect(words.replace(/\s+/g, ''), 'the cue text as text').to.contain(clip(payload, 10_000).replace(/\s+/g, '').slice(0, 40));
      const chapters = findAll<HTMLOptionElement>(el, '[part~="chapters"] option').map((o) => o.textContent!);
      expect(chapters.join('\n').replace(/\s+/g, ' '), 'a chapter title as text').to.contain(clip(payload, 500).replace(/\s+/g, ' ').trim().slice(0, 40));
      const highlight = findAll(el, '.highlight-title')[0];
      expect(highlight, 'the clip listed as a highlight').to.exist;
      if (highlight) {
        expect(highlight.localName, 'a clip title is isolated from the text around it').to.equal('bdi');
        expect(highlight.textContent, 'a clip title as text').to.equal(clip(payload, 200));
        if (payload.length > 1000) expect(getComputedStyle(highlight).textOverflow, 'a long clip title ends in an ellipsis').to.equal('ellipsis');
      }
      expect(injected(el).map((n) => n.outerHTML.slice(0, 80))).to.deep.equal([]);
      // A long unbroken name or title never widens the player.
      const wide = findAll(el, '*').filter((n) => n.getBoundingClientRect().right > el.getBoundingClientRect().right + 1);
      expect(wide.map((n) => `${n.localName}.${n.className}`), 'no horizontal overflow').to.deep.equal([]);
      el.remove();
    }
    expect(ran).to.deep.equal([]);
  });

  it('in every URL field of the manifest, each script URL is refused with a message that shows it as text', async () => {
    const fields: [string, (m: Record<string, any>, url: string) => void][] = [
      ['audio', (m, u) => (m.audio = [{ url: u, type: 'audio/mp4' }])],
      ['waveform', (m, u) => (m.waveform = { type: 'application/json', url: u })],
      ['avatar', (m, u) => (m.participants[0].avatar = u)],
      ['href', (m, u) => (m.participants[0].href = u)],
      ['downloads', (m, u) => (m.downloads = { audio: u })],
      ['transcript', (m, u) => (m.transcripts = [{ type: 'text/vtt', url: u }])],
      ['chapters', (m, u) => (m.chapters = { type: 'application/json+chapters', url: u })],
      ['license', (m, u) => (m.license = u)],
    ];
    for (const url of [...URL_PAYLOADS, ENCODED_URL]) {
      for (const [name, put] of fields) {
        if (url === ENCODED_URL && name !== 'audio') continue;
        const m = await manifestObject('talk/manifest.json');
        put(m, url);
        const el = mount({ 'no-resume': '' });
        // The encoded one is a relative URL: a 404 for the audio, as any missing file.
        const failed = oneEvent(el, 'space-replay-error', 15_000);
        el.manifest = m as never;
        await failed.catch(() => {
          throw new Error(`${name} = ${JSON.stringify(url)} was accepted`);
        });
        await el.updateComplete;
        expect(injected(el)).to.deep.equal([]);
        expect(findAll(el, 'a').filter((a) => !/^https?:/.test((a as HTMLAnchorElement).href))).to.deep.equal([]);
        el.remove();
      }
    }
    expect(ran).to.deep.equal([]);
  });

  it('in the feed, the list shows titles as text and reports items with script URLs', async () => {
    const base = await manifestObject('talk/manifest.json');
    const item = (id: string, title: string, manifest: string, name: string) => ({ id, title, status: 'ended', startedAt: base.startedAt, duration: base.duration, manifest, participants: [{ name, role: 'host' }] });
    const good = new URL('../fixtures/talk/manifest.json', import.meta.url).href;
    const items = TEXT_PAYLOADS.map((p, i) => item(`t${i}`, clip(p, 200), good, clip(p, 128)));
    const bad = [...URL_PAYLOADS, ENCODED_URL].map((u, i) => item(`u${i}`, `url ${i}`, u, 'x'));
    const list = document.createElement('space-replay-list');
    list.style.width = '600px';
    list.pageSize = 50;
    document.body.append(list);
    holders.push(list);
    const loaded = oneEvent<CustomEvent<{ itemErrors: unknown[] }>>(list, 'space-replay-list-load', 15_000);
    list.feed = { version: '1.0', owner: { id: 'o', name: clip(TEXT_PAYLOADS[1]!, 128) }, items: [...items, ...bad] };
    const detail = (await loaded).detail;
    await list.updateComplete;
    expect(detail.itemErrors.length, 'every script URL reported').to.be.at.least(URL_PAYLOADS.length);
    const titles = [...list.shadowRoot!.querySelectorAll('[part~="title"]')].map((t) => t.textContent!.trim());
    for (const item of items) expect(titles).to.include(item.title);
    expect(injected(list)).to.deep.equal([]);
    expect(list.scrollWidth).to.be.at.most(601);
    expect(ran).to.deep.equal([]);
  });

  it('in the share page and the oEmbed answer, made from a hostile manifest', async () => {
    const manifestUrl = new URL('../fixtures/talk/manifest.json', import.meta.url).href;
    for (const payload of TEXT_PAYLOADS) {
      const { card } = testShareCard(JSON.stringify(await manifestWith(payload)), manifestUrl, { siteName: clip(payload, 100), clip: { clipId: 'c1' } });
      const win = await frame(URL.createObjectURL(new Blob([renderSharePage(card)], { type: 'text/html' })));
      expect(win.document.title).to.contain(clip(payload, 200).replace(/\s+/g, ' ').trim().slice(0, 30));
      expect([...win.document.querySelectorAll('script')].every((s) => s.src || !s.textContent!.includes('__xss'))).to.equal(true);
      const oembed = renderOEmbed(card, { maxwidth: 500 } as never);
      // The oEmbed HTML is an iframe whose title is the recording's: the payload stays inside an attribute.
      const holder = document.createElement('div');
      holder.innerHTML = oembed.html; // the consumer's own parse of an oEmbed answer, as a site does
      holders.push(holder);
      expect([...holder.querySelectorAll('*')].map((n) => n.localName)).to.deep.equal(['iframe']);
      expect(holder.querySelector('iframe')!.title).to.equal(oembed.title);
      expect(oembed.title).to.equal(card.title);
    }
    expect(ran).to.deep.equal([]);
  });

  it('in the embed page’s query: a script URL as src, markup as theme, CSS as accent', async () => {
    for (const src of [...URL_PAYLOADS, ENCODED_URL, TEXT_PAYLOADS[1]!]) {
      const query = new URLSearchParams({ src, theme: TEXT_PAYLOADS[0]!, accent: 'red;background:url(javascript:top.__xss(30))', lang: TEXT_PAYLOADS[2]!, id: TEXT_PAYLOADS[3]! });
      const win = await frame(`/src/embed/embed.html?${query}`);
      await waitFor(() => win.document.querySelector('[role="alert"], space-replay'), 'the embed page’s content');
      const alert = win.document.querySelector('[role="alert"]');
      if (alert) expect(alert.children.length, 'the refusal is plain text').to.equal(0);
      // (The dev server's own reload socket script aside.)
      const made = [...win.document.body.querySelectorAll('script, img, svg, iframe')].filter((n) => !n.getAttribute('src')?.startsWith('/__web-dev-server'));
      expect(made.map((n) => n.outerHTML.slice(0, 200))).to.deep.equal([]);
      const player = win.document.querySelector('space-replay') as HTMLElement | null;
      if (player) expect(player.style.getPropertyValue('--space-replay-accent')).to.not.contain('javascript');
    }
    expect(ran).to.deep.equal([]);
  });
});
