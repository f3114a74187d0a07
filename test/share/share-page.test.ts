import { expect } from '@esm-bundle/chai';
import { renderSharePage } from '../../src/share/index.js';
import { testShareCard } from '../helpers/share.js';
import { waitFor } from '../helpers/wait.js';

const MANIFEST = new URL('/demo/recordings/maintainers-ama/manifest.json', location.href).href;
let frame: HTMLIFrameElement | undefined;
afterEach(() => frame?.remove());

describe('share page', () => {
  it('opens its clip range in the player, though crawlers never see a #fragment', async () => {
    const text = await (await fetch(MANIFEST)).text();
    // The host's own highlight: a range everyone in it agreed to clip.
    const highlight = JSON.parse(text).clips[0] as { startTime: number; endTime: number };
    const { card } = testShareCard(text, MANIFEST, { clip: { start: highlight.startTime, end: highlight.endTime } });
    const html = renderSharePage(card);
    frame = document.createElement('iframe');
    frame.style.cssText = 'width:800px;height:600px';
    frame.src = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
    document.body.append(frame);
    const player = await waitFor(() => frame!.contentDocument?.querySelector('space-replay') ?? undefined, 'the share page player');
    await waitFor(() => Math.abs((player as unknown as { currentTime: number }).currentTime - highlight.startTime) < 0.25, 'the player at the clip start');
    expect(frame.contentWindow!.location.hash).to.equal(`#t=${highlight.startTime},${highlight.endTime}`);
  });
});
