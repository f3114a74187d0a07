/** Small readers for untrusted JSON values, used by the JSON transcript importers. */

/** True for a plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value when it is a finite number >= 0, else undefined. */
export function timeValue(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** How a bad value looks in a message: JSON, shortened. */
export function show(value: unknown): string {
  let text: string;
  try {
    text = value === undefined ? 'missing' : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
