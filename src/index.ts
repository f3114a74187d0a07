/**
 * `space-replay`: the package's main entry. Importing it registers `<space-replay>` (and the parts
 * it lays out); it also re-exports the element classes, the context parts read the player's state
 * from (for a page's own parts, docs/compose.md), the event types and the manifest types a page may want.
 */

import './elements/space-replay/define.js';

export { SpaceReplay, PLAYBACK_RATES } from './elements/space-replay/space-replay.js';
export type { PlayerState } from './elements/space-replay/space-replay.js';
export { SpaceReplayProvider } from './elements/space-replay-provider/space-replay-provider.js';
export { playerContext } from './elements/player-state/player-context.js';
export type { PlayerSnapshot, ReadAlongState } from './elements/player-state/player-context.js';
export type { PlayerClock } from './elements/player-state/player-clock.js';
export type { Recording, SpeakerRow } from './elements/player-state/recording.js';
export type { SpaceReplayEventMap, PlayerErrorCode, PlayerErrorDetail } from './events.js';
export type { EngineKind, EnginePreference } from './controllers/source-choice.js';
export type { Manifest, Participant, Segment, Chapter, AudioSource, Redaction, Retention, Status, Role } from './manifest/types.js';
