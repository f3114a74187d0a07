import { expect } from '@esm-bundle/chai';
import '../../src/elements/space-replay-provider/define.js';
import '../../src/elements/space-replay-reactions/define.js';
import '../../src/elements/space-replay-room/define.js';
import '../../src/elements/space-replay-timeline/define.js';
import type { SpaceReplayProvider } from '../../src/elements/space-replay-provider/space-replay-provider.js';
import { SpaceReplayReactions } from '../../src/elements/space-replay-reactions/space-replay-reactions.js';
import { SpaceReplayRoom } from '../../src/elements/space-replay-room/space-replay-room.js';
import type { SpaceReplay } from '../../src/elements/space-replay/space-replay.js';
import { manifestObject, mount, unmountAll } from '../helpers/player.js';
import { faultKey, faultUrl, requestsFor } from '../helpers/faults.js';
import { oneEvent, waitFor } from '../helpers/wait.js';

// The talk fixture (18.285 s: ada 0.4–5.2, bo 5.6–9.9, cy 10.3–13.8, ada 14.2–17.9), with a fourth
// participant who did not consent to recording, and the room's events as a room platform logs them.
async function roomManifest(extraReactions = 0): Promise<Record<string, any>> {
  const manifest = await manifestObject('talk/manifest.json');
  manifest.version = '1.1';
  manifest.participants.push({ id: 'zed', name: 'Zed Secret', role: 'speaker', consent: { record: false, clip: false } });
  const events: Record<string, unknown>[] = [
    { time: 0, type: 'join', participant: 'ada' },
    { time: 0, type: 'join', participant: 'bo' },
    { time: 0.1, type: 'join', participant: 'zed' },
    { time: 0.2, type: 'stage', participant: 'ada', on: true },
    { time: 0.3, type: 'join' },
    { time: 0.4, type: 'join' },
    { time: 2, type: 'pin', participant: 'ada', url: 'https://example.org/agenda', title: 'Agenda <b>&amp;</b> notes' },
    { time: 5, type: 'stage', participant: 'bo', on: true },
    { time: 5, type: 'stage', participant: 'zed', on: true },
    { time: 6, type: 'hand', participant: 'cy', raised: true },
    { time: 8, type: 'pin', participant: 'zed', url: 'https://example.org/secret' },
    { time: 9, type: 'mute', participant: 'bo' },
    { time: 12, type: 'leave' },
  ];
  for (let i = 0; i < 10; i++) events.push({ time: 7 + i * 0.05, type: 'reaction', emoji: i % 3 ? '🔥' : '👏' });
  for (let i = 0; i < extraReactions; i++) events.push({ time: (i / extraReactions) * 18, type: 'reaction', emoji: '💯' });
  events.sort((a, b) => (a.time as number) - (b.time as number));
  manifest.events = { data: events };
  return manifest;
}

async function player(manifest: Record<string, any>): Promise<SpaceReplay> {
  const el = mount({ 'no-resume': '' });
  const ready = oneEvent(el, 'space-replay-ready', 15_000);
  el.manifest = manifest as never;
  await ready;
  return el;
}

function roomOf(el: Element): ShadowRoot {
  const room = el.shadowRoot!.querySelector('space-replay-room');
  if (!room?.shadowRoot) throw new Error('no room part');
  return room.shadowRoot;
}

async function seekTo(el: SpaceReplay, time: number): Promise<void> {
  el.currentTime = time;
  await waitFor(() => Math.abs(el.currentTime - time) < 0.05, `seek to ${time}`);
  const room = el.shadowRoot!.querySelector<SpaceReplayRoom>('space-replay-room')!;
  // The clock reads the new time on its next frame; the room renders after it.
  await waitFor(async () => (await room.updateComplete) && el.shadowRoot && true);
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await room.updateComplete;
}

/** Animation frames until `done()`. */
function countFrames(done: () => boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    let frames = 0;
    const timer = setTimeout(() => reject(new Error('playback did not advance')), 10_000);
    const step = (): void => {
      frames++;
      if (done()) {
        clearTimeout(timer);
        resolve(frames);
      } else requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}

const texts = (root: ParentNode, selector: string): string[] => [...root.querySelectorAll(selector)].map((n) => n.textContent!.replace(/\s+/g, ' ').trim());

afterEach(unmountAll);

describe('the room: events on stage, pins, listeners, reactions', () => {
  it('shows who is on stage, how many are in the room and the pins so far, never naming who did not consent', async () => {
    const el = await player(await roomManifest());
    await waitFor(() => el.shadowRoot!.querySelector('space-replay-room')?.shadowRoot?.querySelector('[part~="stage"]'), 'the room part');
    await seekTo(el, 1);
    let room = roomOf(el);
    expect(texts(room, '[part~="stage"] li')).to.deep.equal(['Ada Host · speaking']);
    expect(room.querySelector('[part~="listeners"]')!.textContent).to.match(/^\s*5 in the room \(most: 5 at 0:00\)/);
    expect(room.querySelector('[part~="pins"]')).to.not.equal(null);
    expect(room.querySelectorAll('[part~="pin"]').length).to.equal(0);
    expect(texts(room, '[part~="pins"] li')).to.deep.equal(['Nothing pinned yet']);

    await seekTo(el, 9.5);
    room = roomOf(el);
    // Zed is on stage but did not consent: "a participant", and nowhere by name.
    expect(texts(room, '[part~="stage"] li')).to.deep.equal(['Ada Host', 'Bo Guest · speaking · muted', 'a participant']);
    expect(room.querySelector('.hands')!.textContent).to.equal('1 hand raised');
    expect(el.shadowRoot!.querySelector('space-replay-room')!.shadowRoot!.innerHTML).to.not.contain('Zed');
    // The pins so far, the latest first and current; the list is named "Pinned".
    const list = room.querySelector('ul[aria-labelledby="pins"]')!;
    expect(room.getElementById('pins')!.textContent).to.equal('Pinned');
    const pins = [...list.querySelectorAll('li')];
    expect(pins.map((p) => p.getAttribute('aria-current'))).to.deep.equal(['true', 'false']);
    const links = [...list.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.org/secret', 'https://example.org/agenda']);
    // Text as text: the title's markup is not markup.
    expect(links[1]!.textContent).to.equal('Agenda <b>&amp;</b> notes');
    expect(links[1]!.children.length).to.equal(0);
    expect(pins[1]!.textContent).to.contain('pinned by Ada Host');
    expect(pins[0]!.textContent).to.not.contain('pinned by');

    await seekTo(el, 13);
    expect(roomOf(el).querySelector('[part~="listeners"]')!.textContent).to.match(/^\s*4 in the room/);
    // A pin's time seeks.
    roomOf(el).querySelector<HTMLButtonElement>('[part~="pin"] button.at[aria-label="Play from 0:02"]')!.click();
    await waitFor(() => Math.abs(el.currentTime - 2) < 0.05, 'seek to the pin');
  });

  it('draws reactions as one canvas with a text summary, and a press on it seeks', async () => {
    const el = await player(await roomManifest());
    const part = await waitFor(() => el.shadowRoot!.querySelector('space-replay-reactions')?.shadowRoot?.querySelector<HTMLElement>('[part~="reactions"]'), 'the strip');
    expect(part.getAttribute('role')).to.equal('img');
    expect(part.getAttribute('aria-label')).to.equal('Reactions: 10 reactions, most around 0:07: 🔥 6, 👏 4');
    const canvas = part.querySelector('canvas')!;
    await waitFor(() => canvas.width > 0, 'the strip drawn');
    // Heat where the reactions are (7–7.5 s), none at 15 s.
    const g = canvas.getContext('2d')!;
    const alphaAt = (t: number): number => g.getImageData(Math.floor((t / 18.285) * canvas.width), Math.floor(canvas.height / 2), 1, 1).data[3]!;
    expect(alphaAt(7.2)).to.be.greaterThan(100);
    expect(alphaAt(15)).to.equal(0);
    const box = part.getBoundingClientRect();
    part.dispatchEvent(new MouseEvent('click', { clientX: box.left + box.width / 2, clientY: box.top + 2, bubbles: true, composed: true }));
    await waitFor(() => Math.abs(el.currentTime - 18.285 / 2) < 0.2, 'seek to the middle');
  });

  it('100,000 events (99,987 reactions) cost nothing per frame: neither part renders while playing between changes', async () => {
    const manifest = await roomManifest(99_977);
    const el = await player(manifest);
    const part = await waitFor(() => el.shadowRoot!.querySelector('space-replay-reactions')?.shadowRoot?.querySelector<HTMLElement>('[part~="reactions"]'), 'the strip');
    expect(part.getAttribute('aria-label')).to.match(/^Reactions: 99,987 reactions/);
    await seekTo(el, 14.2);
    const renders = { reactions: 0, room: 0 };
    const strip = SpaceReplayReactions.prototype as unknown as { render(): unknown };
    const panel = SpaceReplayRoom.prototype as unknown as { render(): unknown };
    const stripRender = strip.render;
    const panelRender = panel.render;
    strip.render = function (this: unknown) {
      renders.reactions++;
      return stripRender.call(this);
    };
    panel.render = function (this: unknown) {
      renders.room++;
      return panelRender.call(this);
    };
    try {
      const canvas = part.querySelector('canvas')!;
      await el.play();
      // Once playing (starting changes the player's state, which every part renders once)...
      await waitFor(() => el.currentTime > 14.4, 'playback', 10_000);
      const g = canvas.getContext('2d')!;
      canvas.width = canvas.width; // clears it: a redraw would paint it again
      const before = { ...renders };
      const frames = await countFrames(() => el.currentTime > 15.4);
      el.pause();
      // ...a second of frames (no room change between 14.4 and 15.4 s) renders neither part per
      // frame. A change of the player's own state in that second renders each part once (on a busy
      // machine playback can wait for data, and buffering goes on and off: two renders); one render
      // a frame would be more than ten.
      expect(frames).to.be.greaterThan(10);
      expect(renders.reactions - before.reactions, `reactions strip renders in ${frames} frames`).to.be.at.most(4);
      expect(renders.room - before.room, `room panel renders in ${frames} frames`).to.be.at.most(4);
      expect(g.getImageData(0, 0, canvas.width, canvas.height).data.some((v) => v !== 0)).to.equal(false);
    } finally {
      strip.render = stripRender;
      panel.render = panelRender;
    }
  });

  it('loads an events file only when a part shows the events', async () => {
    // The events file through the test server's request log (test/server/faults.js), which counts
    // what the browser asked for (a page's resource timing buffer can be full after many tests).
    const key = faultKey('events');
    const eventsUrl = faultUrl(key, 'talk/events.jsonl');
    const manifest = await manifestObject('talk/manifest.json');
    manifest.version = '1.1';
    manifest.events = { url: eventsUrl };
    const box = document.createElement('div');
    box.innerHTML = '<space-replay-provider no-resume><space-replay-timeline></space-replay-timeline></space-replay-provider>';
    document.body.append(box);
    try {
      const provider = box.querySelector<SpaceReplayProvider>('space-replay-provider')!;
      const timeline = box.querySelector('space-replay-timeline')!;
      const ready = oneEvent(provider, 'space-replay-ready', 15_000);
      provider.manifest = manifest as never;
      await ready;
      // The timeline drew the recording: whatever it would load for it has been asked for by now.
      await waitFor(() => timeline.shadowRoot?.querySelector('[part~="waveform"]'), 'the timeline drawn');
      expect(await requestsFor(key)).to.deep.equal([]);
      // A room part added later asks for them; relative pin URLs resolve against the events file.
      provider.append(document.createElement('space-replay-room'));
      const room = await waitFor(() => box.querySelector('space-replay-room')?.shadowRoot?.querySelector('[part~="stage"]'), 'the room part');
      expect((await requestsFor(key)).map((r) => r.file)).to.deep.equal(['talk/events.jsonl']);
      provider.currentTime = 3;
      await waitFor(() => box.querySelector('space-replay-room')!.shadowRoot!.querySelector('a'), 'the pin');
      expect(box.querySelector('space-replay-room')!.shadowRoot!.querySelector('a')!.href).to.equal(new URL('notes.html', eventsUrl).href);
      expect(room).to.not.equal(null);
    } finally {
      box.remove();
    }
  });
});
