/**
 * Live peaks: a waveform that grows while a room is recorded, in a file that is only ever appended
 * to (docs/peaks.md, "Live peaks"). JSON Lines, ASCII only: a header line, then lines of new
 * pixels, each saying which pixel it starts at:
 *
 *     {"format":"space-replay-live-peaks","version":1,"sample_rate":8000,"samples_per_pixel":800,"bits":8}
 *     {"offset":0,"data":[-3,4,-12,15]}
 *     {"offset":2,"data":[-9,8]}
 *
 * `data` holds min/max pairs as in audiowaveform JSON. A player polls the file and fetches only
 * what it has not read (`Range: bytes=N-`, N being the characters read so far), so a four-hour
 * waveform is never downloaded twice. The writer and the reader are both here. Pure: no DOM.
 */

import type { AudiowaveformJson } from './peaks.js';

/** The `format` of the header line. */
export const LIVE_PEAKS_FORMAT = 'space-replay-live-peaks';

/** The header line's fields. */
export interface LivePeaksHeader {
  format: typeof LIVE_PEAKS_FORMAT;
  version: 1;
  sample_rate: number;
  samples_per_pixel: number;
  bits: 8 | 16;
}

/** Turns PCM into live-peaks lines as it arrives; pixels are quantized as `createPeaksBuilder` does. */
export class LivePeaksWriter {
  private pairs: number[] = [];
  private written = 0;
  private count = 0;
  private min = Infinity;
  private max = -Infinity;
  private readonly scale: number;

  constructor(readonly header: Omit<LivePeaksHeader, 'format' | 'version'>) {
    this.scale = header.bits === 8 ? 128 : 32768;
  }

  /** The first line of the file (with its newline). */
  headerLine(): string {
    const { sample_rate, samples_per_pixel, bits } = this.header;
    return `${JSON.stringify({ format: LIVE_PEAKS_FORMAT, version: 1, sample_rate, samples_per_pixel, bits })}\n`;
  }

  /** Adds mono float samples. */
  push(chunk: Float32Array): void {
    const { samples_per_pixel } = this.header;
    for (let i = 0; i < chunk.length; i++) {
      const x = chunk[i]! || 0;
      if (x < this.min) this.min = x;
      if (x > this.max) this.max = x;
      if (++this.count === samples_per_pixel) this.flush();
    }
  }

  /** A line holding every pixel completed since the last call (with its newline), or `''` when there is none. */
  takeLine(): string {
    if (this.pairs.length === 0) return '';
    const line = `${JSON.stringify({ offset: this.written, data: this.pairs })}\n`;
    this.written += this.pairs.length / 2;
    this.pairs = [];
    return line;
  }

  /** Closes the last, partial pixel (at the end of the recording); `takeLine` then returns it. */
  finish(): void {
    if (this.count > 0) this.flush();
  }

  private flush(): void {
    this.pairs.push(this.quantize(this.min), this.quantize(this.max));
    this.count = 0;
    this.min = Infinity;
    this.max = -Infinity;
  }

  private quantize(x: number): number {
    const q = Math.round(x * this.scale);
    return q < -this.scale ? -this.scale : q > this.scale - 1 ? this.scale - 1 : q;
  }
}

/** Outcome of {@link LivePeaksReader.push}: how many pixels were added, or what is wrong and on which line. */
export type LivePeaksPush = { ok: true; added: number } | { ok: false; error: string };

/** Reads a live-peaks file, in pieces as it grows; see the module comment. */
export class LivePeaksReader {
  /** The header, once its line was read. */
  header: LivePeaksHeader | undefined;
  /** Characters (= bytes: the file is ASCII) of complete lines read: where the next fetch starts. */
  consumed = 0;
  private pending = '';
  private line = 0;
  private pairs = new Int16Array(4096);
  private pixels = 0;
  private failed: string | undefined;

  /** Number of pixels read. */
  get length(): number {
    return this.pixels;
  }

  /** Seconds of audio the pixels cover (0 before the header). */
  get duration(): number {
    return this.header ? (this.pixels * this.header.samples_per_pixel) / this.header.sample_rate : 0;
  }

  /**
   * Adds text that follows what was read (a whole file the first time, then what it grew by). Lines
   * are read once complete; a line already read (its pixels at or before `length`) adds only what
   * is new, so reading the whole file again is harmless.
   */
  push(text: string): LivePeaksPush {
    if (this.failed) return { ok: false, error: this.failed };
    const before = this.pixels;
    this.pending += text;
    let start = 0;
    for (;;) {
      const newline = this.pending.indexOf('\n', start);
      if (newline < 0) break;
      const error = this.readLine(this.pending.slice(start, newline));
      start = newline + 1;
      if (error) {
        this.failed = `line ${this.line}: ${error}`;
        return { ok: false, error: this.failed };
      }
    }
    this.consumed += start;
    this.pending = this.pending.slice(start);
    return { ok: true, added: this.pixels - before };
  }

  /** The peaks so far as audiowaveform JSON (version 2, mono), for the peaks decoder and a waveform view. */
  toAudiowaveformJson(): AudiowaveformJson | undefined {
    if (!this.header) return undefined;
    const { sample_rate, samples_per_pixel, bits } = this.header;
    return { version: 2, channels: 1, sample_rate, samples_per_pixel, bits, length: this.pixels, data: Array.from(this.pairs.subarray(0, 2 * this.pixels)) };
  }

  /** The min/max pairs read so far (`2 × length` integers, at the header's bit depth). */
  pairsSoFar(): Int16Array {
    return this.pairs.subarray(0, 2 * this.pixels);
  }

  private readLine(text: string): string | undefined {
    this.line++;
    if (text.trim() === '') return undefined;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return 'not JSON';
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected an object';
    const o = value as Record<string, unknown>;
    if (!this.header) {
      if (o.format !== LIVE_PEAKS_FORMAT) return `the first line must be the header, with "format": "${LIVE_PEAKS_FORMAT}"`;
      if (o.version !== 1) return `version must be 1 (got ${JSON.stringify(o.version)})`;
      for (const key of ['sample_rate', 'samples_per_pixel'] as const) {
        const n = o[key];
        if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) return `${key} must be a positive integer`;
      }
      if (o.bits !== 8 && o.bits !== 16) return 'bits must be 8 or 16';
      this.header = o as unknown as LivePeaksHeader;
      return undefined;
    }
    const offset = o.offset;
    const data = o.data;
    if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) return 'offset must be a whole pixel index of 0 or more';
    if (!Array.isArray(data) || data.length % 2 !== 0) return 'data must be an array of min/max pairs';
    if (offset > this.pixels) return `offset ${offset} leaves a gap after pixel ${this.pixels}`;
    const scale = this.header.bits === 8 ? 128 : 32768;
    for (let i = 0; i < data.length; i++) {
      const v = data[i];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < -scale || v >= scale) {
        return `data[${i}] must be an integer from ${-scale} to ${scale - 1}`;
      }
    }
    const skip = 2 * (this.pixels - offset);
    if (skip >= data.length) return undefined;
    const end = 2 * offset + data.length;
    if (end > this.pairs.length) {
      const grown = new Int16Array(Math.max(end, this.pairs.length * 2));
      grown.set(this.pairs.subarray(0, 2 * this.pixels));
      this.pairs = grown;
    }
    for (let i = skip; i < data.length; i++) this.pairs[2 * offset + i] = data[i] as number;
    this.pixels = end / 2;
    return undefined;
  }
}
