// Type-checked only (tsc --noEmit): what the packed package's types must accept and refuse.
import { SpaceReplay, SpaceReplayList, SpaceReplayProvider, SpaceReplayTranscript } from 'space-replay/react';
import type { SpaceReplay as SpaceReplayElement } from 'space-replay';

export const ok = (
  <>
    <SpaceReplay src="/m.json" engine="hls.js" maxClip={60} onSpaceReplaySpeakerchange={(e) => e.detail.speakerId?.toUpperCase()} ref={(el: SpaceReplayElement | null) => void el?.play()} />
    <SpaceReplayList src="/feed.json" onSpaceReplayListLoad={(e) => e.detail.items.length} onSpaceReplayListToggle={(e) => e.detail.open} />
    <SpaceReplayTranscript onSpaceReplaySeekRequest={(e) => e.detail.time.toFixed()} />
    <SpaceReplayProvider src="/m.json" noResume onSpaceReplayEngine={(e) => e.detail.engine}>
      <SpaceReplayTranscript />
    </SpaceReplayProvider>
  </>
);

// @ts-expect-error the ready event's detail has no such field
export const wrongDetail = <SpaceReplay onSpaceReplayReady={(e) => e.detail.nope} />;
// @ts-expect-error engine is 'auto' | 'native' | 'hls.js'
export const wrongEngine = <SpaceReplay engine="flash" />;
// @ts-expect-error skipBack is a number
export const wrongNumber = <SpaceReplay skipBack="ten" />;
