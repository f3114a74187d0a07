// Clips in the composed <space-replay>: made by a waveform drag and by a transcript selection,
// consent refusals, clip links (deep-link) with real playback, and host highlights.
import { expect } from '@esm-bundle/chai';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { SpaceReplay } from '../../src/elements/space-replay/space-replay.js';
import type { SpaceReplayClipEditor } from '../../src/elements/space-replay-clip-editor/space-replay-clip-editor.js';
import type { SpaceReplayTranscript } from '../../src/elements/space-replay-transcript/space-replay-transcript.js';
import { formatClipLink } from '../../src/model/clip-link.js';
import { find, manifestObject, mount, mountReady, nextEvent, panelOf, part, unmountAll, wordEl } from '../helpers/player.js';
import { fixtureUrl, oneEvent, waitFor } from '../helpers/wait.js';

const pageUrl = location.href;

afterEach(() => {
  unmountAll();
  history.replaceState(null, '', pageUrl);
});

async function editorOf(el: SpaceReplay): Promise<SpaceReplayClipEditor> {
  await el.updateComplete;
  const editor = await waitFor(() => find<HTMLElementTagNameMap['space-replay-clip-editor']>(el, 'space-replay-clip-editor') as SpaceReplayClipEditor | null, 'the clip editor');
  await editor.updateComplete;
  return editor;
}

/** Selects from inside word `a` to inside word `b` and lets go, as a mouse selection does. */
function selectWords(panel: SpaceReplayTranscript, a: string, b: string): void {
  document.getSelection()!.setBaseAndExtent(wordEl(panel, a).firstChild!, 1, wordEl(panel, b).firstChild!, 2);
  panel.shadowRoot!.querySelector('[part="scroller"]')!.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
}

describe('<space-replay> clips', () => {
  it('makes a clip by dragging across the waveform in clip mode, with the expected link', async () => {
    const el = await mountReady('talk/manifest-transcript.json');
    await panelOf(el);
    part<HTMLButtonElement>(el, '[part~="clip-button"]').click();
    await el.updateComplete;
    expect(part(el, '[part~="clip-button"]').getAttribute('aria-pressed')).to.equal('true');
    const box = part(el, '[part~="timeline"]').getBoundingClientRect();
    const lanes = part(el, '[part~="lanes"]').getBoundingClientRect();
    const y = Math.round(lanes.top + 4);
    // Inside Ada's first turn (0.4–5.2 s): 1 s to 4 s.
    const x1 = Math.round(box.left + (1 / el.duration) * box.width);
    const x2 = Math.round(box.left + (4 / el.duration) * box.width);
    const before = el.currentTime;
    await sendMouse({ type: 'move', position: [x1, y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x2, y] });
    await sendMouse({ type: 'up' });
    const editor = await editorOf(el);
    // A drag in clip mode makes a clip and does not seek.
    expect(el.currentTime).to.equal(before);
    // The editor keeps milliseconds.
    const ms = (x: number): number => Math.round(((x - box.left) / box.width) * el.duration * 1000) / 1000;
    const start = ms(x1);
    const end = ms(x2);
    expect(editor.start).to.equal(start);
    expect(editor.end).to.equal(end);
    expect(editor.clipUrl).to.equal(`${location.href.split('#')[0]}#t=${start},${end}`);
    expect(editor.clipUrl).to.equal(formatClipLink(location.href, { start, end }));
    expect(editor.clipUrl).to.match(/#t=\d+(\.\d+)?,\d+(\.\d+)?$/);
    expect(editor.consent.ok).to.equal(true);
    // One player on the page: no id in the link.
    expect(editor.clipUrl.split('#')[1]).not.to.contain('id=');

    // Copy link fires space-replay-clip out of the player (clipboard or not).
    const made = oneEvent<CustomEvent<{ startTime: number; endTime: number; url: string }>>(el, 'space-replay-clip');
    editor.shadowRoot!.querySelector<HTMLButtonElement>('[part~="copy-link-button"]')!.click();
    const detail = (await made).detail;
    expect(detail).to.deep.equal({ startTime: editor.start, endTime: editor.end, url: editor.clipUrl });
  });

  it('makes a clip from a transcript selection, snapped to words', async () => {
    const el = await mountReady('talk/manifest-transcript.json');
    const panel = await panelOf(el);
    const t = panel.transcript!;
    selectWords(panel, 'replay', 'recording.');
    const editor = await editorOf(el);
    const a = t.words().indexOf('replay');
    const b = t.words().indexOf('recording.');
    expect(editor.start).to.equal(t.wordStart[a]);
    expect(editor.end).to.equal(t.wordEnd[b]);
    expect(editor.clipUrl).to.equal(`${location.href.split('#')[0]}#t=${t.wordStart[a]},${t.wordEnd[b]}`);
    // The range is marked in the text.
    expect(panel.shadowRoot!.querySelectorAll('[part~="clip"]').length).to.be.greaterThan(0);

    // Escape inside the editor closes it, and the mark goes with it.
    editor.shadowRoot!.querySelector<HTMLButtonElement>('[part~="preview-button"]')!.focus();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(find<HTMLElementTagNameMap['space-replay-clip-editor']>(el, 'space-replay-clip-editor')).to.equal(null);
    await panel.updateComplete;
    expect(panel.shadowRoot!.querySelectorAll('[part~="clip"]').length).to.equal(0);
  });

  it('a paused preview ends with its editor: no old mark in the next range, Play goes past its end', async () => {
    const el = await mountReady('talk/manifest-transcript.json');
    const panel = await panelOf(el);
    const marked = (word: string) => wordEl(panel, word).matches('[part~="clip"]');
    selectWords(panel, 'replay', 'recording.');
    let editor = await editorOf(el);
    const oldEnd = editor.end;
    const playing = oneEvent(el, 'space-replay-play', 15_000);
    editor.shadowRoot!.querySelector<HTMLButtonElement>('[part~="preview-button"]')!.click();
    await playing;
    el.pause();
    expect(el.currentTime).to.be.below(oldEnd);
    part<HTMLButtonElement>(el, '[part~="close-clip-button"]').click();
    await el.updateComplete;
    await panel.updateComplete;
    expect(panel.shadowRoot!.querySelectorAll('[part~="clip"]').length, 'marks after closing').to.equal(0);

    // The next range is marked alone.
    selectWords(panel, 'Segments', 'small,');
    editor = await editorOf(el);
    await panel.updateComplete;
    expect(marked('Segments')).to.equal(true);
    expect(marked('replay')).to.equal(false);
    part<HTMLButtonElement>(el, '[part~="close-clip-button"]').click();
    await el.updateComplete;

    // Play runs on through the old preview's end.
    await el.play();
    await waitFor(() => el.currentTime > oldEnd + 0.5 || el.paused, 'playback past the old end, or a stop', 15_000);
    expect(el.paused, `stopped at ${el.currentTime.toFixed(2)} (old preview end ${oldEnd})`).to.equal(false);
  });

  it('refuses a clip over a speaker who did not consent, naming them', async () => {
    const el = await mountReady('talk/manifest-transcript.json');
    const panel = await panelOf(el);
    selectWords(panel, 'Streaming', 'rooms');
    const editor = await editorOf(el);
    const refusal = await waitFor(() => editor.shadowRoot!.querySelector('[part~="refusal"]'), 'the refusal');
    expect(refusal.textContent).to.contain('Bo Guest');
    expect(editor.shadowRoot!.querySelector<HTMLButtonElement>('[part~="copy-link-button"]')?.disabled ?? true).to.equal(true);
  });

  it('opens a clip link: starts at its start, shows the banner, stops within 0.1 s of its end', async () => {
    history.replaceState(null, '', '#t=1,3.5');
    const el = await mountReady('talk/manifest-transcript.json', { 'deep-link': '' });
    const banner = await waitFor(() => find(el, '[part~="clip-banner"]'), 'the clip banner');
    expect(banner.textContent!.replace(/\s+/g, ' ')).to.contain('Clip 0:01–0:03').and.to.contain('Play full recording');
    await waitFor(() => Math.abs(el.currentTime - 1) < 0.05, 'the seek to the start');
    const panel = await panelOf(el);
    expect(panel.range).to.deep.equal({ start: 1, end: 3.5 });
    const paused = oneEvent(el, 'space-replay-pause', 15_000);
    await el.play();
    await paused;
    expect(Math.abs(el.currentTime - 3.5)).to.be.at.most(0.1);
  });

  it('starts loading the audio at a clip link\'s start, before the clip code runs', async () => {
    history.replaceState(null, '', '#t=13,15');
    performance.setResourceTimingBufferSize(10_000);
    performance.clearResourceTimings();
    const el = mount({ 'no-resume': '', 'deep-link': '' });
    // At ready the lazy clip chunk has not run yet: the start came from the engine's load.
    let atReady = -1;
    const ready = new Promise<void>((resolve) => {
      el.addEventListener('space-replay-ready', () => {
        atReady = el.currentTime;
        resolve();
      }, { once: true });
    });
    el.src = fixtureUrl('talk/manifest-transcript.json');
    await ready;
    expect(atReady).to.equal(13);
    const playing = oneEvent(el.mediaElement, 'playing', 15_000);
    await el.play();
    await playing;
    expect(el.currentTime).to.be.within(13, 15);
    if (el.activeEngine === 'hls.js') {
      // Segments are 4 s: 12–16 s is seg003. Nothing of the opening was fetched.
      const segments = performance.getEntriesByType('resource').map((e) => e.name.match(/\/(seg\d+)\.m4s/)?.[1]).filter(Boolean);
      expect(segments).to.include('seg003');
      expect(segments.filter((s) => s! < 'seg003')).to.deep.equal([]);
    }
    el.pause();
  });

  it('a clip link on a file the browser cannot seek into yet waits for the data', async () => {
    // Progressive audio from a slow server without byte ranges: Firefox can seek only as far as it
    // has downloaded; Chromium never seeks in such a stream.
    history.replaceState(null, '', '#t=12,14');
    const manifest = await manifestObject('talk/manifest-progressive.json');
    manifest.audio = [{ url: new URL('/__slow__/talk/audio.m4a', location.href).href, type: 'audio/mp4' }];
    const el = mount({ 'no-resume': '', 'deep-link': '' });
    const ready = nextEvent(el, 'space-replay-ready', 15_000);
    el.manifest = manifest;
    await ready;
    const banner = await waitFor(() => find(el, '[part~="clip-banner"]'), 'the clip banner');
    expect(banner.textContent).to.contain('0:12–0:14');
    const media = el.mediaElement;
    const reachable = () => Array.from({ length: media.seekable.length }, (_, i) => media.seekable.end(i)).some((end) => end >= 12);
    await waitFor(() => reachable() || (media.buffered.length > 0 && media.buffered.end(0) >= 15), 'the data at 12 s', 15_000);
    if (reachable()) await waitFor(() => Math.abs(el.currentTime - 12) < 0.01 && !media.seeking, 'the seek to 12 s once the data is there', 15_000);
  });

  it('shows the clip banner in French', async () => {
    history.replaceState(null, '', '#t=1,3.5');
    const el = await mountReady('talk/manifest-transcript.json', { 'deep-link': '', lang: 'fr' });
    const banner = await waitFor(() => find(el, '[part~="clip-banner"]'), 'the clip banner');
    expect(banner.textContent!.replace(/\s+/g, ' ')).to.contain('Extrait 0:01–0:03').and.to.contain('Écouter tout l’enregistrement');
  });

  it('opens a clip link over a non-consenting speaker as a plain timestamp with a note', async () => {
    history.replaceState(null, '', '#t=6,8');
    const el = await mountReady('talk/manifest-transcript.json', { 'deep-link': '' });
    const note = await waitFor(() => find(el, '[part~="clip-notice"]'), 'the consent note');
    expect(note.textContent).to.contain('Bo Guest');
    expect(find(el, '[part~="clip-banner"]')).to.equal(null);
    await waitFor(() => Math.abs(el.currentTime - 6) < 0.05, 'the seek to the start');
  });

  it('a plain #t=9 just starts there; a clip link clicked on the page opens too', async () => {
    history.replaceState(null, '', '#t=9');
    const el = await mountReady('talk/manifest-transcript.json', { 'deep-link': '' });
    await waitFor(() => Math.abs(el.currentTime - 9) < 0.05, 'the seek');
    await el.updateComplete;
    expect(find(el, '[part~="clip-banner"], [part~="clip-notice"]')).to.equal(null);

    location.hash = '#t=12,13.5';
    const banner = await waitFor(() => find(el, '[part~="clip-banner"]'), 'the clip banner after hashchange');
    expect(banner.textContent).to.contain('0:12–0:13');
    await waitFor(() => Math.abs(el.currentTime - 12) < 0.05, 'the seek to the clip');
  });

  it('a clip drag on the waveform itself does not seek', async () => {
    const el = await mountReady('talk/manifest-transcript.json');
    await panelOf(el);
    const wave = part(el, '[part~="waveform"]');
    const wrapper = wave.firstElementChild!.shadowRoot!.querySelector('.wrapper')!.getBoundingClientRect();
    const y = Math.round(wrapper.top + wrapper.height / 2);
    const x1 = Math.round(wrapper.left + (11 / el.duration) * wrapper.width);
    const x2 = Math.round(wrapper.left + (13 / el.duration) * wrapper.width);
    const seeks: number[] = [];
    el.addEventListener('space-replay-seeked', () => seeks.push(el.currentTime));
    await sendKeys({ down: 'Shift' });
    await sendMouse({ type: 'move', position: [x1, y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x2, y] });
    await sendMouse({ type: 'up' });
    await sendKeys({ up: 'Shift' });
    const editor = await editorOf(el);
    const ms = (x: number): number => Math.round(((x - wrapper.left) / wrapper.width) * el.duration * 1000) / 1000;
    expect([editor.start, editor.end]).to.deep.equal([ms(x1), ms(x2)]);
    // The waveform's own drag-to-seek fires after 200 ms when paused: give it the chance to (wrongly) seek.
    await oneEvent(el, 'space-replay-seeked', 600).catch(() => null);
    expect(seeks).to.deep.equal([]);
    expect(el.currentTime).to.equal(0);
    // And a plain click still seeks.
    await sendMouse({ type: 'click', position: [x2, y] });
    await waitFor(() => Math.abs(el.currentTime - ms(x2)) < 0.2, 'a click seek on the waveform');
  });

  it('names the recording in links when the page holds several players; starting one pauses the other', async () => {
    const [a, b] = await Promise.all([mountReady('talk/manifest-transcript.json'), mountReady('other/manifest.json')]);
    const panel = await panelOf(a);
    const t = panel.transcript!;
    selectWords(panel, 'replay', 'recording.');
    const editor = await editorOf(a);
    expect(editor.clipUrl.split('#')[1]).to.equal(`t=${t.wordStart[t.words().indexOf('replay')]},${t.wordEnd[t.words().indexOf('recording.')]}&id=fixture-transcript`);

    await a.play();
    await waitFor(() => a.playing, 'the first player playing');
    const paused = oneEvent(a, 'space-replay-pause');
    await b.play();
    await paused;
    expect(a.paused).to.equal(true);
    expect(b.paused).to.equal(false);
    b.pause();
  });

  it('lists host highlights and plays one to its end', async () => {
    const el = await mountReady('talk/manifest-transcript.json');
    const manifest = el.manifest!;
    const clip = manifest.clips![0]!;
    const item = await waitFor(() => find(el, '[part~="highlight"]'), 'the highlight');
    expect(item.textContent).to.contain(clip.title!);
    const paused = oneEvent(el, 'space-replay-pause', 15_000);
    item.querySelector<HTMLButtonElement>('button')!.click();
    await paused;
    expect(Math.abs(el.currentTime - clip.endTime)).to.be.at.most(0.1);
  });
});
