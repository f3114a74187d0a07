/** Test helpers: import and fail loudly when the import fails. */
import { importTranscript, type ImportOptions, type ImportSuccess } from '../../../src/model/transcript/index.js';

/** Imports `input` and returns the success result, throwing with the error text otherwise. */
export function importOk(input: unknown, options?: ImportOptions): ImportSuccess {
  const result = importTranscript(input, options);
  if (!result.ok) throw new Error(`import failed: ${result.error}`);
  return result;
}

/** Rounds to 4 decimals so interpolated times compare exactly. */
export function r4(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

/** A column as a plain array rounded to 4 decimals. */
export function times(column: ArrayLike<number>): number[] {
  return Array.from(column, r4);
}
