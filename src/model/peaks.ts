/**
 * Waveform peaks in the BBC audiowaveform formats (JSON and binary `.dat`, versions 1 and 2):
 * decoding with validation, a wavesurfer.js view, an overview downsampler and a streaming builder.
 * Pure: no DOM, runs in Node and browsers. See docs/peaks.md.
 */

/** Decoded peaks: min/max pairs per pixel, scaled by bit depth to [-1, 1]. */
export interface Peaks {
  /** audiowaveform format version the data came from. */
  version: 1 | 2;
  /** Number of audio channels (always 1 for version 1). */
  channels: number;
  /** Sample rate of the source audio, Hz. */
  sampleRate: number;
  /** Audio samples summarised by one pixel (one min/max pair per channel). */
  samplesPerPixel: number;
  /** Resolution of the stored values. */
  bits: 8 | 16;
  /** Number of pixels. */
  length: number;
  /** min/max pairs per pixel, channels interleaved as in audiowaveform, scaled by bit depth to [-1, 1] */
  data: Float32Array;
  /** length * samplesPerPixel / sampleRate, seconds */
  duration: number;
}

/** Outcome of decoding: the peaks, or an error saying which field is wrong and why. */
export type PeaksResult = { ok: true; peaks: Peaks } | { ok: false; error: string };

/** The audiowaveform JSON object (`audiowaveform -o out.json`), as written by {@link createPeaksBuilder}. */
export interface AudiowaveformJson {
  /** Format version; absent in files from old audiowaveform releases (read as 1). */
  version?: 1 | 2;
  /** Channel count (version 2 only; read as 1 when absent). */
  channels?: number;
  /** Sample rate of the source audio, Hz. */
  sample_rate: number;
  /** Audio samples per pixel. */
  samples_per_pixel: number;
  /** Resolution of `data`. */
  bits: 8 | 16;
  /** Number of pixels. */
  length: number;
  /** Integer min/max pairs per pixel and channel: `length * 2 * channels` values. */
  data: number[];
}

/** Most channels a file may declare; audiowaveform itself caps at 24. */
export const MAX_PEAKS_CHANNELS = 24;

const V1_HEADER_BYTES = 20;
const V2_HEADER_BYTES = 24;

/** Divisor that maps a stored value to [-1, 1]: the full scale of the bit depth, never the loudest sample. */
function fullScale(bits: 8 | 16): number {
  return bits === 8 ? 128 : 32768;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Checks an integer header field; returns an error message or undefined. */
function checkInteger(field: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): string | undefined {
  if (value === undefined) return `${field} is missing`;
  if (typeof value !== 'number' || Number.isNaN(value)) return `${field} must be a number (got ${describe(value)})`;
  if (!Number.isInteger(value)) return `${field} must be an integer (got ${value})`;
  if (value < min) return min === 1 ? `${field} must be > 0 (got ${value})` : `${field} must be >= ${min} (got ${value})`;
  if (value > max) return `${field} must be <= ${max} (got ${value})`;
  return undefined;
}

function checkChannels(version: 1 | 2, channels: number): string | undefined {
  if (channels < 1 || channels > MAX_PEAKS_CHANNELS) {
    return `channels must be between 1 and ${MAX_PEAKS_CHANNELS} (got ${channels})`;
  }
  if (version === 1 && channels !== 1) return `channels must be 1 in a version 1 file (got ${channels})`;
  return undefined;
}

function makePeaks(
  version: 1 | 2,
  channels: number,
  sampleRate: number,
  samplesPerPixel: number,
  bits: 8 | 16,
  length: number,
  data: Float32Array,
): Peaks {
  return { version, channels, sampleRate, samplesPerPixel, bits, length, data, duration: (length * samplesPerPixel) / sampleRate };
}

/**
 * Decodes an audiowaveform JSON object (or its text). Values are checked for range and count and
 * scaled by bit depth to [-1, 1]. Never throws.
 */
export function decodeAudiowaveformJson(input: unknown): PeaksResult {
  let json = input;
  if (typeof json === 'string') {
    try {
      json = JSON.parse(json);
    } catch (e) {
      return { ok: false, error: `peaks JSON does not parse: ${(e as Error).message}` };
    }
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, error: `peaks must be a JSON object (got ${describe(json)})` };
  }
  const o = json as Record<string, unknown>;

  const version = o.version ?? 1;
  if (version !== 1 && version !== 2) return { ok: false, error: `version must be 1 or 2 (got ${describe(version)})` };

  const sampleRateError = checkInteger('sample_rate', o.sample_rate, 1);
  if (sampleRateError) return { ok: false, error: sampleRateError };
  const sppError = checkInteger('samples_per_pixel', o.samples_per_pixel, 1);
  if (sppError) return { ok: false, error: sppError };
  if (o.bits !== 8 && o.bits !== 16) return { ok: false, error: `bits must be 8 or 16 (got ${describe(o.bits)})` };
  const bits = o.bits;
  const lengthError = checkInteger('length', o.length, 0);
  if (lengthError) return { ok: false, error: lengthError };
  const channels = o.channels ?? 1;
  const channelsError = checkInteger('channels', channels, 0);
  if (channelsError) return { ok: false, error: channelsError };
  const channelRangeError = checkChannels(version, channels as number);
  if (channelRangeError) return { ok: false, error: channelRangeError };

  const length = o.length as number;
  const channelCount = channels as number;
  if (!Array.isArray(o.data)) return { ok: false, error: `data must be an array (got ${describe(o.data)})` };
  const values = o.data as unknown[];
  const expected = length * 2 * channelCount;
  if (values.length !== expected) {
    return {
      ok: false,
      error: `data has ${values.length} values; length ${length} × 2 × ${plural(channelCount, 'channel')} needs ${expected}`,
    };
  }

  const scale = fullScale(bits);
  const data = new Float32Array(expected);
  for (let i = 0; i < expected; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      return { ok: false, error: `data[${i}] must be an integer (got ${describe(v)})` };
    }
    if (v < -scale || v >= scale) {
      return { ok: false, error: `data[${i}] is ${v}; ${bits}-bit values must be between ${-scale} and ${scale - 1}` };
    }
    data[i] = v / scale;
  }
  return { ok: true, peaks: makePeaks(version, channelCount, o.sample_rate as number, o.samples_per_pixel as number, bits, length, data) };
}

function isArrayBuffer(value: unknown): value is ArrayBuffer {
  // instanceof fails across realms (iframes, Node's vm), so check the tag too.
  return value instanceof ArrayBuffer || Object.prototype.toString.call(value) === '[object ArrayBuffer]';
}

function toBytes(buffer: ArrayBuffer | ArrayBufferView): Uint8Array {
  return ArrayBuffer.isView(buffer)
    ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
    : new Uint8Array(buffer);
}

/**
 * Decodes a binary audiowaveform `.dat` file (little-endian, version 1 or 2). Checks header fields
 * and that the byte count matches `length`. Never throws.
 */
export function decodeAudiowaveformDat(buffer: ArrayBuffer | ArrayBufferView): PeaksResult {
  if (!ArrayBuffer.isView(buffer) && !isArrayBuffer(buffer)) {
    return { ok: false, error: `peaks .dat must be an ArrayBuffer or a typed array (got ${describe(buffer)})` };
  }
  const bytes = toBytes(buffer);
  const size = bytes.byteLength;
  const view = new DataView(bytes.buffer, bytes.byteOffset, size);
  if (size < 4) return { ok: false, error: `file is ${plural(size, 'byte')}; a header needs at least ${V1_HEADER_BYTES}` };

  const version = view.getInt32(0, true);
  if (version !== 1 && version !== 2) return { ok: false, error: `version must be 1 or 2 (got ${version})` };
  const headerBytes = version === 1 ? V1_HEADER_BYTES : V2_HEADER_BYTES;
  if (size < headerBytes) {
    return { ok: false, error: `file is ${plural(size, 'byte')}; a version ${version} header needs ${headerBytes}` };
  }

  // Flags bit 0 set means 8-bit; the other bits are unused by the format.
  const bits: 8 | 16 = (view.getUint32(4, true) & 1) === 1 ? 8 : 16;
  const sampleRate = view.getInt32(8, true);
  if (sampleRate <= 0) return { ok: false, error: `sample_rate must be > 0 (got ${sampleRate})` };
  const samplesPerPixel = view.getInt32(12, true);
  if (samplesPerPixel <= 0) return { ok: false, error: `samples_per_pixel must be > 0 (got ${samplesPerPixel})` };
  const length = view.getUint32(16, true);
  const channels = version === 2 ? view.getInt32(20, true) : 1;
  const channelsError = checkChannels(version, channels);
  if (channelsError) return { ok: false, error: channelsError };

  const bytesPerValue = bits / 8;
  const count = length * 2 * channels;
  const dataBytes = count * bytesPerValue;
  const what = `a version ${version} header needs ${headerBytes} and ${plural(length, 'pixel')}` +
    `${channels > 1 ? ` × ${channels} channels` : ''} need ${dataBytes} more`;
  if (size < headerBytes + dataBytes) return { ok: false, error: `file is ${plural(size, 'byte')}; ${what}` };
  if (size > headerBytes + dataBytes) {
    return { ok: false, error: `file is ${plural(size, 'byte')}; ${what} (${size - headerBytes - dataBytes} bytes left over)` };
  }

  const scale = fullScale(bits);
  const data = new Float32Array(count);
  if (bits === 8) {
    for (let i = 0; i < count; i++) data[i] = view.getInt8(headerBytes + i) / scale;
  } else {
    for (let i = 0; i < count; i++) data[i] = view.getInt16(headerBytes + 2 * i, true) / scale;
  }
  return { ok: true, peaks: makePeaks(version, channels, sampleRate, samplesPerPixel, bits, length, data) };
}

/**
 * Decodes peaks in either format: binary buffers starting with `{` (after whitespace) and strings
 * are read as JSON, other buffers as `.dat`, plain objects as parsed JSON. Never throws.
 */
export function decodePeaks(input: ArrayBuffer | ArrayBufferView | string | unknown): PeaksResult {
  if (ArrayBuffer.isView(input) || isArrayBuffer(input)) {
    const bytes = toBytes(input);
    let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; // UTF-8 BOM
    while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
    // A .dat starts with the int32 version 1 or 2, so a leading "{" can only be JSON text.
    if (bytes[i] === 0x7b) {
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i));
      } catch {
        return { ok: false, error: 'peaks JSON is not valid UTF-8' };
      }
      return decodeAudiowaveformJson(text);
    }
    return decodeAudiowaveformDat(input);
  }
  return decodeAudiowaveformJson(input);
}

function checkChannelIndex(peaks: Peaks, channel: number): void {
  if (!Number.isInteger(channel) || channel < 0 || channel >= peaks.channels) {
    throw new RangeError(`channel must be an integer from 0 to ${peaks.channels - 1} (got ${channel})`);
  }
}

/**
 * One channel in the shape wavesurfer.js 8 wants for `peaks: [channelPeaks(p)]`: one value per
 * pixel, the larger of |min| and |max|. Its renderer takes `Math.abs` of every value and keeps the
 * largest per drawn column, mirrored about the centre, so interleaved min/max would draw the same
 * picture at twice the size. Throws a RangeError for a channel the peaks don't have.
 */
export function channelPeaks(peaks: Peaks, channel = 0): Float32Array {
  checkChannelIndex(peaks, channel);
  const { data, length, channels } = peaks;
  const out = new Float32Array(length);
  const stride = 2 * channels;
  for (let p = 0, i = 2 * channel; p < length; p++, i += stride) {
    const min = -data[i]!;
    const max = data[i + 1]!;
    out[p] = min > max ? min : max;
  }
  return out;
}

/**
 * Reduces one channel to `bins` min/max pairs (interleaved, `2 * bins` values) for an overview:
 * each bin keeps the min of its pixels' mins and the max of their maxes. O(length + bins). When
 * there are more bins than pixels, a bin repeats the pixel it falls on. Throws a RangeError for a
 * channel the peaks don't have.
 */
export function downsamplePeaks(peaks: Peaks, bins: number, channel = 0): Float32Array {
  checkChannelIndex(peaks, channel);
  return downsamplePairs(peaks.data, peaks.length, 2 * peaks.channels, 2 * channel, bins, 1);
}

/**
 * One channel's min/max pairs at the file's own resolution, unscaled: a quarter (8-bit) or half
 * (16-bit) of the memory the same pairs take in `Peaks.data`. For keeping a long recording's
 * peaks around to redraw an overview at another size (see {@link downsampleCompact}).
 */
export interface CompactChannel {
  /** Resolution of the stored values. */
  readonly bits: 8 | 16;
  /** Number of pixels. */
  readonly length: number;
  /** min/max pairs per pixel as stored in the file: `2 * length` integers. */
  readonly pairs: Int8Array | Int16Array;
}

/** One channel of `peaks` as a {@link CompactChannel}. Throws a RangeError for a channel the peaks don't have. */
export function compactChannel(peaks: Peaks, channel = 0): CompactChannel {
  checkChannelIndex(peaks, channel);
  const { data, length, channels, bits } = peaks;
  const pairs = bits === 8 ? new Int8Array(2 * length) : new Int16Array(2 * length);
  const scale = fullScale(bits);
  const stride = 2 * channels;
  // data holds integer / fullScale, which a Float32 represents exactly: rounding restores the integer
  for (let p = 0, i = 2 * channel; p < length; p++, i += stride) {
    pairs[2 * p] = Math.round(data[i]! * scale);
    pairs[2 * p + 1] = Math.round(data[i + 1]! * scale);
  }
  return { bits, length, pairs };
}

/** {@link downsamplePeaks} for a {@link CompactChannel}: the same pairs, scaled to [-1, 1]. */
export function downsampleCompact(compact: CompactChannel, bins: number): Float32Array {
  return downsamplePairs(compact.pairs, compact.length, 2, 0, bins, 1 / fullScale(compact.bits));
}

/** Min/max of `bins` runs of pixels; pixel p's pair is at `offset + p * stride`; values times `scale`. */
function downsamplePairs(data: ArrayLike<number>, length: number, stride: number, offset: number, bins: number, scale: number): Float32Array {
  const count = Number.isFinite(bins) && bins > 0 ? Math.floor(bins) : 0;
  const out = new Float32Array(2 * count);
  if (length === 0) return out;
  for (let b = 0; b < count; b++) {
    const from = Math.floor((b * length) / count);
    const to = Math.max(from + 1, Math.floor(((b + 1) * length) / count));
    let min = Infinity;
    let max = -Infinity;
    for (let p = from, i = from * stride + offset; p < to; p++, i += stride) {
      if (data[i]! < min) min = data[i]!;
      if (data[i + 1]! > max) max = data[i + 1]!;
    }
    out[2 * b] = min * scale;
    out[2 * b + 1] = max * scale;
  }
  return out;
}

/** Options of {@link createPeaksBuilder}. */
export interface PeaksBuilderOptions {
  /** Sample rate of the PCM that will be pushed, Hz (a positive integer). */
  sampleRate: number;
  /** Samples summarised by one pixel (a positive integer). */
  samplesPerPixel: number;
  /** Resolution of the output values (default 8, like audiowaveform's `-b 8`). */
  bits?: 8 | 16;
}

/** Streaming peaks computation over mono float PCM; holds O(pixels) memory, not the audio. */
export interface PeaksBuilder {
  /** Adds the next samples (floats in [-1, 1]; louder values are clipped, NaN counts as silence). */
  push(chunk: Float32Array): void;
  /** Closes the last, possibly partial pixel and returns the audiowaveform JSON (version 2, mono). */
  finish(): AudiowaveformJson;
}

/**
 * Creates a {@link PeaksBuilder} for PCM decoded chunk by chunk (e.g. from ffmpeg). Throws a
 * RangeError on invalid options, and an Error when `push` is called after `finish`.
 */
export function createPeaksBuilder(options: PeaksBuilderOptions): PeaksBuilder {
  const { sampleRate, samplesPerPixel } = options;
  const bits = options.bits ?? 8;
  const optionError =
    checkInteger('sampleRate', sampleRate, 1) ??
    checkInteger('samplesPerPixel', samplesPerPixel, 1) ??
    (bits !== 8 && bits !== 16 ? `bits must be 8 or 16 (got ${describe(bits)})` : undefined);
  if (optionError) throw new RangeError(optionError);

  const scale = fullScale(bits);
  const quantize = (x: number): number => {
    const q = Math.round(x * scale);
    return q < -scale ? -scale : q > scale - 1 ? scale - 1 : q;
  };
  // Quantized min/max pairs, grown by doubling: 4 bytes a pixel whatever the audio length.
  let pairs = new Int16Array(2048);
  let length = 0;
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  let finished = false;

  const flush = (): void => {
    if (2 * length + 2 > pairs.length) {
      const grown = new Int16Array(pairs.length * 2);
      grown.set(pairs);
      pairs = grown;
    }
    pairs[2 * length] = quantize(min);
    pairs[2 * length + 1] = quantize(max);
    length++;
    count = 0;
    min = Infinity;
    max = -Infinity;
  };

  return {
    push(chunk: Float32Array): void {
      if (finished) throw new Error('push() after finish(): create a new builder');
      for (let i = 0; i < chunk.length; i++) {
        const x = chunk[i]! || 0; // NaN and -0 become 0
        if (x < min) min = x;
        if (x > max) max = x;
        if (++count === samplesPerPixel) flush();
      }
    },
    finish(): AudiowaveformJson {
      if (!finished) {
        if (count > 0) flush();
        finished = true;
      }
      return {
        version: 2,
        channels: 1,
        sample_rate: sampleRate,
        samples_per_pixel: samplesPerPixel,
        bits,
        length,
        data: Array.from(pairs.subarray(0, 2 * length)),
      };
    },
  };
}

/**
 * Computes audiowaveform JSON (version 2, mono) from a whole buffer of float PCM; see
 * {@link createPeaksBuilder} for audio too long to hold in memory.
 */
export function peaksFromSamples(samples: Float32Array, sampleRate: number, samplesPerPixel: number, bits: 8 | 16 = 8): AudiowaveformJson {
  const builder = createPeaksBuilder({ sampleRate, samplesPerPixel, bits });
  builder.push(samples);
  return builder.finish();
}
