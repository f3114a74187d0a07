/**
 * The one message between the embed (`embed.html` in an iframe) and the page hosting it: the
 * embed's content height, so the host can size the iframe. docs/embed.md documents it.
 */

/** The `type` of the resize message. */
export const RESIZE_MESSAGE_TYPE = 'space-replay:resize';

/** Largest height a host applies, CSS pixels: a broken or hostile embed cannot make the page endless. */
export const MAX_EMBED_HEIGHT = 10_000;

/** `{type: 'space-replay:resize', height, id?}`: posted by the embed whenever its height changes. */
export interface ResizeMessage {
  /** Always {@link RESIZE_MESSAGE_TYPE}. */
  type: typeof RESIZE_MESSAGE_TYPE;
  /** The embed's content height, whole CSS pixels, 1 to {@link MAX_EMBED_HEIGHT}. */
  height: number;
  /** The `id` query parameter of the embed, echoed for hosts that match messages by it. */
  id?: string;
}

/** Whether `data` is a well-formed resize message (anything else on the channel is ignored). */
export function isResizeMessage(data: unknown): data is ResizeMessage {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  const message = data as Record<string, unknown>;
  if (message.type !== RESIZE_MESSAGE_TYPE) return false;
  const { height, id } = message;
  if (typeof height !== 'number' || !Number.isInteger(height) || height < 1 || height > MAX_EMBED_HEIGHT) return false;
  return id === undefined || (typeof id === 'string' && id.length <= 200);
}
