/**
 * The `on…` props of the React components: one per `space-replay-*` event, named the React way
 * (`space-replay-ready` → `onSpaceReplayReady`) and typed with that event's `CustomEvent` detail.
 */
import type { EventName } from '@lit/react';
import type { SpaceReplayEventMap } from '../events.js';

type Pascal<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Capitalize<Head>}${Pascal<Tail>}` : Capitalize<S>;

/** `space-replay-ready` → `onSpaceReplayReady`. */
export type EventPropName<N extends string> = `on${Pascal<N>}`;

/** The `events` option of `createComponent` for the events `N`. */
export type EventProps<N extends keyof SpaceReplayEventMap> = { [K in N as EventPropName<K>]: EventName<SpaceReplayEventMap[K]> };

/** The prop name of the event `name`. */
export function eventPropName<N extends string>(name: N): EventPropName<N> {
  return `on${name.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase())}` as EventPropName<N>;
}

/** The `events` option for `names`. */
export function eventProps<N extends keyof SpaceReplayEventMap>(names: readonly N[]): EventProps<N> {
  return Object.fromEntries(names.map((name) => [eventPropName(name), name])) as unknown as EventProps<N>;
}
