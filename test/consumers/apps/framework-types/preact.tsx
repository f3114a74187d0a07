/** @jsxImportSource preact */
// Preact: the same types, on Preact's JSX namespace.
import type { CustomElements } from 'space-replay/jsx';

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}

export const page = <space-replay src="/m.json" max-clip={60} onspace-replay-speakerchange={(e) => e.detail.speakerId} />;
// @ts-expect-error max-clip is a number
export const wrong = <space-replay max-clip="sixty" />;
