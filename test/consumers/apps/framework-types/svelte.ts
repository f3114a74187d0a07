// Svelte: importing space-replay/svelte adds the elements to svelteHTML.IntrinsicElements (svelte-check; events as on:space-replay-…).
import type {} from 'space-replay/svelte';

export const props: svelteHTML.IntrinsicElements['space-replay'] = { src: '/m.json', 'on:space-replay-pause': (e) => e.detail.currentTime };
// @ts-expect-error engine is 'auto' | 'native' | 'hls.js'
export const wrong: svelteHTML.IntrinsicElements['space-replay'] = { engine: 'flash' };
