/**
 * One fMP4 media segment as ffmpeg's HLS muxer writes it (`styp`, `sidx`, `moof`, `mdat`): which
 * packets it holds, and a copy with some packets replaced. Only sizes change: `trun` sample sizes,
 * the `mdat` size and the `sidx` referenced size; `moof` keeps its size, so the data offset holds.
 * Boxes: ISO/IEC 14496-12, sections 8.8 (movie fragments) and 8.16.3 (sidx).
 */
import { childBoxes, findBox, type Box } from './mp4-boxes.js';

/** A parsed fragment. */
export interface Fragment {
  buffer: Buffer;
  /** Index of its first packet in the whole track (`tfdt` / samples per packet). */
  firstPacket: number;
  sizes: number[];
  /** Offset in `buffer` of the first packet's bytes. */
  dataStart: number;
  /** Offset in `buffer` of each `trun` size field. */
  sizeFields: number[];
  mdat: Box;
  sidx?: Box;
}

/** Reads a fragment; throws with a short reason when it is not one this module can patch. */
export function readFragment(buffer: Buffer, frameSamples: number): Fragment {
  const boxes = childBoxes(buffer);
  const moof = boxes.find((b) => b.type === 'moof');
  const mdat = boxes.find((b) => b.type === 'mdat');
  const sidx = boxes.find((b) => b.type === 'sidx');
  if (!moof || !mdat) throw new Error('no moof or mdat box');
  if (boxes.filter((b) => b.type === 'moof').length !== 1) throw new Error('more than one moof');
  const traf = findBox(buffer, ['traf'], moof);
  const tfhd = traf && findBox(buffer, ['tfhd'], traf);
  const tfdt = traf && findBox(buffer, ['tfdt'], traf);
  const trun = traf && findBox(buffer, ['trun'], traf);
  if (!tfhd || !tfdt || !trun) throw new Error('no tfhd, tfdt or trun');
  const body = (b: Box) => b.offset + b.headerSize;

  const tfhdFlags = buffer.readUInt32BE(body(tfhd)) & 0xffffff;
  let at = body(tfhd) + 8;
  let base = moof.offset;
  if (tfhdFlags & 0x1) {
    base = Number(buffer.readBigUInt64BE(at));
    at += 8;
  }
  if (tfhdFlags & 0x2) at += 4;
  const defaultDuration = tfhdFlags & 0x8 ? buffer.readUInt32BE(at) : frameSamples;

  const decodeTime = buffer[body(tfdt)] === 1 ? Number(buffer.readBigUInt64BE(body(tfdt) + 4)) : buffer.readUInt32BE(body(tfdt) + 4);
  if (decodeTime % frameSamples !== 0) throw new Error(`decode time ${decodeTime} is not a whole number of packets`);

  const flags = buffer.readUInt32BE(body(trun)) & 0xffffff;
  const count = buffer.readUInt32BE(body(trun) + 4);
  if (!(flags & 0x200)) throw new Error('trun has no per-sample sizes');
  // Per-sample durations (ffmpeg writes them for the last, shorter packet) change nothing here.
  if (!(flags & 0x100) && defaultDuration !== frameSamples) throw new Error(`packets of ${defaultDuration} samples, expected ${frameSamples}`);
  let field = body(trun) + 8;
  let dataOffset = 0;
  if (flags & 0x1) {
    dataOffset = buffer.readInt32BE(field);
    field += 4;
  }
  if (flags & 0x4) field += 4;
  const stride = 4 * [0x100, 0x200, 0x400, 0x800].filter((f) => flags & f).length;
  const sizes: number[] = [];
  const sizeFields: number[] = [];
  // Per sample: duration, size, flags, composition offset, each when its flag is set.
  const sizeAt = flags & 0x100 ? 4 : 0;
  for (let i = 0; i < count; i++) {
    sizeFields.push(field + sizeAt);
    sizes.push(buffer.readUInt32BE(field + sizeAt));
    field += stride;
  }
  const dataStart = base + dataOffset;
  if (dataStart < body(mdat) || dataStart + sizes.reduce((a, b) => a + b, 0) > mdat.offset + mdat.size) throw new Error('the packets are not inside mdat');
  return { buffer, firstPacket: decodeTime / frameSamples, sizes, dataStart, sizeFields, mdat, ...(sidx ? { sidx } : {}) };
}

/** The bytes of packet `i` (0-based within the fragment). */
export function fragmentPacket(fragment: Fragment, i: number): Buffer {
  let offset = fragment.dataStart;
  for (let k = 0; k < i; k++) offset += fragment.sizes[k]!;
  return fragment.buffer.subarray(offset, offset + fragment.sizes[i]!);
}

/** A copy of the fragment with packets replaced (index within the fragment → new bytes). */
export function patchFragment(fragment: Fragment, replacements: ReadonlyMap<number, Buffer>): Buffer {
  const { buffer, sizes, dataStart, mdat } = fragment;
  const head = Buffer.from(buffer.subarray(0, dataStart));
  const parts: Buffer[] = [head];
  let delta = 0;
  let offset = dataStart;
  sizes.forEach((size, i) => {
    const replacement = replacements.get(i);
    if (replacement) {
      head.writeUInt32BE(replacement.length, fragment.sizeFields[i]!);
      parts.push(replacement);
      delta += replacement.length - size;
    } else {
      parts.push(buffer.subarray(offset, offset + size));
    }
    offset += size;
  });
  parts.push(buffer.subarray(offset));
  if (mdat.headerSize === 16) head.writeBigUInt64BE(BigInt(mdat.size + delta), mdat.offset + 8);
  else head.writeUInt32BE(mdat.size + delta, mdat.offset);
  const { sidx } = fragment;
  if (sidx) {
    // ffmpeg writes one reference spanning moof and mdat; its 31-bit size grows with them.
    const at = sidx.offset + sidx.headerSize;
    const version = head[at];
    const refCountAt = at + 4 + 4 + 4 + (version === 1 ? 16 : 8) + 2;
    if (head.readUInt16BE(refCountAt) !== 1) throw new Error('sidx with more than one reference');
    const word = head.readUInt32BE(refCountAt + 2);
    head.writeUInt32BE(((word & 0x80000000) | ((word & 0x7fffffff) + delta)) >>> 0, refCountAt + 2);
  }
  return Buffer.concat(parts);
}
