// The oEmbed iframe is as tall as the player in it: most oEmbed consumers run no host script and
// keep the iframe at the answer's height, so a smaller one crops the player (as a fixed 640×360 did).
import { expect } from '@esm-bundle/chai';
import { renderOEmbed, type OEmbedOptions, type ShareClip } from '../../src/share/index.js';
import { testShareCard } from '../helpers/share.js';
import { waitFor } from '../helpers/wait.js';

/** How much empty room under the player the answer may leave (its text widths are upper bounds). */
const MAX_SPARE = 80;

let host: HTMLElement | undefined;
afterEach(() => host?.remove());

/** The oEmbed iframe of `path`'s recording, placed in this page as a consumer places `html`, and its player's laid-out height once every part has come. */
async function embedded(path: string, options: OEmbedOptions, clip?: ShareClip): Promise<{ frame: number; player: number }> {
  const manifestUrl = new URL(path, location.href).href;
  const { manifest, card } = testShareCard(await (await fetch(manifestUrl)).text(), manifestUrl, clip ? { clip } : {});
  const oembed = renderOEmbed(card, options);
  host = document.createElement('div');
  // The consumer's markup, as is (the iframe's loading="lazy" is honoured: it is in view).
  host.innerHTML = oembed.html;
  document.body.prepend(host);
  const iframe = host.querySelector('iframe')!;
  expect(iframe.getBoundingClientRect().height).to.equal(oembed.height);
  const player = await waitFor(() => iframe.contentDocument?.querySelector('space-replay') ?? undefined, 'the embed player', 15_000);
  const root = () => player.shadowRoot;
  // Every part that takes room: ready, the clip tools, and the transcript panel when there is one.
  await waitFor(() => (player as unknown as { state: string }).state === 'ready', 'the player ready', 15_000);
  await waitFor(() => root()?.querySelector('space-replay-clip-tools')?.shadowRoot?.querySelector('button'), 'the clip tools', 15_000);
  if (manifest.transcripts?.length) {
    await waitFor(() => root()?.querySelector('space-replay-transcript')?.shadowRoot?.querySelector('[part~="scroller"]'), 'the transcript panel', 15_000);
  }
  if (clip) await waitFor(() => root()?.querySelector('space-replay-clip-banner')?.shadowRoot?.querySelector('[part~="clip-banner"]'), 'the clip banner', 15_000);
  await new Promise((r) => iframe.contentWindow!.requestAnimationFrame(() => iframe.contentWindow!.requestAnimationFrame(r)));
  return { frame: oembed.height, player: Math.ceil(player.getBoundingClientRect().height) };
}

function expectFits({ frame, player }: { frame: number; player: number }): void {
  expect(player, `player ${player} px in a ${frame} px iframe`).to.be.at.most(frame);
  expect(frame - player, `room left under the player (${frame} - ${player})`).to.be.at.most(MAX_SPARE);
}

describe('oEmbed height', () => {
  it('fits a recording with a transcript, at 640 and at maxwidth 400', async () => {
    expectFits(await embedded('/demo/recordings/office-hours/manifest.json', {}));
    expectFits(await embedded('/demo/recordings/office-hours/manifest.json', { maxWidth: 400 }));
  });

  it('fits a recording without a transcript', async () => {
    expectFits(await embedded('/test/fixtures/talk/manifest.json', {}));
  });

  it('fits a clip of a recording with highlights, banner included', async () => {
    expectFits(await embedded('/demo/recordings/garden-council/manifest.json', {}, { start: 1, end: 4 }));
  });

  it('never exceeds maxheight', async () => {
    const { frame } = await embedded('/demo/recordings/office-hours/manifest.json', { maxHeight: 300 });
    expect(frame).to.equal(300);
  });
});
