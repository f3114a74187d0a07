import { expect } from '@esm-bundle/chai';
import { parseManifest } from '../../src/manifest/index.js';
import { buildShareCard, renderSharePage } from '../../src/share/index.js';
import { waitFor } from '../helpers/wait.js';

const MANIFEST = new URL('/demo/recordings/maintainers-ama/manifest.json', location.href).href;
let frame: HTMLIFrameElement | undefined;
afterEach(() => frame?.remove());

describe('share page', () => {
  it('opens its clip range in the player, though crawlers never see a #fragment', async () => {
    const parsed = parseManifest(await (await fetch(MANIFEST)).text(), { baseUrl: MANIFEST });
    if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
    // The host's own highlight: a range everyone in it agreed to clip.
    const highlight = parsed.manifest.clips![0]!;
    const built = buildShareCard(parsed.manifest, {
      baseUrl: location.origin,
      manifestUrl: MANIFEST,
      embedUrl: new URL('/src/embed/embed.html', location.href).href,
      playerScriptUrl: new URL('/src/index.ts', location.href).href,
      clip: { start: highlight.startTime, end: highlight.endTime },
    });
    if (!built.ok) throw new Error(built.message);
    const html = renderSharePage(built.card);
    frame = document.createElement('iframe');
    frame.style.cssText = 'width:800px;height:600px';
    frame.src = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
    document.body.append(frame);
    const player = await waitFor(() => frame!.contentDocument?.querySelector('space-replay') ?? undefined, 'the share page player');
    await waitFor(() => Math.abs((player as unknown as { currentTime: number }).currentTime - highlight.startTime) < 0.25, 'the player at the clip start');
    expect(frame.contentWindow!.location.hash).to.equal(`#t=${highlight.startTime},${highlight.endTime}`);
  });
});
