/**
 * A recording still in progress (`status: "live"` or `"pending"` with a `refresh` hint, manifest
 * spec 1.1): its manifest is loaded again every `refresh` seconds and each new version replaces the
 * old one in place (longer duration, more speaker segments, events, transcript), while the audio
 * goes on: the HLS EVENT playlist grows by itself. The live peaks grow the waveform
 * (only what the file grew by is fetched). After an error the interval doubles, up to a
 * minute (or `refresh`, if longer), and goes back to `refresh` after a success. It stops once the
 * manifest says `ended`: from then on it is an ordinary recording.
 */

import type { LiveWaveform } from '../player-state/live-waveform.js';
import type { Recording } from '../player-state/recording.js';
import { loadRecording } from './recording-loader.js';

/** The longest wait between two reloads after errors, seconds. */
export const MAX_REFRESH_BACKOFF_SECONDS = 60;

/** Reloads one live recording's manifest; see the module comment. */
export class LiveRefresh {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private abort: AbortController | null = null;
  private recording: Recording | null = null;
  private url = '';
  /** Errors in a row. */
  private failures = 0;
  /** The live peaks read so far; its module (the peaks decoder) is fetched only for a live recording. */
  private wave: LiveWaveform | null = null;

  /** `grown` gets each newer version of the recording. */
  /** `grown` takes each newer version; `requestSeconds` gives the deadline of each reload. */
  constructor(
    private readonly grown: (recording: Recording) => void,
    private readonly requestSeconds: () => number,
  ) {}

  /** Follows `recording`, loaded from `url` (`""`: not from a URL, so nothing to reload). */
  follow(recording: Recording, url: string): void {
    this.stop();
    this.recording = recording;
    this.url = url;
    this.failures = 0;
    this.wave = null;
    // The first load drew no waveform: a live manifest has live peaks instead.
    if (url && recording.manifest.status !== 'ended' && recording.manifest.liveWaveform) void this.reload(recording);
    else this.schedule();
  }

  /** Stops reloading (a new source, or the provider left the page). */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.abort?.abort();
    this.abort = null;
  }

  /** Reloads again after {@link stop}, if the recording is still live. */
  resume(): void {
    if (this.timer === undefined && !this.abort) this.schedule();
  }

  private schedule(): void {
    const manifest = this.recording?.manifest;
    if (!manifest?.refresh || !this.url || manifest.status === 'ended') return;
    const delay = this.failures === 0 ? manifest.refresh : Math.min(manifest.refresh * 2 ** this.failures, Math.max(MAX_REFRESH_BACKOFF_SECONDS, manifest.refresh));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.reload();
    }, delay * 1000);
  }

  /** Loads the manifest again (or takes `loaded`), then the live peaks' growth. */
  private async reload(loaded?: Recording): Promise<void> {
    const abort = (this.abort = new AbortController());
    try {
      const next = loaded ?? (await loadRecording({ src: this.url }, abort.signal, this.requestSeconds()));
      if (!this.wave) {
        const { LiveWaveform } = await import('../player-state/live-waveform.js');
        this.wave ??= new LiveWaveform();
      }
      const recording = await this.wave.apply(next, abort.signal);
      if (abort.signal.aborted) return;
      // The same room, or nothing: a URL that now answers with another recording is an error.
      if (recording.manifest.id !== this.recording?.manifest.id) throw new Error(`${this.url} now describes another recording`);
      this.failures = 0;
      this.recording = recording;
      this.grown(recording);
    } catch (error) {
      if (abort.signal.aborted) return;
      this.failures++;
      console.warn(`space-replay: reloading the live manifest failed (${(error as Error).message}); next try in a while`);
    }
    this.abort = null;
    this.schedule();
  }
}
