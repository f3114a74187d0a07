/**
 * Reading ISO BMFF (MP4) box headers, in a buffer or a file, without reading media data: enough to
 * find a progressive file's sample tables and an fMP4 fragment's `moof`, `sidx` and `mdat`.
 * Box layout: ISO/IEC 14496-12, section 4.2.
 */
import type { FileHandle } from 'node:fs/promises';

/** A box: its type and where it is (offset of its header, header size, whole size). */
export interface Box {
  type: string;
  offset: number;
  headerSize: number;
  size: number;
}

/** The boxes directly inside `buffer[start, end)`; throws on a size that runs past `end`. */
export function childBoxes(buffer: Buffer, start = 0, end = buffer.length): Box[] {
  const boxes: Box[] = [];
  let offset = start;
  while (offset + 8 <= end) {
    let size = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    let headerSize = 8;
    if (size === 1) {
      size = Number(buffer.readBigUInt64BE(offset + 8));
      headerSize = 16;
    } else if (size === 0) {
      size = end - offset;
    }
    if (size < headerSize || offset + size > end) throw new Error(`box "${type}" at byte ${offset} runs past its parent`);
    boxes.push({ type, offset, headerSize, size });
    offset += size;
  }
  return boxes;
}

/** The first box of `type` directly inside `parent` (or the buffer), following a path like `['moov', 'trak']`. */
export function findBox(buffer: Buffer, path: readonly string[], parent?: Box): Box | undefined {
  let start = parent ? parent.offset + parent.headerSize : 0;
  let end = parent ? parent.offset + parent.size : buffer.length;
  let found: Box | undefined;
  for (const type of path) {
    found = childBoxes(buffer, start, end).find((box) => box.type === type);
    if (!found) return undefined;
    start = found.offset + found.headerSize;
    end = found.offset + found.size;
  }
  return found;
}

/** The top-level boxes of a file, read header by header (media data is not read). */
export async function topLevelBoxes(file: FileHandle, fileSize: number): Promise<Box[]> {
  const boxes: Box[] = [];
  const header = Buffer.alloc(16);
  let offset = 0;
  while (offset + 8 <= fileSize) {
    await file.read(header, 0, 16, offset);
    let size = header.readUInt32BE(0);
    const type = header.toString('latin1', 4, 8);
    let headerSize = 8;
    if (size === 1) {
      size = Number(header.readBigUInt64BE(8));
      headerSize = 16;
    } else if (size === 0) {
      size = fileSize - offset;
    }
    if (size < headerSize || offset + size > fileSize) throw new Error(`box "${type}" at byte ${offset} runs past the end of the file`);
    boxes.push({ type, offset, headerSize, size });
    offset += size;
  }
  return boxes;
}
