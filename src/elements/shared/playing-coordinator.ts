/**
 * One player at a time: when any `<space-replay>` on the page starts playing, every other one that
 * is playing is paused. It listens at the document to the players' `space-replay-play` events,
 * which bubble and are composed, so it sees players inside shadow roots (a list's cards) and
 * players of another copy of the library alike. Installed once per document; idempotent.
 */

/** What the coordinator needs of a player. */
export interface Pausable extends EventTarget {
  pause(): void;
  readonly paused?: boolean;
  readonly isConnected?: boolean;
}

const INSTALLED = Symbol.for('space-replay.playing-coordinator');

function isPausable(value: unknown): value is Pausable {
  return typeof value === 'object' && value !== null && typeof (value as Pausable).pause === 'function';
}

/**
 * Follows which players on `doc` are playing, from their `space-replay-play`, `-pause` and `-ended`
 * events (captured at the document, so players in shadow roots count too). `onPlay(player, playing)`
 * runs when one starts, before it joins `playing`; it may pause and remove others. Returns the set
 * and a function that stops listening. Shared by the page's coordinator and the embed host's.
 */
export function trackPlayers(doc: Document, onPlay: (player: Pausable, playing: Set<Pausable>) => void): { playing: Set<Pausable>; stop: () => void } {
  const playing = new Set<Pausable>();
  const started = (event: Event): void => {
    const player = event.composedPath()[0];
    if (!isPausable(player)) return;
    onPlay(player, playing);
    playing.add(player);
  };
  const stopped = (event: Event): void => {
    const player = event.composedPath()[0];
    if (isPausable(player)) playing.delete(player);
  };
  // Capture: the page's own listeners see a consistent state (the other player already paused).
  doc.addEventListener('space-replay-play', started, true);
  doc.addEventListener('space-replay-pause', stopped, true);
  doc.addEventListener('space-replay-ended', stopped, true);
  const stop = (): void => {
    doc.removeEventListener('space-replay-play', started, true);
    doc.removeEventListener('space-replay-pause', stopped, true);
    doc.removeEventListener('space-replay-ended', stopped, true);
    playing.clear();
  };
  return { playing, stop };
}

/**
 * Makes starting any player pause the others on `doc`'s page. Returns a function that removes it
 * (for tests); calling it again while installed does nothing and returns the same remover.
 */
export function installPlayingCoordinator(doc: Document = document): () => void {
  const holder = doc as unknown as Record<symbol, (() => void) | undefined>;
  const existing = holder[INSTALLED];
  if (existing) return existing;

  const { playing, stop } = trackPlayers(doc, (player, playing) => {
    for (const other of [...playing]) {
      if (other === player) continue;
      playing.delete(other);
      if (other.isConnected !== false && other.paused !== true) other.pause();
    }
  });
  // Players that were already playing before this ran (light DOM only; shadow ones report on their next play).
  for (const el of doc.querySelectorAll('space-replay[playing]')) if (isPausable(el)) playing.add(el);

  const remove = (): void => {
    stop();
    delete holder[INSTALLED];
  };
  holder[INSTALLED] = remove;
  return remove;
}
