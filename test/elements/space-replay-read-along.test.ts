// The transcript composed into <space-replay>, with real playback of the talk fixture (its
// transcript has word times; Bo Guest refused clipping).
import { expect } from '@esm-bundle/chai';
import { sendMouse } from '@web/test-runner-commands';
import type { SpaceReplay } from '../../src/elements/space-replay/space-replay.js';
import type { SpaceReplayTranscript } from '../../src/elements/space-replay-transcript/space-replay-transcript.js';
import { find, manifestObject, mount, mountReady, panelOf, part, unmountAll, wordEl } from '../helpers/player.js';
import { transcriptsInOrder } from '../../src/elements/space-replay-provider/transcript-choice.js';
import { fixtureUrl, oneEvent, waitFor } from '../helpers/wait.js';

afterEach(unmountAll);

/** The player's transcript panel, once its transcript is in (or it gave up). */
const readAlongPanel = (el: SpaceReplay): Promise<SpaceReplayTranscript> => panelOf(el, { orUnavailable: true });

function currentWord(panel: SpaceReplayTranscript): string | null {
  return panel.shadowRoot!.querySelector('[aria-current="time"]')?.textContent ?? null;
}

describe('<space-replay> with its transcript', () => {
  it('highlights the word being played, following real playback, and seeks on a word click', async () => {
    const el = await mountReady('talk/manifest-transcript.json');
    const panel = await readAlongPanel(el);
    const t = panel.transcript!;
    await el.play();
    // Bo's turn starts at 5.627 s: the highlight must reach his words while playing.
    const thanks = t.words().indexOf('Thanks');
    await waitFor(() => el.currentTime > t.wordStart[thanks]! + 0.3, 'playback into Bo’s turn', 15_000);
    await waitFor(() => {
      const w = currentWord(panel);
      return w !== null && t.words().indexOf(w) >= thanks;
    }, 'the highlight in Bo’s turn');
    el.pause();

    const memory = t.words().indexOf('memory');
    const seeked = oneEvent(el, 'space-replay-seeked');
    wordEl(panel, 'memory').click();
    await seeked;
    expect(el.currentTime).to.be.closeTo(t.wordStart[memory]!, 0.05);
    await waitFor(() => currentWord(panel) === 'memory', 'the clicked word highlighted');
  });

  it('pauses following on a user scroll, resumes with the button and after a waveform seek', async () => {
    const el = await mountReady('talk/manifest-transcript.json');
    el.style.setProperty('--space-replay-transcript-height', '80px');
    const panel = await readAlongPanel(el);
    const scroller = panel.shadowRoot!.querySelector<HTMLElement>('[part="scroller"]')!;
    const userScroll = async (): Promise<void> => {
      scroller.dispatchEvent(new WheelEvent('wheel', { deltaY: 200, bubbles: true }));
      scroller.scrollTop = 40;
      scroller.dispatchEvent(new Event('scroll'));
      await panel.updateComplete;
    };
    await userScroll();
    expect(panel.following).to.equal(false);
    const resume = panel.shadowRoot!.querySelector<HTMLButtonElement>('[part~="resume"]')!;
    expect(resume.textContent).to.equal('Resume following');
    resume.click();
    await panel.updateComplete;
    expect(panel.following).to.equal(true);

    await userScroll();
    expect(panel.following).to.equal(false);
    // A click on the lanes (the timeline) seeks and brings following back.
    const lanes = part(el, '[part~="lanes"]').getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(lanes.left + lanes.width / 2), Math.round(lanes.top + 4)] });
    // (Before the first play hls.js has loaded nothing, so Firefox fires no `seeked`: wait on the time.)
    await waitFor(() => Math.abs(el.currentTime - el.duration / 2) < 0.5, 'the seek to the middle');
    expect(panel.following).to.equal(true);
  });

  it('finds accented and unaccented forms and marks the hits on the waveform', async () => {
    const el = await mountReady('talk/manifest-transcript.json');
    const panel = await readAlongPanel(el);
    const searched = oneEvent<CustomEvent<{ hits: { startTime: number }[] }>>(el, 'space-replay-search');
    panel.search('voila');
    expect((await searched).detail.hits).to.have.length(2);
    panel.search('VOILÀ');
    expect(panel.searchHits).to.have.length(2);
    const count = panel.shadowRoot!.querySelector('[part~="search-count"]')!.textContent!;
    expect(count).to.match(/of 2/);

    // The marks canvas is painted at each hit's position, and not between them.
    const marks = part<HTMLCanvasElement>(el, 'canvas[part~="marks"]');
    await waitFor(() => marks.width > 0, 'the marks canvas sized');
    const g = marks.getContext('2d')!;
    const ratio = marks.width / marks.clientWidth;
    const alphaAt = (time: number): number => {
      const x = Math.floor((time / el.duration) * marks.clientWidth * ratio) + 1;
      return g.getImageData(x, 1, 1, 1).data[3]!;
    };
    for (const hit of panel.searchHits) expect(alphaAt(hit.startTime), `tick at ${hit.startTime}`).to.be.greaterThan(0);
    expect(alphaAt(2)).to.equal(0);
    // No hits, nothing marked: the canvas gives its backing store back.
    panel.search('');
    await waitFor(() => marks.width === 0 && marks.height === 0, 'the marks canvas released');
  });

  it('says "Transcript unavailable" on a 404 while the audio plays on', async () => {
    const el = await mountReady('talk/manifest-transcript-404.json');
    const panel = await readAlongPanel(el);
    expect(panel.unavailable).to.equal(true);
    expect(panel.shadowRoot!.textContent).to.contain('Transcript unavailable');
    await el.play();
    await waitFor(() => el.currentTime > 0.5, 'playback advancing', 15_000);
    el.pause();
  });

  it('reads a WebVTT transcript, skipping a malformed cue with a visible count', async () => {
    const el = await mountReady('talk/manifest-transcript-vtt.json');
    const panel = await readAlongPanel(el);
    expect(panel.transcript!.cueCount).to.equal(3);
    expect(panel.skipped).to.equal(1);
    expect(panel.shadowRoot!.querySelector('[part~="notice"]')!.textContent).to.contain('1 line could not be read');
    // Voices matched to participants: Cy's name heads the second paragraph.
    expect([...panel.shadowRoot!.querySelectorAll('[part~="speaker"]')].map((n) => n.textContent)).to.include('Cy Cohost');
  });

  it('renders an XSS corpus in the title, names and transcript text inert', async () => {
    const payloads = [
      '<script>window.__xss = 1</script>',
      '<img src=x onerror="window.__xss = 2">',
      'javascript:window.__xss = 3',
      '&lt;b onclick=alert(1)&gt;bold&lt;/b&gt;',
      '\u202Eevil\u202C <svg onload="window.__xss = 4">',
      '${window.__xss = 5} {{constructor.constructor("window.__xss = 6")()}}',
    ];
    const manifest = await manifestObject('talk/manifest.json');
    manifest.id = 'fixture-xss';
    manifest.title = payloads[0] + payloads[1];
    manifest.participants[0].name = payloads[1];
    manifest.participants[1].name = payloads[4];
    manifest.participants[2].name = payloads[2];
    manifest.transcripts = [
      {
        type: 'application/json',
        data: {
          format: 'space-replay-transcript',
          version: '1.0',
          speakers: [
            { id: 'ada', name: payloads[3], participant: 'ada' },
            { id: 'x', name: payloads[1] },
          ],
          cues: payloads.map((text, i) => ({ startTime: i * 2, endTime: i * 2 + 1.5, speaker: i % 2 ? 'x' : 'ada', text })),
        },
      },
    ];
    manifest.clips = [{ id: 'c1', startTime: 0.5, endTime: 4, title: payloads[1] }];
    const el = mount({ 'no-resume': '' });
    const ready = oneEvent(el, 'space-replay-ready', 15_000);
    el.manifest = manifest;
    await ready;
    const panel = await readAlongPanel(el);
    expect(panel.transcript!.cueCount).to.equal(payloads.length);
    await el.updateComplete;

    const all: Element[] = [];
    const walk = (root: ParentNode): void => {
      for (const node of root.querySelectorAll('*')) {
        all.push(node);
        if (node.shadowRoot) walk(node.shadowRoot);
      }
    };
    walk(el.shadowRoot!);
    const tags = new Set(all.map((n) => n.localName));
    for (const bad of ['script', 'iframe', 'object', 'embed']) expect(tags.has(bad), bad).to.equal(false);
    expect(all.filter((n) => n.localName === 'img' && n.getAttribute('src') === 'x')).to.have.length(0);
    expect(all.filter((n) => n.localName === 'svg' && n.hasAttribute('onload'))).to.have.length(0);
    for (const n of all) for (const a of n.attributes) expect(a.name.startsWith('on'), `${n.localName}[${a.name}]`).to.equal(false);
    for (const n of all) if (n instanceof HTMLAnchorElement) expect(n.href.startsWith('javascript:')).to.equal(false);
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    // The payloads show literally.
    expect(part(el, '[part~="title"]').textContent).to.equal(manifest.title);
    const text = panel.shadowRoot!.textContent!;
    expect(text).to.contain('<script>window.__xss = 1</script>');
    expect(text).to.contain('&lt;b onclick=alert(1)&gt;bold&lt;/b&gt;');
  });
});

describe('<space-replay> downloads and expiry', () => {
  it('offers transcript downloads only where the manifest allows them', async () => {
    const allowed = await panelOf(await mountReady('talk/manifest-transcript.json'));
    expect(allowed.shadowRoot!.querySelectorAll('[part~="download-button"]').length).to.be.greaterThan(0);
    const notListed = await panelOf(await mountReady('talk/manifest-transcript-vtt.json'));
    expect(notListed.shadowRoot!.querySelectorAll('[part~="download-button"]').length).to.equal(0);

    // Listed, but a participant refused downloads.
    const manifest = await manifestObject('talk/manifest-transcript.json');
    for (const t of manifest.transcripts) t.url = new URL(t.url, fixtureUrl('talk/manifest.json')).href;
    manifest.downloads.transcript = new URL('transcript.json', fixtureUrl('talk/manifest.json')).href;
    manifest.participants[1].consent.download = false;
    const el = mount({ 'no-resume': '' });
    const ready = oneEvent(el, 'space-replay-ready', 15_000);
    el.manifest = manifest;
    await ready;
    const refused = await readAlongPanel(el);
    expect(refused.shadowRoot!.querySelectorAll('[part~="download-button"]').length).to.equal(0);
  });

  it('offers no clip tools for an expired recording', async () => {
    const el = mount({ 'no-resume': '' });
    el.src = fixtureUrl('talk/manifest-expired.json');
    await waitFor(() => el.state === 'expired', 'the expired state');
    await el.updateComplete;
    expect(find(el, '[part~="clip-button"], space-replay-clip-editor, space-replay-transcript')).to.equal(null);
  });
});

describe('<space-replay> redactions', () => {
  it('says "removed at the speaker’s request" on the timeline and in the transcript', async () => {
    const manifest = await manifestObject('talk/manifest-transcript.json');
    for (const t of manifest.transcripts) t.url = new URL(t.url, fixtureUrl('talk/manifest.json')).href;
    manifest.redactions = [{ startTime: 6, endTime: 8 }];
    const el = mount({ 'no-resume': '' });
    const ready = oneEvent(el, 'space-replay-ready', 15_000);
    el.manifest = manifest;
    await ready;
    const panel = await readAlongPanel(el);
    expect(panel.shadowRoot!.querySelector('[part~="redaction"]')!.textContent).to.contain('removed at the speaker’s request');
    const lanes = part(el, '[part~="lanes"]').getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(lanes.left + (7 / el.duration) * lanes.width), Math.round(lanes.top + 4)] });
    const hover = await waitFor(() => find(el, '[part~="hover"]'), 'the hover label');
    expect(hover.textContent).to.contain('removed at the speaker’s request');
    await sendMouse({ type: 'move', position: [Math.round(lanes.left + (2 / el.duration) * lanes.width), Math.round(lanes.top + 4)] });
    await waitFor(() => !find(el, '[part~="hover"]')!.textContent!.includes('removed'), 'no note outside the redaction');
  });
});

describe('<space-replay> transcript choice', () => {
  it('orders transcripts: page language, then the recording’s; JSON, then WebVTT, then SRT', () => {
    const refs = [
      { type: 'application/x-subrip', language: 'en', url: 'en.srt' },
      { type: 'text/vtt', language: 'fr', url: 'fr.vtt' },
      { type: 'text/vtt', url: 'default.vtt' },
      { type: 'application/json', language: 'en', url: 'en.json' },
      { type: 'application/json', language: 'de', url: 'de.json' },
    ] as const;
    const urls = (lang: string) => transcriptsInOrder(refs as never, lang, 'en').map((r) => r.url);
    expect(urls('fr-CA')).to.deep.equal(['fr.vtt', 'en.json', 'default.vtt', 'en.srt', 'de.json']);
    expect(urls('ja')).to.deep.equal(['en.json', 'default.vtt', 'en.srt', 'de.json', 'fr.vtt']);
    expect(transcriptsInOrder([], 'en')).to.deep.equal([]);
  });

  it('falls back to the next transcript when the preferred one cannot be loaded', async () => {
    // The manifest lists a French VTT (missing) and the English JSON: in French, the first 404s.
    const el = await mountReady('talk/manifest-transcript.json', { lang: 'fr' });
    const panel = await readAlongPanel(el);
    expect(panel.unavailable).to.equal(false);
    expect(panel.transcript!.wordCount).to.be.greaterThan(40);
  });
});
