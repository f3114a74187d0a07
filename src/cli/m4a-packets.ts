/**
 * The AAC packets of a progressive MP4 (`audio.m4a`, one audio track) and a copy of the file with
 * some packets replaced: the sample tables (`stsz`, `stco`/`co64`) are patched in place (same table
 * sizes, so `moov` keeps its size) and the media data is streamed through, 1 MiB at a time, with
 * the new packets spliced in. Tables: ISO/IEC 14496-12, sections 8.6–8.7.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { childBoxes, findBox, topLevelBoxes, type Box } from './mp4-boxes.js';
import { fail, ok, type Outcome } from './outcome.js';

/** Where a progressive file's packets are, and how to patch its tables. */
export interface M4aLayout {
  fileSize: number;
  boxes: Box[];
  moovBox: Box;
  moov: Buffer;
  mdat: Box;
  /** Samples per second (the media timescale). */
  timescale: number;
  /** Samples the edit list skips at the start (the encoder's priming; 0 without an edit list). */
  priming: number;
  /** Samples per packet (1024 for AAC-LC). */
  frameSamples: number;
  sizes: Uint32Array;
  /** File offset of each packet. */
  offsets: Float64Array;
  /** Where the `stsz` entries start in `moov`. */
  stszEntries: number;
  /** Where the chunk offsets start in `moov`, and whether they are 64-bit (`co64`). */
  chunkEntries: number;
  chunkOffsets: number[];
  wideChunkOffsets: boolean;
}

/** Reads the sample tables of `path` (only `moov` is read, never the media data). */
export async function readM4aLayout(path: string, label = path): Promise<Outcome<M4aLayout>> {
  let file: FileHandle | undefined;
  try {
    file = await open(path, 'r');
    const fileSize = (await file.stat()).size;
    const boxes = await topLevelBoxes(file, fileSize);
    const moovBox = boxes.find((b) => b.type === 'moov');
    const mdat = boxes.find((b) => b.type === 'mdat');
    if (!moovBox || !mdat) return fail(`${label}: not a progressive MP4 (no moov or mdat box)`);
    const moov = Buffer.alloc(moovBox.size);
    await file.read(moov, 0, moovBox.size, moovBox.offset);
    const traks = childBoxes(moov, moovBox.headerSize).filter((b) => b.type === 'trak');
    if (traks.length !== 1) return fail(`${label}: expected one audio track, found ${traks.length} tracks`);
    const trak = traks[0]!;
    const stbl = findBox(moov, ['mdia', 'minf', 'stbl'], trak);
    const mdhd = findBox(moov, ['mdia', 'mdhd'], trak);
    if (!stbl || !mdhd) return fail(`${label}: the track has no sample table`);
    const timescale = moov.readUInt32BE(mdhd.offset + mdhd.headerSize + (moov[mdhd.offset + mdhd.headerSize] === 1 ? 20 : 12));
    const box = (type: string) => findBox(moov, [type], stbl);
    const stsz = box('stsz');
    const stsc = box('stsc');
    const stts = box('stts');
    const stco = box('stco') ?? box('co64');
    if (!stsz || !stsc || !stco || !stts) return fail(`${label}: the sample table lacks stsz, stsc, stts or stco`);
    const body = (b: Box) => b.offset + b.headerSize;
    if (moov.readUInt32BE(body(stsz) + 4) !== 0) return fail(`${label}: packets of one fixed size are not AAC as pack writes it`);
    const count = moov.readUInt32BE(body(stsz) + 8);
    const stszEntries = body(stsz) + 12;
    const sizes = new Uint32Array(count);
    for (let i = 0; i < count; i++) sizes[i] = moov.readUInt32BE(stszEntries + 4 * i);
    const frameSamples = moov.readUInt32BE(body(stts) + 12);

    const wide = stco.type === 'co64';
    const chunkCount = moov.readUInt32BE(body(stco) + 4);
    const chunkEntries = body(stco) + 8;
    const chunkOffsets: number[] = [];
    for (let c = 0; c < chunkCount; c++) {
      chunkOffsets.push(wide ? Number(moov.readBigUInt64BE(chunkEntries + 8 * c)) : moov.readUInt32BE(chunkEntries + 4 * c));
    }
    const runs = moov.readUInt32BE(body(stsc) + 4);
    const offsets = new Float64Array(count);
    let sample = 0;
    for (let r = 0; r < runs; r++) {
      const at = body(stsc) + 8 + 12 * r;
      const firstChunk = moov.readUInt32BE(at) - 1;
      const perChunk = moov.readUInt32BE(at + 4);
      const nextFirst = r + 1 < runs ? moov.readUInt32BE(at + 12) - 1 : chunkCount;
      for (let c = firstChunk; c < nextFirst; c++) {
        let offset = chunkOffsets[c]!;
        for (let s = 0; s < perChunk && sample < count; s++, sample++) {
          offsets[sample] = offset;
          offset += sizes[sample]!;
        }
      }
    }
    if (sample !== count) return fail(`${label}: the sample table places ${sample} of ${count} packets`);

    let priming = 0;
    const elst = findBox(moov, ['edts', 'elst'], trak);
    if (elst) {
      const version = moov[body(elst)];
      const entries = moov.readUInt32BE(body(elst) + 4);
      for (let e = 0; e < entries; e++) {
        const at = body(elst) + 8 + e * (version === 1 ? 20 : 12);
        const mediaTime = version === 1 ? Number(moov.readBigInt64BE(at + 8)) : moov.readInt32BE(at + 4);
        if (mediaTime >= 0) {
          priming = mediaTime;
          break;
        }
      }
    }
    return ok({ fileSize, boxes, moovBox, moov, mdat, timescale, priming, frameSamples, sizes, offsets, stszEntries, chunkEntries, chunkOffsets, wideChunkOffsets: wide });
  } catch (error) {
    return fail(`${label}: cannot read the MP4 structure (${(error as Error).message})`);
  } finally {
    await file?.close();
  }
}

/** Reads packets `[first, last]` of the file. */
export async function readPackets(path: string, layout: M4aLayout, first: number, last: number): Promise<Buffer[]> {
  const file = await open(path, 'r');
  try {
    const packets: Buffer[] = [];
    for (let i = first; i <= last; i++) {
      const packet = Buffer.alloc(layout.sizes[i]!);
      await file.read(packet, 0, packet.length, layout.offsets[i]!);
      packets.push(packet);
    }
    return packets;
  } finally {
    await file.close();
  }
}

const COPY_CHUNK = 1 << 20;

/**
 * Writes a copy of `source` to `target` with the packets in `replacements` (packet index → new
 * bytes) swapped in. Returns the bytes written.
 */
export async function writePatchedM4a(source: string, layout: M4aLayout, replacements: ReadonlyMap<number, Buffer>, target: string): Promise<number> {
  const replaced = [...replacements.keys()].sort((a, b) => a - b);
  // Each replacement shifts everything stored after it by its change in size.
  const shiftStarts = replaced.map((i) => layout.offsets[i]!);
  const shiftSums: number[] = [];
  let sum = 0;
  for (const i of replaced) {
    sum += replacements.get(i)!.length - layout.sizes[i]!;
    shiftSums.push(sum);
  }
  const shiftAt = (offset: number): number => {
    let lo = 0;
    let hi = shiftStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (shiftStarts[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : shiftSums[lo - 1]!;
  };

  const moov = Buffer.from(layout.moov);
  for (const i of replaced) moov.writeUInt32BE(replacements.get(i)!.length, layout.stszEntries + 4 * i);
  layout.chunkOffsets.forEach((offset, c) => {
    const moved = offset + shiftAt(offset);
    if (layout.wideChunkOffsets) moov.writeBigUInt64BE(BigInt(moved), layout.chunkEntries + 8 * c);
    else moov.writeUInt32BE(moved, layout.chunkEntries + 4 * c);
  });
  const mdatSize = layout.mdat.size + sum;
  if (layout.mdat.headerSize === 8 && mdatSize > 0xffffffff) throw new Error('the patched media data would pass 4 GiB');

  const input = await open(source, 'r');
  const output = await open(target, 'w', 0o644);
  let written = 0;
  const write = async (bytes: Buffer) => {
    await output.write(bytes);
    written += bytes.length;
  };
  const copy = async (from: number, to: number) => {
    const buffer = Buffer.alloc(Math.min(COPY_CHUNK, Math.max(0, to - from)));
    for (let at = from; at < to; ) {
      const { bytesRead } = await input.read(buffer, 0, Math.min(buffer.length, to - at), at);
      if (bytesRead === 0) throw new Error(`unexpected end of file at byte ${at}`);
      await write(buffer.subarray(0, bytesRead));
      at += bytesRead;
    }
  };
  try {
    for (const box of layout.boxes) {
      if (box === layout.moovBox) {
        await write(moov);
      } else if (box === layout.mdat) {
        const header = Buffer.alloc(box.headerSize);
        await input.read(header, 0, box.headerSize, box.offset);
        if (box.headerSize === 16) header.writeBigUInt64BE(BigInt(mdatSize), 8);
        else header.writeUInt32BE(mdatSize, 0);
        await write(header);
        let at = box.offset + box.headerSize;
        for (const i of replaced) {
          await copy(at, layout.offsets[i]!);
          await write(replacements.get(i)!);
          at = layout.offsets[i]! + layout.sizes[i]!;
        }
        await copy(at, box.offset + box.size);
      } else {
        await copy(box.offset, box.offset + box.size);
      }
    }
    await copy(layout.boxes.length > 0 ? layout.boxes.at(-1)!.offset + layout.boxes.at(-1)!.size : 0, layout.fileSize);
  } finally {
    await input.close();
    await output.close();
  }
  return written;
}
