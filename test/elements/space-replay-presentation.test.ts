import { expect } from '@esm-bundle/chai';
import { emulateMedia } from '@web/test-runner-commands';
import type { SpaceReplay } from '../../src/elements/space-replay/space-replay.js';
import { fixtureUrl, waitFor } from '../helpers/wait.js';
import { find, findAll, manifestObject, mount, mountReady, nextEvent, part, unmountAll } from '../helpers/player.js';

const wrappers: HTMLElement[] = [];

/** Emulates media features where the browser driver can (Chromium, over CDP); `false` in Firefox (BiDi cannot). */
async function emulate(media: Parameters<typeof emulateMedia>[0]): Promise<boolean> {
  if (!/Chrome\//.test(navigator.userAgent)) return false;
  try {
    await emulateMedia(media);
    return true;
  } catch {
    return false;
  }
}

afterEach(async () => {
  unmountAll();
  for (const w of wrappers.splice(0)) w.remove();
  await emulate({ colorScheme: 'light', reducedMotion: 'no-preference' });
});

function text(el: SpaceReplay, selector: string): string {
  return part(el, selector).textContent!.replace(/\s+/g, ' ').trim();
}

async function withManifest(change: (manifest: Record<string, any>) => void): Promise<SpaceReplay> {
  const manifest = await manifestObject();
  change(manifest);
  const el = mount({ 'no-resume': '' });
  const ready = nextEvent(el, 'space-replay-ready');
  el.manifest = manifest;
  await ready;
  await el.updateComplete;
  return el;
}

describe('<space-replay> header, language and theming', () => {
  it('shows title, host, date, duration and "Recorded"', async () => {
    const el = await mountReady();
    expect(text(el, '[part~="title"]')).to.equal('Fixture talk: three voices');
    expect(text(el, '[part~="meta"]')).to.equal('Hosted by Ada Host · May 1, 2024 · 0:18');
    expect(text(el, '[part~="badge"]')).to.equal('Recorded');
    expect(find(el, '[part~="availability"]')).to.equal(null);
  });

  it('a live recording shows a REC badge with text, blinking only when motion is allowed', async () => {
    const el = await withManifest((m) => {
      delete m.endedAt;
      m.status = 'live';
    });
    const badge = part(el, '[part~="badge"]');
    expect(badge.getAttribute('part')).to.equal('badge live');
    expect(text(el, '[part~="badge"]')).to.equal('Live');
    const dot = badge.querySelector('.dot')!;
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    expect(getComputedStyle(dot).animationName).to.equal(reduced ? 'none' : 'blink');
    if (!(await emulate({ reducedMotion: 'reduce' }))) return;
    await waitFor(() => getComputedStyle(dot).animationName === 'none', 'no animation with reduced motion');
  });

  it('says how long a recording stays available when it expires soon', async () => {
    const el = await withManifest((m) => (m.retention = { expiresAt: new Date(Date.now() + 2.5 * 86_400_000).toISOString() }));
    expect(text(el, '[part~="availability"]')).to.equal('Available for 3 more days');
  });

  it('speaks French when the element or an ancestor says lang="fr"', async () => {
    const wrapper = document.createElement('div');
    wrapper.lang = 'fr';
    document.body.append(wrapper);
    wrappers.push(wrapper);
    const el = document.createElement('space-replay');
    el.setAttribute('no-resume', '');
    wrapper.append(el);
    const ready = nextEvent(el, 'space-replay-ready');
    el.src = fixtureUrl('talk/manifest.json');
    await ready;
    await el.updateComplete;
    expect(part(el, '[part~="play-button"]').getAttribute('aria-label')).to.equal('Lecture');
    el.seek(63 / 10);
    await el.updateComplete;
    // Intl writes a no-break space between number and unit.
    expect(part(el, '[role="slider"]').getAttribute('aria-valuetext')!.replace(/\s/g, ' ')).to.equal('6 secondes sur 18 secondes');
    expect(text(el, '[part~="meta"]')).to.contain('Animé par Ada Host');
    expect(text(el, '[part~="meta"]')).to.contain('1 mai 2024');
    expect(part(el, 'button.speaker [part="role"]').textContent).to.equal('Hôte');
    // Its own lang wins over the ancestor's.
    el.lang = 'en';
    await waitFor(() => part(el, '[part~="play-button"]').getAttribute('aria-label') === 'Play', 'English again');
  });

  it('shows error messages in French too', async () => {
    const el = mount({ lang: 'fr' });
    el.src = fixtureUrl('talk/manifest-expired.json');
    await waitFor(() => el.state === 'expired', 'expired');
    await el.updateComplete;
    expect(text(el, '[part~="message"]')).to.equal('Cet enregistrement a expiré et n’est plus disponible. Fixture talk: three voices');
  });

  it('lays out right to left but keeps the timeline left to right', async () => {
    const el = await mountReady('talk/manifest.json', { dir: 'rtl' });
    expect(getComputedStyle(part(el, '[part~="header"]')).direction).to.equal('rtl');
    expect(getComputedStyle(part(el, '[part~="timeline"]')).direction).to.equal('ltr');
    const speakers = [...findAll(el, 'button.speaker')].map((b) => b.getBoundingClientRect().left);
    // The first speaker sits at the right in RTL.
    expect(speakers[0]).to.be.greaterThan(speakers[1]!);
  });

  it('fits a 280 px container without overflowing', async () => {
    const el = await mountReady('talk/manifest.json');
    el.style.width = '280px';
    await waitFor(() => getComputedStyle(part(el, '[part~="volume"]')).display === 'none', 'compact layout');
    const player = part(el, '[part~="player"]');
    expect(player.scrollWidth).to.be.at.most(player.clientWidth);
    expect(el.getBoundingClientRect().width).to.equal(280);
  });

  it('follows the colour scheme', async function () {
    const el = await mountReady();
    const player = part(el, '[part~="player"]');
    const light = getComputedStyle(player).backgroundColor;
    expect(light).to.equal('rgb(255, 255, 255)');
    if (!(await emulate({ colorScheme: 'dark' }))) this.skip();
    await waitFor(() => getComputedStyle(player).backgroundColor !== light, 'a dark background');
    expect(getComputedStyle(player).backgroundColor).to.equal('rgb(22, 24, 29)');
  });

  it('forces a scheme with theme="dark" and theme="light"', async function () {
    const el = await mountReady();
    const player = part(el, '[part~="player"]');
    // The chapters arrive after ready and redraw the lanes: wait, so the track is the one drawn last.
    await waitFor(() => find(el, '[part~="chapters"]'), 'the chapters');
    await waitFor(() => find(el, '[part~="lanes"] [data-lanes="chapters"]'), 'the chapter ticks on the lanes');
    const track = part(el, '[part~="lanes"] [data-lanes="track"]');
    expect(getComputedStyle(track).fill).to.equal('rgb(238, 240, 244)');
    el.setAttribute('theme', 'dark');
    expect(getComputedStyle(player).backgroundColor).to.equal('rgb(22, 24, 29)');
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    // The lanes take their colours from the custom properties: a theme change recolours them.
    expect(getComputedStyle(track).fill).to.equal('rgb(36, 40, 50)');
    expect(track.isConnected).to.equal(true);
    el.setAttribute('theme', 'auto');
    expect(getComputedStyle(player).backgroundColor).to.equal('rgb(255, 255, 255)');
    if (!(await emulate({ colorScheme: 'dark' }))) this.skip();
    await waitFor(() => getComputedStyle(player).backgroundColor === 'rgb(22, 24, 29)', 'a dark background under a dark scheme');
    el.setAttribute('theme', 'light');
    expect(getComputedStyle(player).backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(getComputedStyle(el).colorScheme).to.equal('light');
  });

  it('hatches redacted ranges across the lanes and ticks chapter starts', async () => {
    const el = await withManifest((m) => {
      m.redactions = [{ startTime: 2, endTime: 3 }, { startTime: 6, endTime: 6.5 }];
    });
    await waitFor(() => find(el, '[part~="lanes"] [data-lanes="chapters"]'), 'the chapter ticks');
    const lanes = part(el, '[part~="lanes"]') as unknown as SVGSVGElement;
    const redaction = lanes.querySelector('[data-lanes="redaction"]')!;
    // Two ranges, each full height, filled with a hatch pattern of this same SVG.
    expect(redaction.getAttribute('d')!.match(/M/g)).to.have.length(2);
    const id = /^url\(#(.+)\)$/.exec(redaction.getAttribute('fill')!)![1]!;
    expect(lanes.querySelector(`pattern[id="${id}"] path`)).to.not.equal(null);
    const box = (redaction as SVGGraphicsElement).getBBox();
    expect(box.height).to.equal(lanes.clientHeight);
    expect(box.x).to.be.closeTo((2 / el.duration) * lanes.clientWidth, 0.02);
    // A tick per chapter after the first (which starts at 0).
    const later = el.manifest!.chapters!.data!.chapters.filter((c) => c.startTime > 0).length;
    expect(later).to.be.greaterThan(0);
    expect(lanes.querySelector('[data-lanes="chapters"]')!.getAttribute('d')!.match(/M/g)).to.have.length(later);
  });

  it('takes speaker colours from --space-replay-speaker-N', async () => {
    const el = await mountReady();
    el.style.setProperty('--space-replay-speaker-2', 'rgb(1, 2, 3)');
    const bo = findAll<HTMLElement>(el, 'button.speaker')[1]!;
    expect(getComputedStyle(bo).borderInlineStartColor).to.equal('rgb(1, 2, 3)');
    // The same speaker's row on the lanes.
    expect(getComputedStyle(part(el, '[part~="lanes"] [data-row="1"]')).fill).to.equal('rgb(1, 2, 3)');
  });
});

describe('the demo page', () => {
  it('shows the player on a demo recording', async () => {
    const frame = document.createElement('iframe');
    frame.style.width = '900px';
    frame.style.height = '700px';
    frame.src = new URL('../../demo/index.html', import.meta.url).href;
    document.body.append(frame);
    wrappers.push(frame);
    const player = await waitFor(() => frame.contentDocument?.getElementById('player') as SpaceReplay | null, 'the demo player');
    await waitFor(() => player.state === 'ready', `the demo player ready (is ${player.state})`, 15_000);
    expect(player.manifest?.id).to.equal('garden-council');
    expect(find(player, '[part~="title"]')!.textContent).to.contain('community garden');
    expect(findAll(player, 'button.speaker').length).to.be.greaterThan(1);
  });
});
