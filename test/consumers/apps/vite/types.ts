// Type-checked only (tsc --noEmit), never run: what the packed types must refuse.
import type { SpaceReplay } from 'space-replay';

export function refused(player: SpaceReplay): void {
  // @ts-expect-error the ready event's detail has no such field
  player.addEventListener('space-replay-ready', (event) => event.detail.nope);
  // @ts-expect-error engine is 'auto' | 'native' | 'hls.js'
  player.engine = 'flash';
  // @ts-expect-error <space-replay> is a SpaceReplay, whose skipBack is a number
  document.querySelector('space-replay')!.skipBack = 'ten';
}
