// Vue: importing space-replay/vue adds the elements to GlobalComponents (templates, Volar).
import type { GlobalComponents } from 'vue';
import type {} from 'space-replay/vue';

type Props<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];
export const props: Props<'space-replay'> = { src: '/m.json', 'deep-link': true, 'onspace-replay-ready': (e) => e.detail.manifest.title };
export const transcript: Props<'space-replay-transcript'> = { 'onspace-replay-search': (e) => e.detail.hits.length };
// @ts-expect-error skip-back is a number
export const wrong: Props<'space-replay'> = { 'skip-back': 'ten' };
