/**
 * Turning the bytes of a text file into a string, or saying why not. A byte order mark picks
 * UTF-8, UTF-16 (LE/BE) or UTF-32 (LE/BE); without one the bytes must be UTF-8. Bytes that are not
 * are refused with the line and byte at fault and a guess at the encoding, never decoded into
 * U+FFFD replacement characters: a transcript would publish them in place of every accented
 * letter. Files without a mark that are mostly zero bytes are UTF-16 or UTF-32 without one.
 */

/** The decoded text, or why the bytes are not text this reads. */
export type DecodedText = { ok: true; text: string; encoding: string } | { ok: false; error: string };

/** Bytes of a Windows-1252 file that no character uses. */
const WINDOWS_1252_UNUSED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function asBytes(input: ArrayBuffer | ArrayBufferView): Uint8Array {
  return input instanceof ArrayBuffer ? new Uint8Array(input) : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
}

/** The byte offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // the lead byte sets the length and the allowed range of the second byte (no overlongs, no surrogates)
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    if (i + length > bytes.length) return i;
    const second = bytes[i + 1]!;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let k = 0; k < offset; k++) if (bytes[k] === 0x0a) line++;
  return line;
}

function hex(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** Why bytes that are not UTF-8 were refused: where, and what they look like. */
function notUtf8(bytes: Uint8Array, offset: number): string {
  let windows1252 = true;
  for (let k = 0; k < bytes.length && windows1252; k++) if (WINDOWS_1252_UNUSED.has(bytes[k]!)) windows1252 = false;
  const guess = windows1252 ? 'looks like windows-1252?' : 'an unknown encoding';
  return `not UTF-8 (${guess}): byte ${hex(bytes[offset]!)} on line ${lineOf(bytes, offset)}; save the file as UTF-8`;
}

/** UTF-32 after its byte order mark; TextDecoder has no UTF-32. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): DecodedText {
  const encoding = littleEndian ? 'utf-32le' : 'utf-32be';
  if (bytes.length % 4 !== 0) return { ok: false, error: `not ${encoding.toUpperCase()}: ${bytes.length} bytes is not a whole number of 4-byte characters` };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let chunk: number[] = [];
  let line = 1;
  for (let at = 4; at < bytes.length; at += 4) {
    const code = view.getUint32(at, littleEndian);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      return { ok: false, error: `not ${encoding.toUpperCase()}: 0x${code.toString(16).toUpperCase()} on line ${line} is not a character` };
    }
    if (code === 0x0a) line++;
    chunk.push(code);
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  return { ok: true, text: parts.join(''), encoding };
}

/** Counts zero bytes in the first 256: text in UTF-16 or UTF-32 has many, UTF-8 text none. */
function zeroBytes(bytes: Uint8Array): number {
  let zeros = 0;
  const n = Math.min(bytes.length, 256);
  for (let k = 0; k < n; k++) if (bytes[k] === 0) zeros++;
  return zeros / Math.max(n, 1);
}

/** Decodes the bytes of a text file by its byte order mark, else as UTF-8; never into U+FFFD. */
export function decodeText(input: ArrayBuffer | ArrayBufferView): DecodedText {
  const bytes = asBytes(input);
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return decodeUtf32(bytes, true);
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return decodeUtf32(bytes, false);
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const encoding = b0 === 0xff ? 'utf-16le' : 'utf-16be';
    try {
      // fatal: an unpaired surrogate is refused rather than replaced
      return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
    } catch {
      return { ok: false, error: `not ${encoding.toUpperCase()} after its byte order mark (an odd length or an unpaired surrogate)` };
    }
  }
  if (zeroBytes(bytes) > 0.2) {
    return { ok: false, error: 'looks like UTF-16 or UTF-32 without a byte order mark (many zero bytes); save the file as UTF-8' };
  }
  try {
    // fatal: bytes that are not UTF-8 throw instead of becoming U+FFFD; a byte order mark is dropped
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // the native decoder says only that the bytes are bad; find where, for the message
    return { ok: false, error: notUtf8(bytes, Math.max(0, firstInvalidUtf8(bytes))) };
  }
}
