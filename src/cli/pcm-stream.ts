/** Turning a byte stream of little-endian float32 PCM (ffmpeg `-f f32le`) into Float32Array chunks. */
import type { Readable } from 'node:stream';

/**
 * Reads `stream` to its end and hands each chunk of samples to `onSamples`, in order. Pipe chunks
 * can split a sample or sit at an odd offset, so a partial sample is carried to the next chunk and
 * unaligned chunks are copied; only one chunk is held at a time.
 */
export async function forEachPcmChunk(stream: Readable, onSamples: (samples: Float32Array) => void): Promise<void> {
  let carry = Buffer.alloc(0);
  for await (const piece of stream as AsyncIterable<Buffer>) {
    const bytes = carry.length > 0 ? Buffer.concat([carry, piece]) : piece;
    const usable = bytes.length - (bytes.length % 4);
    carry = Buffer.from(bytes.subarray(usable));
    if (usable === 0) continue;
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes.subarray(0, usable));
    onSamples(new Float32Array(aligned.buffer, aligned.byteOffset, usable / 4));
  }
}
