// Solid: the elements on Solid's JSX namespace, from space-replay/solid (events as on:space-replay-…).
import type { CustomElements } from 'space-replay/solid';

declare module 'solid-js' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}

import type { JSX } from 'solid-js';
export const props: JSX.IntrinsicElements['space-replay-list'] = { src: '/feed.json', 'on:space-replay-list-error': (e) => e.detail.code };
// @ts-expect-error no such attribute type
export const wrong: JSX.IntrinsicElements['space-replay-list'] = { 'page-size': 'many' };
