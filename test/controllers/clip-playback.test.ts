import { expect } from '@esm-bundle/chai';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ClipPlaybackController, type ActiveClip } from '../../src/controllers/clip-playback.js';
import { liveTimers } from '../../src/controllers/timer-scope.js';
import type { ClipConsentManifest } from '../../src/model/clip-consent.js';
import { fixtureUrl, hasNativeHls, oneEvent, waitFor } from '../helpers/wait.js';

const DURATION = 18.285;
// Real playback of the talk fixture: native HLS where the browser has it (Chromium), else the
// progressive file (Firefox). The test server answers range requests in a way Chromium will not
// seek in, so Chromium gets the HLS playlist, as the player would give it.
const SOURCE = (): string => fixtureUrl(hasNativeHls() ? 'talk/audio/index.m3u8' : 'talk/audio.m4a');
const talk: ClipConsentManifest & { retention?: { expiresAt: string } } = {
  participants: [
    { id: 'ada', name: 'Ada Host', consent: { clip: true } },
    { id: 'bo', name: 'Bo Guest', consent: { clip: false } },
    { id: 'cy', name: 'Cy Cohost', consent: { clip: true } },
  ],
  segments: [
    { speaker: 'ada', startTime: 0.4, endTime: 5.227 },
    { speaker: 'bo', startTime: 5.627, endTime: 9.855 },
    { speaker: 'cy', startTime: 10.255, endTime: 13.799 },
    { speaker: 'ada', startTime: 14.199, endTime: 17.885 },
  ],
};

class Host implements ReactiveControllerHost {
  controllers: ReactiveController[] = [];
  updates = 0;
  addController(c: ReactiveController): void {
    this.controllers.push(c);
  }
  removeController(): void {}
  requestUpdate(): void {
    this.updates++;
  }
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }
}

interface Setup {
  clip: ClipPlaybackController;
  media: HTMLAudioElement;
  host: Host;
  /** Where playback was when the controller paused it. */
  stops: number[];
  ends: ActiveClip[];
}

let current: Setup | undefined;

/**
 * Watches the page's frames until `stop()`, which returns the longest gap between two of them (ms):
 * a busy machine can hold a clip's stop back that long, and no code can stop sooner than its next turn.
 */
function watchFrames(): { stop(): number } {
  let longest = 0;
  let last = performance.now();
  let watching = true;
  const watch = (now: number): void => {
    longest = Math.max(longest, now - last);
    last = now;
    if (watching) requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
  return {
    stop: () => {
      watching = false;
      return longest;
    },
  };
}

/**
 * How far past its end a clip may stop (s): 50 ms, a few frames, on an idle machine, where stopping on
 * `timeupdate` alone would overshoot by up to 250 ms. Only a main thread that was itself held up (a
 * loaded test machine) widens it, by the longest gap between its frames.
 */
const lateness = (longestGapMs: number): number => Math.max(0.05, longestGapMs / 1000 + 0.02);

async function setup(load = true): Promise<Setup> {
  const media = document.createElement('audio');
  media.preload = 'auto';
  const stops: number[] = [];
  const pause = media.pause.bind(media);
  // Record the position at the moment of pausing (the controller then shows the exact end).
  media.pause = () => {
    stops.push(media.currentTime);
    pause();
  };
  const host = new Host();
  const ends: ActiveClip[] = [];
  const clip = new ClipPlaybackController(host, media, { onClipEnd: (c) => ends.push(c) });
  clip.hostConnected();
  current = { clip, media, host, stops, ends };
  if (load) {
    media.src = SOURCE();
    await oneEvent(media, 'loadedmetadata');
  }
  return current;
}

afterEach(() => {
  if (current) {
    current.clip.hostDisconnected();
    current.media.pause();
    current.media.removeAttribute('src');
    current.media.load();
  }
  current = undefined;
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
});

describe('ClipPlaybackController', () => {
  // Chromium defers loading media in a page that has never been shown, and two test files run at
  // a time, each in a tab: wait for ours to come to the front (when the other tab closes).
  // Firefox loads and plays in a background tab (and never brings it to the front).
  before(async function () {
    if (document.visibilityState === 'visible' || !navigator.userAgent.includes('Chrome/')) return;
    this.timeout(600_000);
    await new Promise<void>((resolve) => {
      const check = (): void => {
        if (document.visibilityState !== 'visible') return;
        document.removeEventListener('visibilitychange', check);
        resolve();
      };
      document.addEventListener('visibilitychange', check);
    });
  });

  it('plays a clip from its start and stops within 0.1 s of its end, never past it (real playback)', async () => {
    const { clip, media, stops, ends } = await setup();
    const start = 1.2;
    const end = 2.6;
    const frames = watchFrames();
    const played = await clip.playClip(start, end);
    expect(played).to.equal(true);
    expect(clip.active).to.deep.include({ start, end, source: 'highlight' });
    await waitFor(() => ends.length === 1, 'the clip to end', 10_000);
    const longestGap = frames.stop();
    expect(media.paused).to.equal(true);
    expect(stops).to.have.length(1);
    const stoppedAt = stops[0]!;
    // Within 0.1 s of the end and not past it by more than a frame (a few ms either way on an idle
    // machine): short of the next word, which starts a pause later.
    expect(stoppedAt, `stopped at ${stoppedAt} (longest gap between frames ${longestGap.toFixed(0)} ms)`).to.be.within(end - 0.1, end + lateness(longestGap));
    await waitFor(() => !media.seeking && Math.abs(media.currentTime - end) < 0.001, 'the position shown at the exact end');
    // The range stays active, so the page can keep it highlighted.
    expect(clip.active?.end).to.equal(end);
  });

  it('replays from the start when play is pressed at the end', async () => {
    const { clip, media, ends } = await setup();
    await clip.playClip(3, 3.8);
    await waitFor(() => ends.length === 1, 'the first end');
    await waitFor(() => !media.seeking, 'seek to end');
    // Where each seek lands, so the test does not depend on sampling playback inside a 0.8 s clip.
    const landed: number[] = [];
    media.addEventListener('seeked', () => landed.push(media.currentTime));
    await media.play();
    await waitFor(() => landed.some((t) => t >= 2.95 && t < 3.2), 'the seek back to the clip start');
    await waitFor(() => ends.length === 2, 'the second end');
  });

  it('opens a clip link from a URL: seeks to its start and stops at its end', async () => {
    const { clip, media, stops } = await setup();
    const result = clip.openDeepLink({ url: 'https://example.org/room#t=0.5,1.6', duration: DURATION, manifest: talk });
    expect(result).to.deep.equal({ start: 0.5, end: 1.6, clip: true });
    expect(clip.active).to.deep.equal({ start: 0.5, end: 1.6, source: 'link' });
    await waitFor(() => Math.abs(media.currentTime - 0.5) < 0.01, 'the seek to the start');
    const frames = watchFrames();
    await media.play();
    await waitFor(() => media.paused && stops.length === 1, 'the stop');
    const longestGap = frames.stop();
    expect(stops[0], `longest gap between frames ${longestGap.toFixed(0)} ms`).to.be.within(1.5, 1.6 + lateness(longestGap));
  });

  it('reads the page location, seeks before metadata is known, and follows hash changes', async () => {
    history.replaceState(null, '', `${location.pathname}${location.search}#t=4&id=fixture-talk`);
    const { clip, media } = await setup(false);
    const result = clip.openDeepLink({ id: 'fixture-talk', duration: DURATION, manifest: talk });
    expect(result).to.deep.equal({ start: 4, clip: false, id: 'fixture-talk' });
    expect(clip.active).to.equal(null);
    media.src = SOURCE();
    await waitFor(() => Math.abs(media.currentTime - 4) < 0.01, 'the seek to 4 s once metadata is known');

    location.hash = '#t=12,13&id=fixture-talk';
    await waitFor(() => clip.active !== null, 'the hash change');
    expect(clip.active).to.deep.equal({ start: 12, end: 13, source: 'link', id: 'fixture-talk' });
    await waitFor(() => Math.abs(media.currentTime - 12) < 0.01, 'the seek to 12 s');

    // A link for another recording on the page is not ours.
    location.hash = '#t=2,3&id=other';
    await oneEvent(window, 'hashchange');
    expect(clip.active?.start).to.equal(12);
  });

  it('opens a clip over a non-consenting speaker as a plain timestamp, naming them', async () => {
    const { clip, media, host } = await setup();
    const before = host.updates;
    const result = clip.openDeepLink({ url: 'https://example.org/room#t=6,8', duration: DURATION, manifest: talk });
    expect(result).to.deep.equal({ start: 6, end: 8, clip: false, refused: [{ id: 'bo', name: 'Bo Guest' }] });
    expect(clip.active).to.equal(null);
    expect(clip.notice).to.deep.equal({ kind: 'consent', start: 6, end: 8, participants: [{ id: 'bo', name: 'Bo Guest' }] });
    expect(host.updates).to.be.greaterThan(before);
    await waitFor(() => Math.abs(media.currentTime - 6) < 0.01, 'the seek to 6 s');
    clip.dismissNotice();
    expect(clip.notice).to.equal(null);
  });

  it('a link opened before the file can be seeked there waits for the data, then seeks', async () => {
    // A server without byte ranges, sending slowly: metadata comes first. Firefox makes what it has
    // downloaded seekable and drops a seek past it; Chromium never seeks in such a stream.
    const { clip, media } = await setup(false);
    media.src = new URL('/__slow__/talk/audio.m4a', location.href).href;
    await oneEvent(media, 'loadedmetadata');
    const reachable = () => Array.from({ length: media.seekable.length }, (_, i) => media.seekable.end(i)).some((end) => end >= 12);
    expect(reachable(), 'the link comes before the data').to.equal(false);
    const result = clip.openDeepLink({ url: 'https://example.org/room#t=12,14', duration: DURATION, manifest: talk });
    expect(result?.clip).to.equal(true);
    expect(clip.active).to.deep.include({ start: 12, end: 14 });
    const arrived = await waitFor(() => reachable() || (media.buffered.length > 0 && media.buffered.end(0) >= 15) ? 'data' : null, 'the data at 12 s', 15_000);
    expect(arrived).to.equal('data');
    if (reachable()) {
      await waitFor(() => Math.abs(media.currentTime - 12) < 0.01 && !media.seeking, 'the seek to 12 s once the data is there', 15_000);
    } else {
      // Not seekable at all: the position stays, the clip stays set for the listener.
      expect(media.currentTime).to.equal(0);
    }
    expect(clip.active).to.deep.include({ start: 12, end: 14 });
  });

  it('opens a clip of an expired recording as a plain timestamp', async () => {
    const { clip } = await setup();
    const expired = { ...talk, retention: { expiresAt: '2020-01-01T00:00:00Z' } };
    const result = clip.openDeepLink({ url: 'https://example.org/#t=1,2', manifest: expired });
    expect(result?.clip).to.equal(false);
    expect(clip.active).to.equal(null);
    expect(clip.notice).to.equal(null);
  });

  it('ignores links without a valid time and clamps to the duration', async () => {
    const { clip } = await setup();
    expect(clip.openDeepLink({ url: 'https://example.org/#intro' })).to.equal(undefined);
    expect(clip.openDeepLink({ url: 'https://example.org/#t=abc' })).to.equal(undefined);
    expect(clip.openDeepLink({ url: 'https://example.org/#t=17,40', duration: DURATION })).to.deep.equal({ start: 17, end: DURATION, clip: true });
  });

  it('leaves the clip when the listener seeks away, and "play full recording" plays past the end', async () => {
    const { clip, media, stops } = await setup();
    clip.setClip(2, 3);
    await waitFor(() => Math.abs(media.currentTime - 2) < 0.01 && !media.seeking, 'seek to 2');
    media.currentTime = 2.5; // inside: still the clip
    await oneEvent(media, 'seeked');
    expect(clip.active).to.not.equal(null);
    media.currentTime = 10; // outside: the clip is left
    await oneEvent(media, 'seeking');
    expect(clip.active).to.equal(null);

    clip.setClip(1, 1.5);
    await waitFor(() => !media.seeking && Math.abs(media.currentTime - 1) < 0.01, 'seek to 1');
    await clip.playFullRecording();
    expect(clip.active).to.equal(null);
    await waitFor(() => media.currentTime > 1.8, 'playback past the old end');
    expect(stops).to.have.length(0);
  });

  it('clears a preview once it has played', async () => {
    const { clip, ends } = await setup();
    await clip.playClip(8, 8.5, 'preview');
    await waitFor(() => ends.length === 1, 'the preview to end');
    expect(clip.active).to.equal(null);
  });

  it('refuses empty ranges and leaves no timer behind when removed', async () => {
    const { clip, media } = await setup();
    expect(clip.setClip(5, 5)).to.equal(false);
    expect(clip.setClip(NaN, 5)).to.equal(false);
    await clip.playClip(14, 17);
    await waitFor(() => media.currentTime > 14.2, 'playing');
    await waitFor(() => liveTimers() > 0 || media.currentTime > 16.6, 'the end watch');
    clip.hostDisconnected();
    expect(liveTimers()).to.equal(0);
  });
});
