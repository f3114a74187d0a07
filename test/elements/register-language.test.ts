/** registerLanguage (space-replay/i18n) reaches the rendered player: a registered table, and a lazy one loaded when the player first renders in it. */
import { expect } from '@esm-bundle/chai';
import '../../src/elements/space-replay/define.js';
import type { SpaceReplay } from '../../src/elements/space-replay/space-replay.js';
import { registerLanguage } from '../../src/i18n/index.js';
import { fixtureUrl, oneEvent, waitFor } from '../helpers/wait.js';

const made: Element[] = [];
afterEach(() => {
  for (const el of made.splice(0)) el.remove();
});

async function player(lang: string): Promise<SpaceReplay> {
  const el = document.createElement('space-replay');
  el.noResume = true;
  el.lang = lang;
  el.src = fixtureUrl('talk/manifest.json');
  document.body.append(el);
  made.push(el);
  await oneEvent(el, 'space-replay-ready', 15_000);
  return el;
}

const playLabel = (el: SpaceReplay) =>
  el.shadowRoot!.querySelector('space-replay-transport')?.shadowRoot?.querySelector('[part~="play-button"]')?.getAttribute('aria-label');

describe('registerLanguage', () => {
  it('renders a registered language, English for what it leaves out', async () => {
    registerLanguage('de', { play: 'Abspielen' });
    const el = await player('de-AT');
    await waitFor(() => playLabel(el) === 'Abspielen', 'the German play label');
    const mute = el.shadowRoot!.querySelector('space-replay-transport')!.shadowRoot!.querySelector('[part~="mute-button"]')!;
    expect(mute.getAttribute('aria-label')).to.equal('Mute');
  });

  it('loads a language given as a loader when a player first renders in it', async () => {
    let loads = 0;
    registerLanguage('es', async () => {
      loads++;
      return { default: { play: 'Reproducir' } };
    });
    const el = await player('es');
    await waitFor(() => playLabel(el) === 'Reproducir', 'the Spanish play label');
    expect(loads).to.equal(1);
  });
});
