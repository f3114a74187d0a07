/**
 * Writes a WAV file the way a live recorder does: a header whose sizes say "unknown" (0xFFFFFFFF,
 * as streaming writers put them), then the samples in chunks at `speed` × real time, then the real
 * sizes written into the header once the recording ends. Used by the live tests and `npm run
 * demo:live` to simulate a room in progress.
 */
import { open } from 'node:fs/promises';

/** Options of {@link writeGrowingWav}. */
export interface GrowingWavOptions {
  /** How much faster than real time the samples arrive (1 = real time). */
  speed: number;
  /** Seconds of audio per write. */
  chunkSeconds?: number;
  /** Stops early (the header is still finished). */
  signal?: AbortSignal;
  /** Called after each chunk with the seconds written so far. */
  onChunk?: (seconds: number) => void;
  /**
   * Awaited before each chunk with the seconds written so far: a test holds the recorder there
   * until the packer has caught up, instead of racing it on a busy machine.
   */
  gate?: (seconds: number) => Promise<void>;
}

/** 16-bit mono `samples` at `sampleRate` into `path`, growing; resolves once the header is final. */
export async function writeGrowingWav(path: string, samples: Int16Array, sampleRate: number, options: GrowingWavOptions): Promise<void> {
  const file = await open(path, 'w');
  try {
    const header = Buffer.alloc(44);
    header.write('RIFF', 0, 'ascii');
    header.writeUInt32LE(0xffffffff, 4);
    header.write('WAVEfmt ', 8, 'ascii');
    header.writeUInt32LE(16, 16);
    header.writeUInt16LE(1, 20);
    header.writeUInt16LE(1, 22);
    header.writeUInt32LE(sampleRate, 24);
    header.writeUInt32LE(sampleRate * 2, 28);
    header.writeUInt16LE(2, 32);
    header.writeUInt16LE(16, 34);
    header.write('data', 36, 'ascii');
    header.writeUInt32LE(0xffffffff, 40);
    await file.write(header, 0, 44, 0);
    const chunk = Math.max(1, Math.round((options.chunkSeconds ?? 0.1) * sampleRate));
    let started = Date.now();
    let paced = 0;
    let written = 0;
    while (written < samples.length && !options.signal?.aborted) {
      if (options.gate) {
        const before = Date.now();
        await options.gate(written / sampleRate);
        // Time spent held at the gate is not time the recorder is behind.
        if (Date.now() - before > 5) {
          started = Date.now();
          paced = written;
        }
      }
      const piece = samples.subarray(written, Math.min(samples.length, written + chunk));
      await file.write(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength), 0, piece.byteLength, 44 + written * 2);
      written += piece.length;
      options.onChunk?.(written / sampleRate);
      // Paced by the clock, not by a fixed delay per chunk, so slow writes do not add up.
      const due = started + ((written - paced) / sampleRate / options.speed) * 1000;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((done) => setTimeout(done, wait));
    }
    const bytes = written * 2;
    const sizes = Buffer.alloc(4);
    sizes.writeUInt32LE(36 + bytes, 0);
    await file.write(sizes, 0, 4, 4);
    sizes.writeUInt32LE(bytes, 0);
    await file.write(sizes, 0, 4, 40);
  } finally {
    await file.close();
  }
}
