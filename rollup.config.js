// Builds dist/:
// - dist/*.js: ESM entries for npm users; dependencies stay bare imports so the site's bundler dedupes them.
// - dist/cdn/space-replay.js: one self-contained, minified module for a <script type="module"> tag;
//   hls.js lands in its own chunk, loaded only when the browser cannot play HLS natively.
// - dist/cli.js: the Node command line.
import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import nodeResolve from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import { embedConfig } from './scripts/rollup-embed.js';

const pkg = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync('./package.json', 'utf8')));
const dependencies = Object.keys(pkg.dependencies ?? {});
const isDependency = (id) => dependencies.some((dep) => id === dep || id.startsWith(`${dep}/`));

const libraryEntries = Object.fromEntries(
  Object.entries({
    index: 'src/index.ts',
    manifest: 'src/manifest/index.ts',
    clip: 'src/model/clip-link.ts',
    transcript: 'src/model/transcript/index.ts',
    peaks: 'src/model/peaks.ts',
    share: 'src/share/index.ts',
    list: 'src/elements/space-replay-list/define.ts',
    'transcript-panel': 'src/elements/space-replay-transcript/define.ts',
  }).filter(([, file]) => existsSync(file)),
);

const ts = (options = {}) => esbuild({ target: 'es2022', tsconfig: './tsconfig.json', ...options });

const configs = [
  {
    input: libraryEntries,
    external: isDependency,
    plugins: [ts()],
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
  },
  {
    input: {
      'space-replay': 'src/index.ts',
      'space-replay-list': 'src/elements/space-replay-list/define.ts',
      'space-replay-transcript': 'src/elements/space-replay-transcript/define.ts',
    },
    plugins: [nodeResolve({ browser: true }), ts({ minify: true, legalComments: 'none' }), terser({ ecma: 2020, module: true, compress: { passes: 2 }, format: { comments: false } })],
    output: { dir: 'dist/cdn', format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
  },
];

if (existsSync('src/cli/bin.ts')) {
  configs.push({
    input: { cli: 'src/cli/bin.ts' },
    external: (id) => isDependency(id) || id.startsWith('node:') || builtinModules.includes(id),
    plugins: [ts({ platform: 'node' })],
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js'},
  });
}

configs.push(embedConfig({ ts, nodeResolve }));

export default configs;
