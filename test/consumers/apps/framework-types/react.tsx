// React: the elements as JSX intrinsic elements, from space-replay/jsx (docs/frameworks.md).
import type { CustomElements } from 'space-replay/jsx';
import type { SpaceReplay } from 'space-replay';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}

export const page = (
  <>
    <space-replay src="/m.json" deep-link engine="hls.js" onspace-replay-ready={(e) => e.detail.manifest.title.toUpperCase()} />
    <space-replay-provider src="/m.json">
      <space-replay-timeline></space-replay-timeline>
      <space-replay-transport></space-replay-transport>
      <space-replay-transcript onspace-replay-seek-request={(e) => e.detail.time.toFixed()}></space-replay-transcript>
    </space-replay-provider>
    <space-replay-list src="/feed.json" onspace-replay-list-load={(e) => e.detail.items.length} />
  </>
);

// @ts-expect-error the ready event's detail has no such field
export const wrongDetail = <space-replay onspace-replay-ready={(e) => e.detail.nope} />;
// @ts-expect-error engine is 'auto' | 'native' | 'hls.js'
export const wrongEngine = <space-replay engine="flash" />;
// @ts-expect-error no such element
export const unknown = <space-replay-nope />;

// Every element is in HTMLElementTagNameMap with its class, and its events in the event maps.
type Classes = { [Tag in keyof CustomElements]: HTMLElementTagNameMap[Tag] };
export const player: Classes['space-replay'] = document.createElement('space-replay') satisfies SpaceReplay;
player.addEventListener('space-replay-error', (e) => e.detail.code.toUpperCase());
document.createElement('space-replay-list').addEventListener('space-replay-list-toggle', (e) => e.detail.open);
