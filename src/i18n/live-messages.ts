/**
 * Strings of `<space-replay-live>`. They ship in its chunk, not in the player's main chunk: English
 * and French side by side, since both are short.
 */

/** The live part's strings. */
export interface LiveMessages {
  /** How far behind live the listener is (`time` like "1:05"). */
  behind: (time: string) => string;
  atLive: string;
  jumpToLive: string;
}

const en: LiveMessages = {
  behind: (time) => `${time} behind live`,
  atLive: 'At the live edge',
  jumpToLive: 'Jump to live',
};

const fr: LiveMessages = {
  behind: (time) => `${time} de retard sur le direct`,
  atLive: 'En direct',
  jumpToLive: 'Aller au direct',
};

/** The live strings for `lang` (French for `fr`, `fr-CA`, …; else English). */
export function liveMessages(lang: string): LiveMessages {
  return lang.toLowerCase().split('-')[0] === 'fr' ? fr : en;
}
