/**
 * `space-replay/i18n`: the UI languages. English and French are built in; `registerLanguage` adds
 * one or changes strings of one (docs/player.md#languages). The element picks its language from
 * the closest `lang` attribute.
 */
export { registerLanguage, SUPPORTED_LANGUAGES } from './messages.js';
export type { ClipMessages, LanguageStrings, ListMessages, Messages, TranscriptMessages } from './message-types.js';
