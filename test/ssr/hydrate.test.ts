// A page as a server renders it (test/server/ssr-pages.js: `<space-replay src>` through
// @lit-labs/ssr into declarative shadow DOM), then hydrated in the browser: the placeholder is laid
// out before any script runs, hydration takes over the server's DOM without an error or a change of
// size, and the recording then shows in the same box.
import { expect } from '@esm-bundle/chai';
import { oneEvent, waitFor } from '../helpers/wait.js';

type Box = { top: number; left: number; width: number; height: number };
type SsrWindow = Window &
  typeof globalThis & {
    ssrBefore: { defined: boolean; player: Box; skeleton: Box | null; wave: Box | null; below: Box };
    ssrErrors: string[];
    ssrPlayerBox: Element | null;
  };
type Player = HTMLElement & { state: string; updateComplete: Promise<boolean> };

const frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const f of frames.splice(0)) f.remove();
  localStorage.removeItem('space-replay:position:fixture-talk');
});

async function openServerRendered(src: string): Promise<SsrWindow> {
  // A listener coming back mid-turn: the speaker chips then say who speaks, and must keep their height.
  localStorage.setItem('space-replay:position:fixture-talk', '11');
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:760px;height:900px;border:0';
  const loaded = oneEvent(frame, 'load', 60_000);
  frame.src = `/__ssr__/player?src=${encodeURIComponent(src)}`;
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  return frame.contentWindow as SsrWindow;
}

const box = (el: Element): Box => {
  const r = el.getBoundingClientRect();
  return { top: r.top, left: r.left, width: r.width, height: r.height };
};

describe('server rendering: <space-replay src> from @lit-labs/ssr, hydrated', function () {
  this.timeout(90_000);

  it('paints the placeholder from the HTML, hydrates it in place and shows the recording in the same box', async () => {
    const win = await openServerRendered('/test/fixtures/talk/manifest.json');
    const before = win.ssrBefore;
    expect(before, 'the page recorded the server-rendered layout').to.exist;
    expect(before.defined, 'no script of the player had run').to.equal(false);
    expect(before.skeleton, 'the placeholder is in the server HTML').to.not.equal(null);
    expect(before.skeleton!.height, 'the placeholder has its size before any script').to.be.greaterThan(100);
    expect(before.player.width).to.equal(720);

    const player = win.document.querySelector('space-replay') as Player;
    await waitFor(() => win.customElements.get('space-replay'), '<space-replay> defined', 30_000);
    if (player.state !== 'ready') await oneEvent(player, 'space-replay-ready', 20_000);
    await player.updateComplete;

    // Hydrated, not rendered again: the server's player box is still the one in the shadow root.
    expect(player.shadowRoot!.querySelector('.player'), 'the server’s DOM was taken over').to.equal(win.ssrPlayerBox);
    expect(win.ssrErrors, 'no hydration error').to.deep.equal([]);
    expect(player.shadowRoot!.querySelector('[part~="title"], space-replay-header'), 'the recording shows').to.exist;

    // No layout jump: the player keeps its place and width, the waveform takes its placeholder's
    // place, and the rows the placeholder stands for (header, waveform, controls, speakers) end
    // where it ended. (What comes after them, the transcript and clip tools, loads later below.)
    const after = box(player);
    expect(after.top).to.equal(before.player.top);
    expect(after.left).to.equal(before.player.left);
    expect(after.width).to.equal(before.player.width);
    const inPart = (tag: string, selector: string): Element => player.shadowRoot!.querySelector(tag)!.shadowRoot!.querySelector(selector)!;
    const timeline = box(inPart('space-replay-timeline', '.timeline'));
    expect(Math.abs(timeline.top - before.wave!.top), 'the waveform where its placeholder was').to.be.at.most(2);
    expect(Math.abs(timeline.height - before.wave!.height), 'the waveform as high as its placeholder').to.be.at.most(2);
    const speakers = box(inPart('space-replay-speakers', '.speakers-box'));
    const skeletonEnd = before.skeleton!.top + before.skeleton!.height;
    expect(Math.abs(speakers.top + speakers.height - skeletonEnd), 'the speakers end where the placeholder ended').to.be.at.most(4);
  });
});
