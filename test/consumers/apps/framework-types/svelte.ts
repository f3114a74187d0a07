// Svelte: importing space-replay/svelte adds the elements to svelteHTML.IntrinsicElements (svelte-check).
// Events are typed in both forms: Svelte 4's `on:space-replay-…` directive and Svelte 5's `onspace-replay-…` attribute.
import type {} from 'space-replay/svelte';

export const props: svelteHTML.IntrinsicElements['space-replay'] = {
  src: '/m.json',
  'on:space-replay-pause': (e) => e.detail.currentTime,
  'onspace-replay-ready': (e) => e.detail.manifest.title.toUpperCase(),
};
export const list: svelteHTML.IntrinsicElements['space-replay-list'] = { 'onspace-replay-list-toggle': (e) => e.detail.open };
// @ts-expect-error engine is 'auto' | 'native' | 'hls.js'
export const wrong: svelteHTML.IntrinsicElements['space-replay'] = { engine: 'flash' };
// @ts-expect-error the ready event's detail has no such field
export const wrongDetail: svelteHTML.IntrinsicElements['space-replay'] = { 'onspace-replay-ready': (e) => e.detail.nope };
