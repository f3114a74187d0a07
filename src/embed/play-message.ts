/**
 * The embed's one-player-at-a-time messages (docs/embed.md): an embed says it started playing, and
 * the host page tells the others to pause. With the host script, starting any player on the page,
 * in an embed or not, pauses every other one, as `<space-replay>` players on one page already do.
 */

/** `{type: 'space-replay:playing', id?}`: posted by an embed to its parent when its player starts. */
export const PLAYING_MESSAGE_TYPE = 'space-replay:playing';
/** `{type: 'space-replay:pause'}`: posted by the host page to an embed whose player should pause. */
export const PAUSE_MESSAGE_TYPE = 'space-replay:pause';

/** An embed's "started playing". */
export interface PlayingMessage {
  type: typeof PLAYING_MESSAGE_TYPE;
  /** The `id` query parameter of the embed, when given. */
  id?: string;
}

/** The host's "pause". */
export interface PauseMessage {
  type: typeof PAUSE_MESSAGE_TYPE;
}

function isRecord(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null && !Array.isArray(data);
}

/** Whether `data` is a well-formed playing message. */
export function isPlayingMessage(data: unknown): data is PlayingMessage {
  return isRecord(data) && data.type === PLAYING_MESSAGE_TYPE && (data.id === undefined || (typeof data.id === 'string' && data.id.length <= 200));
}

/** Whether `data` is a well-formed pause message. */
export function isPauseMessage(data: unknown): data is PauseMessage {
  return isRecord(data) && data.type === PAUSE_MESSAGE_TYPE;
}
