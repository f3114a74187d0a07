/**
 * The waveform of a recording still in progress, from its live peaks (`liveWaveform`, spec 1.1;
 * docs/peaks.md, "Live peaks"): the file is only ever appended to, so each reload fetches only what
 * it grew by (`Range: bytes=N-`) and a reader keeps the pixels so far. A recording with a final
 * `waveform`, or none at all, is left as it is.
 */

import { LivePeaksReader } from '../../model/live-peaks.js';
import { channelPeaks, compactChannel, decodePeaks, downsampleCompact } from '../../model/peaks.js';
import type { Recording } from './recording.js';
import { usableUrl } from './safe-url.js';

/** The live peaks of one recording, read as they grow. */
export class LiveWaveform {
  private reader = new LivePeaksReader();
  private url = '';

  /** `recording` with the waveform drawn from its live peaks so far (the same object when there are none). */
  async apply(recording: Recording, signal: AbortSignal): Promise<Recording> {
    const { manifest, baseUrl } = recording;
    const url = manifest.waveform ? undefined : usableUrl(manifest.liveWaveform?.url, baseUrl);
    if (!url) return recording;
    if (url !== this.url) {
      this.reader = new LivePeaksReader();
      this.url = url;
    }
    const reader = this.reader;
    try {
      const consumed = reader.consumed;
      const response = await fetch(url, { signal, cache: 'no-cache', credentials: 'same-origin', ...(consumed > 0 ? { headers: { Range: `bytes=${consumed}-` } } : {}) });
      if (response.ok) {
        const text = await response.text();
        // A server that ignores Range answers 200 with the whole file: lines already read add nothing.
        const pushed = reader.push(response.status === 206 ? text : text.slice(consumed));
        if (!pushed.ok) console.warn(`space-replay: ${url}: ${pushed.error}`);
      }
    } catch (error) {
      if (signal.aborted) throw error;
      // A missing or unreachable file only costs the picture, until the next reload.
    }
    const json = reader.toAudiowaveformJson();
    const decoded = json && json.length > 0 ? decodePeaks(json) : undefined;
    if (!decoded?.ok) return recording;
    const compact = compactChannel(decoded.peaks);
    let cached: { bins: number; pairs: Float32Array } | null = null;
    return {
      ...recording,
      wave: channelPeaks(decoded.peaks),
      overview: (bins) => {
        if (bins < 1) return null;
        if (cached?.bins !== bins) cached = { bins, pairs: downsampleCompact(compact, bins) };
        return cached.pairs;
      },
    };
  }
}
