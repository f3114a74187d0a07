/** Reading and writing the plain 16-bit mono PCM WAV files the fixture and demo scripts make. */

/** A 16-bit mono PCM WAV file around `samples` at `sampleRate` Hz. */
export function wavFile(samples: Int16Array, sampleRate: number): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + samples.byteLength, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(samples.byteLength, 40);
  return Buffer.concat([header, Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength)]);
}

/** A copy of the 16-bit samples in a WAV file's data chunk (walking the RIFF chunks), or undefined when it has none. */
export function wavSamples(wav: Buffer): Int16Array | undefined {
  let offset = 12;
  while (offset + 8 <= wav.length) {
    const id = wav.toString('ascii', offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    if (id === 'data') {
      const bytes = wav.subarray(offset + 8, offset + 8 + Math.min(size, wav.length - offset - 8));
      // a copy of its own: the Int16Array then starts aligned, whatever the chunk's offset in the file
      return new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + (bytes.length & ~1)));
    }
    offset += 8 + size + (size & 1);
  }
  return undefined;
}
