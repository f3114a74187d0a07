/** Joining names into one phrase in a given language. */

/** `items` as "A, B and C" in `lang` (Intl.ListFormat); joined with ", " where the runtime lacks it or the tag is invalid. */
export function formatList(items: readonly string[], lang: string): string {
  try {
    return new Intl.ListFormat(lang, { type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}
