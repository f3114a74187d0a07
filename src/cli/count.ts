/** Counted nouns in the CLI's English messages: "1 participant", "0 participants", "2 clips". */

const rules = new Intl.PluralRules('en');

/** `count` followed by the singular or the plural form, as English plural rules pick. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${rules.select(count) === 'one' ? singular : plural}`;
}
