/**
 * The words of share cards (titles and descriptions crawlers show), English and French. A
 * language is picked by its primary subtag; others fall back to English. Plain text only: the
 * page escapes it.
 */

/** One language's share-card phrases. */
export interface ShareText {
  /** "Hosted by Ada". */
  hostedBy: (name: string) => string;
  /** "with Bo and Cy" (`names` is already a formatted list). */
  with: (names: string) => string;
  /** The word for a live recording. */
  live: string;
  /** Title of a clip page: "Clip 1:30–2:00 · Launch day". */
  clipTitle: (start: string, end: string, title: string) => string;
  /** Description of a clip without a quote. */
  clipFrom: (title: string) => string;
  /** A quote and who said it. */
  quote: (text: string, speaker: string | undefined) => string;
  /** Shown where a quote skips a redacted passage. */
  redacted: string;
  /** Alternative text of the card image. */
  imageAlt: (title: string) => string;
  /** Text for browsers without JavaScript. */
  noScript: string;
}

const en: ShareText = {
  hostedBy: (name) => `Hosted by ${name}`,
  with: (names) => `with ${names}`,
  live: 'Live',
  clipTitle: (start, end, title) => `Clip ${start}–${end} · ${title}`,
  clipFrom: (title) => `A clip from “${title}”`,
  quote: (text, speaker) => (speaker ? `“${text}” — ${speaker}` : `“${text}”`),
  redacted: '[…]',
  imageAlt: (title) => `Cover of ${title}`,
  noScript: 'Listen to the audio:',
};

const fr: ShareText = {
  hostedBy: (name) => `Animé par ${name}`,
  with: (names) => `avec ${names}`,
  live: 'En direct',
  clipTitle: (start, end, title) => `Extrait ${start}–${end} · ${title}`,
  clipFrom: (title) => `Un extrait de « ${title} »`,
  quote: (text, speaker) => (speaker ? `« ${text} » — ${speaker}` : `« ${text} »`),
  redacted: '[…]',
  imageAlt: (title) => `Illustration de ${title}`,
  noScript: 'Écouter l’audio :',
};

const TABLE: Record<string, ShareText> = { en, fr };

/** The phrases for `lang` (a BCP 47 tag), English when there are none for it. */
export function shareTextFor(lang: string): ShareText {
  return TABLE[lang.toLowerCase().split('-')[0] ?? ''] ?? en;
}
