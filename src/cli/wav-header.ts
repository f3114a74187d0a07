/**
 * The duration a WAV file's header declares. ffprobe estimates a WAV's duration from the file's
 * size, so a truncated WAV reads as short as it is; only the header still says how long the
 * recording was. RIFF layout (Microsoft/IBM Multimedia Programming Interface 1.0): `RIFF` size
 * `WAVE`, then chunks of a 4-byte id, a 32-bit little-endian size and the data padded to an even
 * length; `fmt ` carries the byte rate at offset 8, `data` the samples. RF64/BW64 (EBU Tech 3306)
 * put 64-bit sizes in a `ds64` chunk and 0xFFFFFFFF in the 32-bit fields.
 */
import { open } from 'node:fs/promises';

/** Chunks walked before giving up (real files have a handful before `data`). */
const MAX_CHUNKS = 64;
const UNKNOWN_SIZE = 0xffffffff;

/**
 * Seconds of audio the header of the WAV at `path` declares (data size ÷ byte rate), or
 * `undefined` when it is not a WAV or does not say (a streamed WAV writes 0 or 0xFFFFFFFF).
 */
export async function wavDeclaredDuration(path: string): Promise<number | undefined> {
  let file;
  try {
    file = await open(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const read = async (position: number, length: number): Promise<Buffer | undefined> => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await file.read(buffer, 0, length, position);
      return bytesRead === length ? buffer : undefined;
    };
    const riff = await read(0, 12);
    if (!riff || riff.toString('latin1', 8, 12) !== 'WAVE') return undefined;
    const kind = riff.toString('latin1', 0, 4);
    if (kind !== 'RIFF' && kind !== 'RF64' && kind !== 'BW64') return undefined;
    let byteRate: number | undefined;
    let ds64DataSize: number | undefined;
    let position = 12;
    for (let i = 0; i < MAX_CHUNKS; i++) {
      const header = await read(position, 8);
      if (!header) return undefined;
      const id = header.toString('latin1', 0, 4);
      const size = header.readUInt32LE(4);
      if (id === 'ds64') {
        const body = await read(position + 8, 16);
        if (body) ds64DataSize = Number(body.readBigUInt64LE(8));
      } else if (id === 'fmt ') {
        const body = await read(position + 8, 12);
        if (body) byteRate = body.readUInt32LE(8);
      } else if (id === 'data') {
        const dataSize = size === UNKNOWN_SIZE && kind !== 'RIFF' ? ds64DataSize : size;
        if (!byteRate || !dataSize || dataSize === UNKNOWN_SIZE) return undefined;
        return dataSize / byteRate;
      }
      position += 8 + size + (size % 2);
    }
    return undefined;
  } finally {
    await file.close();
  }
}
