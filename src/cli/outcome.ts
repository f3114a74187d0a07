/**
 * The result of a CLI step that can fail on outside input: a value, or a message that says what
 * went wrong and where (file, line, JSON path). CLI steps return these instead of throwing.
 */

/** Either the value or a human-readable failure message. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

/** A successful outcome. */
export function ok<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

/** A failed outcome carrying a message that names the file (and line or path) at fault. */
export function fail<T = never>(message: string): Outcome<T> {
  return { ok: false, message };
}
