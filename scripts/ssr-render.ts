// Renders `<space-replay src="…">` to HTML the way a server does (Next.js, Astro, SvelteKit…):
// @lit-labs/ssr in Node, the element's shadow roots as declarative shadow DOM, the loading
// placeholder in them. Used by the hydration test (test/server/ssr-pages.js) and the bench.
//
//   node --import tsx scripts/ssr-render.ts <manifest URL> [module that defines the element]
//
// Prints the element's HTML. The module defaults to the sources (src/index.ts); the bench passes
// the built package entry.
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const [src, entry] = process.argv.slice(2);
if (!src) {
  console.error('usage: ssr-render.ts <manifest URL> [module that defines <space-replay>]');
  process.exit(2);
}
await import(entry ? pathToFileURL(resolve(entry)).href : '../src/index.js');
process.stdout.write(await collectResult(render(html`<space-replay src=${src}></space-replay>`)));
