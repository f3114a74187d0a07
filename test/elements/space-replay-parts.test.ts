import { expect } from '@esm-bundle/chai';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/elements/space-replay-chapters/define.js';
import '../../src/elements/space-replay-clip-banner/define.js';
import '../../src/elements/space-replay-clip-tools/define.js';
import '../../src/elements/space-replay-header/define.js';
import { SpaceReplayProvider } from '../../src/elements/space-replay-provider/define.js';
import '../../src/elements/space-replay-speakers/define.js';
import '../../src/elements/space-replay-status/define.js';
import '../../src/elements/space-replay-timeline/define.js';
import '../../src/elements/space-replay-transcript/define.js';
import '../../src/elements/space-replay-transport/define.js';
import type { SpaceReplayTranscript } from '../../src/elements/space-replay-transcript/space-replay-transcript.js';
import { fixtureUrl, oneEvent, waitFor } from '../helpers/wait.js';

// test/fixtures/media.json: ada 0.4–5.227, bo 5.627–9.855, cy 10.255–13.799, ada 14.199–17.885.
const DURATION = 18.285;
const BO_START = 5.627;

const made: Element[] = [];
afterEach(() => {
  for (const el of made.splice(0)) el.remove();
});

/** A custom layout, written as a site would write it, appended to the body. */
function layout(html: string): HTMLElement {
  const box = document.createElement('div');
  box.style.width = '760px';
  // Only markup: no script beyond the parts' define files.
  box.innerHTML = html;
  document.body.append(box);
  made.push(box);
  return box;
}

/** A layout with the transcript beside the timeline and the speakers in a sidebar. */
async function composed(manifest = 'talk/manifest-transcript.json', outer = false): Promise<{ provider: SpaceReplayProvider; box: HTMLElement }> {
  const box = layout(`${outer ? '<space-replay-provider id="outer">' : ''}
    <space-replay-provider no-resume id="inner" style="display: grid; grid-template-columns: 2fr 1fr; gap: 8px">
      <space-replay-header></space-replay-header>
      <space-replay-status></space-replay-status>
      <div class="main">
        <space-replay-timeline></space-replay-timeline>
        <space-replay-transport><space-replay-chapters></space-replay-chapters></space-replay-transport>
        <space-replay-transcript style="--space-replay-transcript-height: 12rem"></space-replay-transcript>
      </div>
      <aside><space-replay-speakers></space-replay-speakers></aside>
    </space-replay-provider>${outer ? '</space-replay-provider>' : ''}`);
  const provider = box.querySelector<SpaceReplayProvider>('#inner')!;
  const ready = oneEvent(provider, 'space-replay-ready', 15_000);
  provider.src = fixtureUrl(manifest);
  await ready;
  return { provider, box };
}

function inPart<T extends Element = HTMLElement>(box: HTMLElement, tag: string, selector: string): T {
  const el = box.querySelector(tag)?.shadowRoot?.querySelector<T>(selector);
  if (!el) throw new Error(`no ${selector} in ${tag}`);
  return el;
}

describe('parts in a page layout', () => {
  it('share one recording: every part shows it and the provider fires the player events', async () => {
    const { provider, box } = await composed();
    await waitFor(() => box.querySelector('space-replay-header')!.shadowRoot!.querySelector('[part~="title"]'), 'the title');
    expect(inPart(box, 'space-replay-header', '[part~="title"]').textContent).to.equal('Fixture talk: three voices');
    expect(inPart(box, 'space-replay-timeline', '[role="slider"]').getAttribute('aria-valuemax')).to.equal('18');
    // The waveform is drawn by the time the provider says ready.
    expect(inPart(box, 'space-replay-timeline', '[part~="waveform"]').firstElementChild).to.not.equal(null);
    expect(inPart(box, 'space-replay-transport', '[part~="play-button"]').getAttribute('aria-label')).to.equal('Play');
    const names = [...box.querySelector('space-replay-speakers')!.shadowRoot!.querySelectorAll('button.speaker bdi.name')].map((b) => b.textContent);
    expect(names).to.deep.equal(['Ada Host', 'Bo Guest', 'Cy Cohost']);
    // Nothing to say while ready.
    expect(box.querySelector('space-replay-status')!.shadowRoot!.childElementCount).to.equal(0);
    expect(provider.state).to.equal('ready');
  });

  it('sends requests up: the play button plays, the slider keys seek, a speaker jumps to their turn', async () => {
    // A provider further up (this one has no recording) must leave requests its inner one answered alone.
    const { provider, box } = await composed('talk/manifest-transcript.json', true);
    const outer = box.querySelector<SpaceReplayProvider>('#outer')!;
    provider.mediaElement.muted = true;
    const seen: string[] = [];
    const spy = (e: Event): void => void seen.push(e.type);
    for (const type of ['space-replay-play-request', 'space-replay-seek-request', 'space-replay-turn-request']) document.addEventListener(type, spy);
    try {
      const played = oneEvent(provider, 'space-replay-play');
      inPart(box, 'space-replay-transport', '[part~="play-button"]').click();
      await played;
      await waitFor(() => inPart(box, 'space-replay-transport', '[part~="play-button"]').getAttribute('aria-label') === 'Pause', 'the Pause label');
      provider.pause();
      inPart(box, 'space-replay-timeline', '[role="slider"]').focus();
      await sendKeys({ press: 'End' });
      expect(provider.currentTime).to.be.closeTo(DURATION, 0.01);
      expect(outer.currentTime, 'the outer provider did not seek').to.equal(0);
      await sendKeys({ press: 'Home' });
      const bo = [...box.querySelector('space-replay-speakers')!.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.speaker')][1]!;
      bo.click();
      expect(provider.currentTime).to.be.closeTo(BO_START, 0.01);
      // The requests bubble on to the page (as the transcript panel's always have), answered once.
      expect(seen).to.include.members(['space-replay-play-request', 'space-replay-seek-request', 'space-replay-turn-request']);
    } finally {
      for (const type of ['space-replay-play-request', 'space-replay-seek-request', 'space-replay-turn-request']) document.removeEventListener(type, spy);
    }
  });

  it('a press on the timeline seeks; the playhead, the clock and the active speaker follow', async () => {
    const { provider, box } = await composed();
    const lanes = inPart(box, 'space-replay-timeline', '[part~="lanes"]').getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(lanes.left + (7.6 / DURATION) * lanes.width), Math.round(lanes.top + 4)] });
    await waitFor(() => Math.abs(provider.currentTime - 7.6) < 0.2, `a seek to 7.6 s (at ${provider.currentTime})`);
    const cursor = inPart(box, 'space-replay-timeline', '[part~="cursor"]').getBoundingClientRect();
    expect(cursor.left + 1 - lanes.left).to.be.closeTo((provider.currentTime / DURATION) * lanes.width, 2);
    expect(inPart(box, 'space-replay-transport', '[part~="time"]').textContent!.replace(/\s+/g, ' ').trim()).to.match(/^0:07 \/ -0:1[01]$/);
    await waitFor(() => inPart(box, 'space-replay-speakers', '[aria-current="true"] bdi').textContent === 'Bo Guest', 'Bo marked as speaking');
  });

  it('the transcript asks for the recording’s transcript, follows the clock and seeks through the provider', async () => {
    const { provider, box } = await composed();
    const panel = box.querySelector<SpaceReplayTranscript>('space-replay-transcript')!;
    await waitFor(() => panel.transcript, 'the transcript loaded');
    await panel.updateComplete;
    expect(panel.participants.map((p) => p.id)).to.deep.equal(['ada', 'bo', 'cy']);
    provider.seek(7);
    await waitFor(() => panel.shadowRoot!.querySelector('[aria-current="time"]'), 'a highlighted word at 7 s');
    expect(panel.currentTime).to.equal(7);
    // The first word (0.4 s): a click asks the provider to go there.
    const word = panel.shadowRoot!.querySelector<HTMLElement>('[part~="word"]')!;
    word.click();
    expect(provider.currentTime).to.be.closeTo(panel.transcript!.wordStart[0]!, 0.01);
  });

  it('speaks the provider’s language and takes its colours and theme', async () => {
    const { provider, box } = await composed('talk/manifest.json');
    provider.lang = 'fr';
    await waitFor(() => inPart(box, 'space-replay-transport', '[part~="play-button"]').getAttribute('aria-label') === 'Lecture', 'French labels');
    const play = inPart(box, 'space-replay-transport', '[part~="play-button"]');
    expect(getComputedStyle(play).backgroundColor).to.equal('rgb(67, 56, 202)');
    provider.setAttribute('theme', 'dark');
    expect(getComputedStyle(play).backgroundColor).to.equal('rgb(165, 180, 252)');
    provider.style.setProperty('--space-replay-accent', 'rgb(1, 2, 3)');
    expect(getComputedStyle(play).backgroundColor).to.equal('rgb(1, 2, 3)');
  });

  it('each part listens to its nearest provider', async () => {
    const box = layout(`
      <space-replay-provider no-resume id="a"><space-replay-header></space-replay-header></space-replay-provider>
      <space-replay-provider no-resume id="b"><space-replay-header></space-replay-header></space-replay-provider>`);
    const [a, b] = [...box.querySelectorAll('space-replay-provider')] as SpaceReplayProvider[];
    const ready = Promise.all([oneEvent(a!, 'space-replay-ready', 15_000), oneEvent(b!, 'space-replay-ready', 15_000)]);
    a!.src = fixtureUrl('talk/manifest.json');
    b!.src = fixtureUrl('other/manifest.json');
    await ready;
    const title = (p: Element): string | null | undefined => p.querySelector('space-replay-header')!.shadowRoot!.querySelector('[part~="title"]')?.textContent;
    await waitFor(() => title(a!) && title(b!), 'both titles');
    expect(title(a!)).to.equal('Fixture talk: three voices');
    expect(title(b!)).to.equal('Fixture other: two voices');
  });

  it('a provider defined after its parts still reaches them', async () => {
    const box = layout(`<late-provider no-resume><space-replay-header></space-replay-header></late-provider>`);
    const header = box.querySelector('space-replay-header')!;
    await (header as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(header.shadowRoot!.childElementCount).to.equal(0);
    customElements.define('late-provider', class extends SpaceReplayProvider {});
    const provider = box.querySelector('late-provider') as SpaceReplayProvider;
    const ready = oneEvent(provider, 'space-replay-ready', 15_000);
    provider.src = fixtureUrl('talk/manifest.json');
    await ready;
    await waitFor(() => header.shadowRoot!.querySelector('[part~="title"]'), 'the title from the late provider');
  });

  it('outside a provider a part renders nothing and its requests go nowhere', async () => {
    const box = layout(`<space-replay-transport></space-replay-transport><space-replay-timeline></space-replay-timeline>`);
    const transport = box.querySelector('space-replay-transport')!;
    await (transport as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(transport.shadowRoot!.childElementCount).to.equal(0);
    expect(box.querySelector('space-replay-timeline')!.shadowRoot!.childElementCount).to.equal(0);
  });

  it('the clip tools and the banner: "Make a clip", a drag on the timeline, the editor, and a clip link', async () => {
    const box = layout(`
      <space-replay-provider no-resume>
        <space-replay-timeline></space-replay-timeline>
        <space-replay-clip-banner></space-replay-clip-banner>
        <space-replay-clip-tools></space-replay-clip-tools>
      </space-replay-provider>`);
    const provider = box.querySelector('space-replay-provider')!;
    const ready = oneEvent(provider, 'space-replay-ready', 15_000);
    provider.src = fixtureUrl('talk/manifest.json');
    await ready;
    const clipButton = await waitFor(() => box.querySelector('space-replay-clip-tools')!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="clip-button"]'), 'the clip tools');
    clipButton.click();
    await waitFor(() => clipButton.getAttribute('aria-pressed') === 'true', 'Make a clip on');
    const lanes = inPart(box, 'space-replay-timeline', '[part~="lanes"]').getBoundingClientRect();
    const x = (t: number): number => Math.round(lanes.left + (t / DURATION) * lanes.width);
    const y = Math.round(lanes.top + 4);
    await sendMouse({ type: 'move', position: [x(2), y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x(6), y] });
    await sendMouse({ type: 'up' });
    const editor = await waitFor(() => box.querySelector('space-replay-clip-tools')!.shadowRoot!.querySelector('space-replay-clip-editor'), 'the clip editor');
    expect((editor as unknown as { start: number }).start).to.be.closeTo(2, 0.2);
    expect((editor as unknown as { end: number }).end).to.be.closeTo(6, 0.2);
    expect(provider.currentTime, 'a clip drag does not seek').to.equal(0);
    // The clip's range is marked over the lanes.
    expect(inPart<HTMLCanvasElement>(box, 'space-replay-timeline', '[part~="marks"]').width).to.be.greaterThan(0);
  });
});

describe('the compose demo page', () => {
  it('lays the parts out in HTML and CSS: the speakers in a sidebar, the transcript beside the waveform', async () => {
    const frame = document.createElement('iframe');
    frame.style.width = '1100px';
    frame.style.height = '800px';
    frame.src = new URL('../../demo/compose.html', import.meta.url).href;
    document.body.append(frame);
    made.push(frame);
    const provider = await waitFor(() => frame.contentDocument?.getElementById('room') as SpaceReplayProvider | null, 'the demo provider');
    await waitFor(() => provider.state === 'ready', `the demo ready (is ${provider.state})`, 15_000);
    const doc = frame.contentDocument!;
    const panel = doc.querySelector<SpaceReplayTranscript>('space-replay-transcript')!;
    await waitFor(() => panel.transcript, 'the transcript loaded', 15_000);
    const timeline = doc.querySelector('space-replay-timeline')!.getBoundingClientRect();
    const speakers = doc.querySelector('space-replay-speakers')!.getBoundingClientRect();
    const words = panel.getBoundingClientRect();
    expect(speakers.right, 'the sidebar left of the timeline').to.be.at.most(timeline.left);
    expect(words.left, 'the transcript right of the timeline').to.be.at.least(timeline.right);
    expect(words.top).to.be.below(timeline.bottom);
    // Its own part rule: one speaker a row.
    const buttons = [...doc.querySelector('space-replay-speakers')!.shadowRoot!.querySelectorAll('button.speaker')].map((b) => b.getBoundingClientRect().left);
    expect(new Set(buttons).size).to.equal(1);
    expect(doc.querySelectorAll('script:not([src])')).to.have.length(0);
  });
});
