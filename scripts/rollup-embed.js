// Rollup config of the iframe embed: dist/embed.html (from src/embed/embed.html, its script tag
// pointed at the bundle) and its dist/embed.css, dist/embed/embed.js (the player, self-contained; hls.js in its own
// chunk, loaded only where HLS is not native) and dist/embed/host.js (the optional host script).
// rollup.config.js adds it with: configs.push(embedConfig({ ts, nodeResolve }));
import { readFileSync } from 'node:fs';

const SOURCE_HTML = 'src/embed/embed.html';
const SOURCE_CSS = 'src/embed/embed.css';
const DEV_SCRIPT = 'src="./embed.ts"';

/** A rollup plugin that emits embed.html, its module script pointing at the built `embed/embed.js`, and its stylesheet embed.css. */
function embedHtml() {
  return {
    name: 'space-replay-embed-html',
    generateBundle() {
      const html = readFileSync(SOURCE_HTML, 'utf8');
      if (!html.includes(DEV_SCRIPT)) this.error(`${SOURCE_HTML} no longer loads ${DEV_SCRIPT}; update scripts/rollup-embed.js`);
      this.emitFile({ type: 'asset', fileName: 'embed.html', source: html.replace(DEV_SCRIPT, 'src="./embed/embed.js"') });
      this.emitFile({ type: 'asset', fileName: 'embed.css', source: readFileSync(SOURCE_CSS, 'utf8') });
    },
  };
}

/**
 * The embed's rollup config. `ts` is the esbuild plugin factory and `nodeResolve` the node-resolve
 * plugin factory that rollup.config.js already imports; `outDir` defaults to `dist`.
 */
export function embedConfig({ ts, nodeResolve, outDir = 'dist' }) {
  return {
    input: { 'embed/embed': 'src/embed/embed.ts', 'embed/host': 'src/embed/host.ts' },
    plugins: [nodeResolve({ browser: true }), ts({ minify: true, legalComments: 'none' }), embedHtml()],
    output: { dir: outDir, format: 'es', entryFileNames: '[name].js', chunkFileNames: 'embed/[name]-[hash].js' },
  };
}
