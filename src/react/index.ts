/**
 * `space-replay/react`: React components for the elements, made with `@lit/react`: properties are
 * set as properties (objects too), and every `space-replay-*` event has a typed `on…` prop
 * (`onSpaceReplayReady`, `onSpaceReplayError`, …). Works with React 18 and 19. Each component's
 * module registers its element; a bundler keeps only the components a site uses (docs/frameworks.md).
 */
export { SpaceReplay } from './space-replay.js';
export { SpaceReplayList } from './list.js';
export { SpaceReplayTranscript } from './transcript-panel.js';
export { SpaceReplayProvider } from './provider.js';
export { eventPropName } from './event-props.js';
export type { EventPropName } from './event-props.js';
export { PLAYER_EVENTS, LIST_EVENTS } from './event-names.js';
export type { SpaceReplayEventMap, PlayerErrorDetail, PlayerErrorCode, ListErrorDetail } from '../events.js';
