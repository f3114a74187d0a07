/**
 * New AAC packets for a stretch of packed audio with some ranges silenced: which packets a silenced
 * range touches, and their replacements, encoded by ffmpeg from the packed audio itself so they
 * line up packet for packet with the ones they replace. Everything else stays bit for bit.
 *
 * An AAC-LC packet k is an MDCT over 2 × 1024 samples: with the encoder's delay removed by the edit
 * list (`priming` samples), it spans the presented samples [k·1024 − priming, k·1024 − priming + 2048).
 * Every packet whose span meets a silenced range is re-encoded, plus {@link MARGIN_PACKETS} on each
 * side, so the seams between old and new packets sit in audio that did not change.
 */
import type { Readable } from 'node:stream';
import { runFfmpeg, type FfmpegTools } from './ffmpeg.js';
import { fail, ok, type Outcome } from './outcome.js';
import type { TimeRange } from './silence-filter.js';

/** Unchanged packets re-encoded on each side of a silenced stretch. */
export const MARGIN_PACKETS = 2;
/** Packets encoded before the first kept one, so the encoder has settled. */
const LEAD_PACKETS = 6;

/** What the patch needs to know about the packed audio. */
export interface AacTrack {
  sampleRate: number;
  channels: number;
  /** Samples per packet (1024). */
  frameSamples: number;
  /** Samples the edit list skips (the encoder delay). */
  priming: number;
  packetCount: number;
}

/** A run of packets to replace, `[first, last]`, and the silenced ranges (in samples) inside it. */
export interface PacketRun {
  first: number;
  last: number;
  silence: { start: number; end: number }[];
}

/** The runs of packets that silencing `ranges` (seconds) touches, margins included; overlapping runs are merged. */
export function packetRuns(track: AacTrack, ranges: readonly TimeRange[]): PacketRun[] {
  const { frameSamples: f, priming: p, sampleRate } = track;
  const runs: PacketRun[] = [];
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    const start = Math.round(range.start * sampleRate);
    const end = Math.round(range.end * sampleRate);
    if (!(end > start)) continue;
    // Packets whose span [k·f − p, k·f − p + 2f) meets [start, end).
    const first = Math.max(0, Math.floor((start + p - 2 * f) / f) + 1 - MARGIN_PACKETS);
    const last = Math.min(track.packetCount - 1, Math.ceil((end + p) / f) - 1 + MARGIN_PACKETS);
    const previous = runs.at(-1);
    if (previous && first <= previous.last + 1) {
      previous.last = Math.max(previous.last, last);
      previous.silence.push({ start, end });
    } else {
      runs.push({ first, last, silence: [{ start, end }] });
    }
  }
  return runs;
}

/**
 * Encodes the replacements of one run from `source` (the packed progressive file): decodes the
 * stretch, zeroes the silenced samples, encodes AAC-LC as ADTS and keeps the raw packets that
 * line up with `[run.first, run.last]`.
 */
export async function encodeRun(
  tools: FfmpegTools,
  source: string,
  track: AacTrack,
  run: PacketRun,
  bitrate: string,
  signal?: AbortSignal,
): Promise<Outcome<Buffer[]>> {
  const { frameSamples: f, priming: p, sampleRate: rate } = track;
  // The new encoder's packet j spans [s0 + (j−1)·f, s0 + (j+1)·f); j = LEAD_PACKETS lines up with run.first.
  const s0 = (run.first - LEAD_PACKETS + 1) * f - p;
  const end = (run.last + 2) * f - p + f;
  const from = Math.max(0, s0);
  const silenced = run.silence
    .map(({ start, end: stop }) => `(lt(t,${((start - s0 - 0.5) / rate).toFixed(9)})+gte(t,${((stop - s0 - 0.5) / rate).toFixed(9)}))`)
    .join('*');
  const filters = [
    // Exact samples: -copyts keeps the packed timestamps; a quarter sample early absorbs rounding to microseconds.
    `atrim=start=${((from - 0.25) / rate).toFixed(9)}:end=${((end - 0.25) / rate).toFixed(9)}`,
    'asetpts=PTS-STARTPTS',
    ...(s0 < 0 ? [`adelay=delays=${-s0}S:all=1`] : []),
    `aeval=exprs='${Array.from({ length: track.channels }, (_, c) => `val(${c})*${silenced}`).join('|')}'`,
  ];
  const packets: Buffer[] = [];
  const run1 = await runFfmpeg(
    tools,
    [
      '-copyts',
      '-ss', String(Math.max(0, from / rate - 1)),
      '-i', source,
      '-af', filters.join(','),
      '-c:a', 'aac', '-aac_coder', 'fast', '-b:a', bitrate, '-ar', String(rate), '-ac', String(track.channels),
      '-f', 'adts', 'pipe:1',
    ],
    `${source} (re-encoding ${(Math.max(0, s0) / rate).toFixed(2)}–${(end / rate).toFixed(2)} s)`,
    { ...(signal ? { signal } : {}), consumeStdout: (stdout) => collectAdts(stdout, packets) },
  );
  if (!run1.ok) return run1;
  const wanted = run.last - run.first + 1;
  if (packets.length < LEAD_PACKETS + wanted) return fail(`${source}: ffmpeg gave ${packets.length} packets, ${LEAD_PACKETS + wanted} needed`);
  return ok(packets.slice(LEAD_PACKETS, LEAD_PACKETS + wanted));
}

/** Splits an ADTS stream (ISO/IEC 13818-7 headers) into raw AAC packets, the form MP4 stores. */
async function collectAdts(stream: Readable, out: Buffer[]): Promise<void> {
  let pending: Buffer = Buffer.alloc(0);
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    pending = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
    let at = 0;
    while (pending.length - at >= 7) {
      if (pending[at] !== 0xff || (pending[at + 1]! & 0xf6) !== 0xf0) throw new Error(`not ADTS at byte ${at}`);
      const protectionAbsent = pending[at + 1]! & 0x01;
      const length = ((pending[at + 3]! & 0x03) << 11) | (pending[at + 4]! << 3) | (pending[at + 5]! >> 5);
      if (pending.length - at < length) break;
      const header = protectionAbsent ? 7 : 9;
      out.push(Buffer.from(pending.subarray(at + header, at + length)));
      at += length;
    }
    pending = pending.subarray(at);
  }
}
