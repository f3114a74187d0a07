// Faults in what the player reads besides the audio (the peaks, the transcript) and a refused
// autoplay, in both engines (Chromium plays HLS natively, Firefox through hls.js). None of them may
// stop the audio or raise an error: the peaks cost the picture (a flat line that still seeks), the
// transcript costs the panel (which says so), a refused play leaves the Play button.
import { expect } from '@esm-bundle/chai';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import type { SpaceReplay } from '../../src/elements/space-replay/space-replay.js';
import type { PlayerErrorDetail } from '../../src/events.js';
import { faultKey, faultUrl, requestsFor } from '../helpers/faults.js';
import { find, manifestObject, mount, mountReady, nextEvent, panelOf, part, unmountAll } from '../helpers/player.js';
import { waitFor } from '../helpers/wait.js';

const DURATION = 18.285;

afterEach(async () => {
  unmountAll();
  await resetMouse();
});

/** Every `space-replay-error` of `el` from now on. */
function errorsOf(el: SpaceReplay): PlayerErrorDetail[] {
  const errors: PlayerErrorDetail[] = [];
  el.addEventListener('space-replay-error', (e) => errors.push(e.detail));
  return errors;
}

/** The talk fixture with every URL it names served under `key` (so the server logs them), changed by `edit`, once ready. */
async function readyLogged(key: string, edit: (manifest: Record<string, any>) => void): Promise<{ el: SpaceReplay; errors: PlayerErrorDetail[] }> {
  const manifest = await manifestObject();
  manifest.audio = [
    { url: faultUrl(key, 'talk/audio/index.m3u8'), type: 'application/vnd.apple.mpegurl' },
    { url: faultUrl(key, 'talk/audio.m4a'), type: 'audio/mp4' },
  ];
  edit(manifest);
  const el = mount({ 'no-resume': '' });
  const errors = errorsOf(el);
  const ready = nextEvent(el, 'space-replay-ready', 15_000);
  el.manifest = manifest;
  await ready;
  el.mediaElement.muted = true;
  return { el, errors };
}

/** The centre of `element` plus `fraction` of its width from its left edge, in page pixels. */
function pointIn(element: Element, fraction: number): [number, number] {
  const box = element.getBoundingClientRect();
  return [Math.round(box.left + box.width * fraction), Math.round(box.top + box.height / 2)];
}

describe('<space-replay> faults: the peaks', () => {
  // waveform.json is audiowaveform's JSON (`audiowaveform -i talk.wav -o waveform.json -b 8`);
  // waveform-zero-spp.json is the same file with `samples_per_pixel` 0, as a broken writer could leave it.
  const faults: [string, (key: string) => string][] = [
    ['404', (key) => faultUrl(key, 'talk/waveform.json', '404xall', 'waveform.json')],
    ['truncated', (key) => faultUrl(key, 'talk/waveform.json', 'truncatexall', 'waveform.json')],
    ['with samples_per_pixel 0', (key) => faultUrl(key, 'talk/waveform-zero-spp.json')],
  ];
  for (const [name, peaksUrl] of faults) {
    it(`${name}: a flat waveform that seeks, the audio plays, nothing is said, and the audio is never fetched whole`, async () => {
      const key = faultKey('peaks');
      const { el, errors } = await readyLogged(key, (m) => {
        m.waveform = { type: 'application/json', url: peaksUrl(key) };
      });
      expect(el.state).to.equal('ready');
      const wave = part(el, '[part~="waveform"]');
      await sendMouse({ type: 'click', position: pointIn(wave, 0.5) });
      expect(el.currentTime, 'a click on the flat waveform seeks').to.be.closeTo(DURATION / 2, 0.15);
      await el.play();
      await waitFor(() => el.currentTime > DURATION / 2 + 0.5, 'playback from the middle', 15_000);
      el.pause();
      expect(errors).to.deep.equal([]);
      expect(find(el, '[part~="message"]'), 'no message').to.equal(null);
      const files = (await requestsFor(key)).map((r) => r.file);
      expect(files.filter((f) => f.includes('waveform')).length, 'the peaks asked for once').to.equal(1);
      expect(files.includes('talk/audio.m4a'), `the progressive file (the whole audio) never fetched; asked for ${files.join(', ')}`).to.equal(false);
      expect(files.some((f) => f.startsWith('talk/audio/')), 'the audio came from the playlist').to.equal(true);
    });
  }
});

describe('<space-replay> faults: the transcript', () => {
  // Each is served in place of transcript.json (the project's JSON transcript): a 404, and garbage
  // (the file cut in half, so not JSON).
  for (const [name, fault] of [['404', '404xall'], ['garbage', 'truncatexall']] as const) {
    it(`${name}: the audio plays, the panel says the transcript is unavailable, and no error is raised`, async () => {
      const key = faultKey('tr');
      const { el, errors } = await readyLogged(key, (m) => {
        m.transcripts = [{ type: 'application/json', language: 'en', url: faultUrl(key, 'talk/transcript.json', fault, 'transcript.json') }];
      });
      const panel = await panelOf(el, { orUnavailable: true });
      expect(panel.transcript ?? null).to.equal(null);
      expect(panel.unavailable).to.equal(true);
      expect(panel.shadowRoot!.textContent).to.contain('Transcript unavailable');
      await el.play();
      await waitFor(() => el.currentTime > 0.5, 'playback advancing', 15_000);
      el.pause();
      expect(errors).to.deep.equal([]);
      expect(find(el, '[part~="message"]'), 'no player message').to.equal(null);
      expect((await requestsFor(key)).filter((r) => r.file === 'talk/transcript.json').length).to.be.at.least(1);
    });
  }
});

describe('<space-replay> autoplay refused', () => {
  // The browser refuses play() without a user gesture (NotAllowedError); the test browsers are
  // started allowing autoplay, so the refusal is injected on the player's own <audio>.
  function refuse(el: SpaceReplay): { calls: number } {
    const seen = { calls: 0 };
    el.mediaElement.play = () => {
      seen.calls++;
      return Promise.reject(new DOMException('play() can only be initiated by a user gesture.', 'NotAllowedError'));
    };
    return seen;
  }

  it('play() settles without throwing, the Play button stays, and no error is shown or raised', async () => {
    const el = await mountReady('talk/manifest.json', { 'no-resume': '' });
    const errors = errorsOf(el);
    const seen = refuse(el);
    await el.play();
    part(el, '[part~="play-button"]').click();
    await waitFor(() => seen.calls === 2, 'both plays asked of the audio');
    await el.updateComplete;
    // Give a refused promise's handlers a turn.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await el.updateComplete;
    expect(el.mediaElement.paused).to.equal(true);
    expect(el.state).to.equal('ready');
    expect(part(el, '[part~="play-button"]').getAttribute('aria-label')).to.equal('Play');
    expect(errors).to.deep.equal([]);
    expect(find(el, '[part~="message"]')).to.equal(null);
    expect(find(el, '[part~="skeleton"]')).to.equal(null);
  });
});
