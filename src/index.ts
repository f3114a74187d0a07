/**
 * `space-replay`: the package's main entry. Importing it registers `<space-replay>`; it also
 * re-exports the element class, its event types and the manifest types a page may want.
 */

import './elements/space-replay/define.js';

export { SpaceReplay, PLAYBACK_RATES } from './elements/space-replay/space-replay.js';
export type { PlayerState } from './elements/space-replay/space-replay.js';
export type { SpaceReplayEventMap, PlayerErrorCode, PlayerErrorDetail } from './events.js';
export type { EngineKind, EnginePreference } from './controllers/source-choice.js';
export type { Manifest, Participant, Segment, Chapter, AudioSource, Redaction, Retention, Status, Role } from './manifest/types.js';
