/** What building the panel's blocks needs, in the panel's language. */

import type { TranscriptMessages } from '../../i18n/messages.js';
import { formatSpokenTime, formatTime } from '../../model/time.js';
import { avatarNode, type BlockContext, type SpeakerView } from './block-view.js';
import type { TranscriptModel } from './transcript-model.js';

/**
 * The block context of `model`: `speakers` as the panel names them (an avatar that fails to load
 * becomes initials, in its view too), `redacted` words, times with hours from an hour on.
 */
export function blockContextOf(
  model: TranscriptModel,
  speakers: SpeakerView[],
  redacted: Uint8Array | null,
  duration: number,
  m: TranscriptMessages,
  lang: string,
): BlockContext {
  const hours = (Number.isFinite(duration) ? duration : model.t.duration) >= 3600;
  return {
    transcript: model.t,
    blocks: model.blocks,
    speakers,
    redacted,
    removedText: m.removed,
    timeLabel: (s) => formatTime(s, { forceHours: hours }),
    timeName: (s, name) => m.playFrom(formatSpokenTime(s, lang), name),
    onAvatarError: (img, speaker) => {
      const view = speakers[speaker];
      if (!view) return;
      view.avatar = undefined;
      img.replaceWith(avatarNode(view, speaker, () => {}));
    },
  };
}
