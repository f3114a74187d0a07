/**
 * The audio half of `redact`: silences time ranges in a packed folder's `audio.m4a` and HLS
 * segments by replacing only the AAC packets the ranges touch (see aac-patch.ts). The progressive
 * file is one file, so it is written whole (streamed); of the HLS segments only those holding a
 * replaced packet are written. Both get the very same new packets, as pack gave both the same ones.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Manifest } from '../manifest/index.js';
import { parseMediaPlaylist, segmentsCovering } from '../model/hls-playlist.js';
import { encodeRun, packetRuns, type AacTrack, type PacketRun } from './aac-patch.js';
import { probeAudio, type FfmpegTools } from './ffmpeg.js';
import { fragmentPacket, patchFragment, readFragment } from './fmp4-fragment.js';
import { readM4aLayout, readPackets, writePatchedM4a } from './m4a-packets.js';
import { isInFolder, localFileOf } from './manifest-source.js';
import { fail, ok, type Outcome } from './outcome.js';
import type { TimeRange } from './silence-filter.js';

const HLS_TYPE = 'application/vnd.apple.mpegurl';

/** What the audio patch did. */
export interface AudioPatch {
  /** AAC packets replaced, and the runs they came in. */
  packets: number;
  runs: PacketRun[];
  /** Files written anew (relative to the folder), with their sizes. */
  files: { path: string; bytes: number }[];
  /** HLS segments in the playlist, for the report. */
  segmentCount: number;
  /** The stretches whose decoded audio changed, seconds (for the waveform). */
  changed: TimeRange[];
  /** The patched progressive file, in the staging folder. */
  progressive: string;
}

/** Where the folder's audio is, as manifest URLs relative to it. */
function localAudio(manifest: Manifest): Outcome<{ progressive: string; playlist?: string }> {
  let progressive: string | undefined;
  let playlist: string | undefined;
  for (const [i, source] of manifest.audio.entries()) {
    if (!isInFolder(source.url)) {
      return fail(`audio[${i}] ${source.url}: not a file in the folder, so it cannot be silenced here (redact the copy it comes from)`);
    }
    if (source.type === 'audio/mp4' && progressive === undefined) progressive = source.url;
    else if (source.type === HLS_TYPE && playlist === undefined) playlist = source.url;
    else return fail(`audio[${i}] ${source.url}: ${source.type} is not what pack writes (AAC in MP4, HLS of fMP4); it cannot be silenced packet by packet`);
  }
  if (progressive === undefined) return fail('the manifest lists no audio/mp4 file (audio.m4a), which redact cuts the new packets from');
  return ok({ progressive, ...(playlist !== undefined ? { playlist } : {}) });
}

/**
 * Silences `ranges` (seconds) in the audio of `folder`, writing the changed files into `staging`
 * (a linked copy of the folder: each changed file's link is removed and the file written anew).
 */
export async function patchAudio(
  tools: FfmpegTools,
  folder: string,
  staging: string,
  manifest: Manifest,
  ranges: readonly TimeRange[],
  bitrate: string,
  signal?: AbortSignal,
): Promise<Outcome<AudioPatch>> {
  const audio = localAudio(manifest);
  if (!audio.ok) return audio;
  const source = localFileOf(folder, audio.value.progressive);
  const layout = await readM4aLayout(source, audio.value.progressive);
  if (!layout.ok) return layout;
  const probe = await probeAudio(tools, source, audio.value.progressive);
  if (!probe.ok) return probe;
  const { timescale, frameSamples, priming, sizes } = layout.value;
  if (frameSamples !== 1024) return fail(`${audio.value.progressive}: packets of ${frameSamples} samples; AAC-LC as pack writes it has 1024`);
  const track: AacTrack = { sampleRate: timescale, channels: probe.value.channels, frameSamples, priming, packetCount: sizes.length };

  const runs = packetRuns(track, ranges);
  const replacements = new Map<number, Buffer>();
  for (const run of runs) {
    const encoded = await encodeRun(tools, source, track, run, bitrate, signal);
    if (!encoded.ok) return encoded;
    encoded.value.forEach((packet, i) => replacements.set(run.first + i, packet));
  }
  const files: { path: string; bytes: number }[] = [];
  const progressive = localFileOf(staging, audio.value.progressive);
  await rm(progressive, { force: true });
  files.push({ path: audio.value.progressive, bytes: await writePatchedM4a(source, layout.value, replacements, progressive) });
  if (signal?.aborted) return fail(`${folder}: interrupted`);

  let segmentCount = 0;
  if (audio.value.playlist !== undefined) {
    const playlistPath = localFileOf(folder, audio.value.playlist);
    let text: string;
    try {
      text = await readFile(playlistPath, 'utf8');
    } catch (error) {
      return fail(`${audio.value.playlist}: cannot read (${(error as Error).message})`);
    }
    const parsed = parseMediaPlaylist(text);
    if (!parsed.ok) return fail(`${audio.value.playlist}: ${parsed.error}`);
    const { segments } = parsed.playlist;
    segmentCount = segments.length;
    const done = new Set<number>();
    const seconds = frameSamples / timescale;
    const originals = new Map<number, Buffer>();
    for (const run of runs) (await readPackets(source, layout.value, run.first, run.last)).forEach((packet, i) => originals.set(run.first + i, packet));
    for (const run of runs) {
      // The playlist's times are only a guide (a second of slack); each fragment's decode time says which packets it holds.
      const covering = segmentsCovering(parsed.playlist, run.first * seconds - 1, (run.last + 1) * seconds + 1);
      if (!covering) continue;
      for (let s = covering.first; s <= covering.last; s++) {
        if (done.has(s)) continue;
        const relative = join(dirname(audio.value.playlist), segments[s]!.uri).replace(/\\/g, '/');
        const path = localFileOf(folder, relative);
        let fragment;
        try {
          fragment = readFragment(await readFile(path), frameSamples);
        } catch (error) {
          return fail(`${relative}: cannot patch this HLS segment (${(error as Error).message})`);
        }
        const patch = new Map<number, Buffer>();
        for (let i = 0; i < fragment.sizes.length; i++) {
          const index = fragment.firstPacket + i;
          const replacement = replacements.get(index);
          if (!replacement) continue;
          // The segments must hold the progressive file's very packets, or splicing would mix two encodings.
          if (!fragmentPacket(fragment, i).equals(originals.get(index)!)) {
            return fail(`${relative}: packet ${index} differs from ${audio.value.progressive}'s; the HLS segments are not a copy of it, so they cannot be patched`);
          }
          patch.set(i, replacement);
        }
        if (patch.size === 0) continue;
        done.add(s);
        const bytes = patchFragment(fragment, patch);
        const target = localFileOf(staging, relative);
        await rm(target, { force: true });
        await writeFile(target, bytes, { mode: 0o644 });
        files.push({ path: relative, bytes: bytes.length });
      }
    }
  }
  const changed = runs.map((run) => ({
    start: Math.max(0, (run.first * frameSamples - priming) / timescale),
    end: ((run.last + 2) * frameSamples - priming) / timescale,
  }));
  return ok({ packets: replacements.size, runs, files, segmentCount, changed, progressive });
}
