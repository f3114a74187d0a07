/**
 * Reading manifest JSON text: the size cap, then `JSON.parse`, and on failure a position found by
 * our own scan, because engines word (and sometimes omit) the position differently.
 */

import { MAX_MANIFEST_TEXT_LENGTH } from './limits.js';

/** Where the first JSON syntax error is (0-based offset; 1-based line and column) and what it is. */
export interface JsonSyntaxError {
  /** Offset in UTF-16 code units. */
  offset: number;
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units. */
  column: number;
  /** What was expected or found there. */
  message: string;
}

/** Result of {@link readJsonText}. */
export type JsonTextResult = { ok: true; value: unknown } | { ok: false; message: string };

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function shown(text: string, i: number): string {
  if (i >= text.length) return 'end of input';
  const c = text.codePointAt(i)!;
  return c < 0x20 ? `control character U+${c.toString(16).padStart(4, '0').toUpperCase()}` : `'${String.fromCodePoint(c)}'`;
}

/**
 * Finds the first syntax error in JSON text, or `undefined` when it is valid. Iterative (an
 * explicit stack), so deep nesting cannot overflow the call stack.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const n = text.length;
  let i = 0;
  const stack: number[] = []; // 0x7b '{' or 0x5b '['
  const fail = (at: number, message: string): JsonSyntaxError => {
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < at && k < n; k++) {
      if (text.charCodeAt(k) === 0x0a) {
        line++;
        lineStart = k + 1;
      }
    }
    return { offset: at, line, column: at - lineStart + 1, message };
  };
  const skip = (): void => {
    while (i < n && isWhitespace(text.charCodeAt(i))) i++;
  };
  // Scans a string starting at the quote at i; returns an error or moves i past the closing quote.
  const scanString = (): JsonSyntaxError | undefined => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c < 0x20) return fail(i, `${shown(text, i)} inside a string (escape it)`);
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9A-Fa-f]{4}$/.test(text.slice(i + 2, i + 6))) return fail(i, 'invalid \\u escape (needs 4 hex digits)');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return fail(i, `invalid escape ${e === undefined ? 'at end of input' : `'\\${e}'`}`);
      } else i++;
    }
    return fail(n, 'unterminated string');
  };
  // Reads `"key" :` at i (after whitespace), leaving i at the value.
  const expectKey = (): JsonSyntaxError | undefined => {
    if (text.charCodeAt(i) !== 0x22) return fail(i, `unexpected ${shown(text, i)} (expected a double-quoted property name)`);
    const e = scanString();
    if (e) return e;
    skip();
    if (text.charCodeAt(i) !== 0x3a) return fail(i, `unexpected ${shown(text, i)} (expected ':')`);
    i++;
    skip();
    return undefined;
  };

  skip();
  for (;;) {
    // A value starts at i.
    if (i >= n) return fail(i, 'unexpected end of input (expected a value)');
    const c = text.charCodeAt(i);
    let opened = false;
    if (c === 0x7b || c === 0x5b) {
      stack.push(c);
      i++;
      skip();
      if (text.charCodeAt(i) === (c === 0x7b ? 0x7d : 0x5d)) {
        stack.pop();
        i++;
      } else opened = true;
    } else if (c === 0x22) {
      const e = scanString();
      if (e) return e;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      // "01", "1." and "1e" stop the pattern early; the number is what is wrong, not the next character.
      if (!m || /[0-9.eE]/.test(text[i + m[0].length] ?? '')) return fail(i, 'invalid number');
      i += m[0].length;
    } else {
      const word = LITERALS.find((w) => text.startsWith(w, i));
      if (!word) return fail(i, `unexpected ${shown(text, i)} (expected a value)`);
      i += word.length;
    }

    // After an opening brace we need a key; after a value, a separator or a closer.
    if (opened && stack[stack.length - 1] === 0x7b) {
      const e = expectKey();
      if (e) return e;
      continue;
    }
    if (opened) continue;
    for (;;) {
      skip();
      if (stack.length === 0) {
        return i < n ? fail(i, `unexpected ${shown(text, i)} after the end of the JSON value`) : undefined;
      }
      const top = stack[stack.length - 1];
      const d = text.charCodeAt(i);
      if (d === 0x2c) {
        i++;
        skip();
        if (top === 0x7b) {
          const e = expectKey();
          if (e) return e;
        }
        break;
      }
      if ((top === 0x7b && d === 0x7d) || (top === 0x5b && d === 0x5d)) {
        stack.pop();
        i++;
        continue;
      }
      return fail(i, `unexpected ${shown(text, i)} (expected ',' or '${top === 0x7b ? '}' : ']'}')`);
    }
  }

}

/**
 * Parses manifest JSON text: refuses text past {@link MAX_MANIFEST_TEXT_LENGTH}, skips a leading
 * byte order mark, and reports a syntax error with its line, column and offset. Never throws.
 */
export function readJsonText(text: string): JsonTextResult {
  if (text.length > MAX_MANIFEST_TEXT_LENGTH) {
    return {
      ok: false,
      message: `manifest text has ${text.length} characters, more than the ${MAX_MANIFEST_TEXT_LENGTH} allowed`,
    };
  }
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = bom ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (e) {
    const found = findJsonSyntaxError(body);
    if (found) {
      return {
        ok: false,
        message:
          `invalid JSON at line ${found.line}, column ${found.column + (found.line === 1 ? bom : 0)} ` +
          `(offset ${found.offset + bom}): ${found.message}`,
      };
    }
    // Valid syntax that the engine still refused: nesting past its own limit.
    return { ok: false, message: `JSON could not be read: ${e instanceof Error ? e.message : 'unknown error'}` };
  }
}
