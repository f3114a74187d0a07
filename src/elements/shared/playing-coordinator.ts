/**
 * One player at a time: when any `<space-replay>` on the page starts playing, every other one that
 * is playing is paused. It listens at the document to the players' `space-replay-play` events,
 * which bubble and are composed, so it sees players inside shadow roots (a list's cards) and
 * players of another copy of the library alike. Installed once per document; idempotent.
 */

/** What the coordinator needs of a player. */
interface Pausable extends EventTarget {
  pause(): void;
  readonly paused?: boolean;
  readonly isConnected?: boolean;
}

const INSTALLED = Symbol.for('space-replay.playing-coordinator');

function isPausable(value: unknown): value is Pausable {
  return typeof value === 'object' && value !== null && typeof (value as Pausable).pause === 'function';
}

/**
 * Makes starting any player pause the others on `doc`'s page. Returns a function that removes it
 * (for tests); calling it again while installed does nothing and returns the same remover.
 */
export function installPlayingCoordinator(doc: Document = document): () => void {
  const holder = doc as unknown as Record<symbol, (() => void) | undefined>;
  const existing = holder[INSTALLED];
  if (existing) return existing;

  const playing = new Set<Pausable>();
  // Players that were already playing before this ran (light DOM only; shadow ones report on their next play).
  for (const el of doc.querySelectorAll('space-replay[playing]')) if (isPausable(el)) playing.add(el);

  const onPlay = (event: Event): void => {
    const player = event.composedPath()[0];
    if (!isPausable(player)) return;
    for (const other of [...playing]) {
      if (other === player) continue;
      playing.delete(other);
      if (other.isConnected !== false && other.paused !== true) other.pause();
    }
    playing.add(player);
  };
  const onStop = (event: Event): void => {
    const player = event.composedPath()[0];
    if (isPausable(player)) playing.delete(player);
  };

  // Capture: the page's own listeners see a consistent state (the other player already paused).
  doc.addEventListener('space-replay-play', onPlay, true);
  doc.addEventListener('space-replay-pause', onStop, true);
  doc.addEventListener('space-replay-ended', onStop, true);
  const remove = (): void => {
    doc.removeEventListener('space-replay-play', onPlay, true);
    doc.removeEventListener('space-replay-pause', onStop, true);
    doc.removeEventListener('space-replay-ended', onStop, true);
    playing.clear();
    delete holder[INSTALLED];
  };
  holder[INSTALLED] = remove;
  return remove;
}
