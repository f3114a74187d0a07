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
// Peer dependencies (react, for space-replay/react) stay bare imports too: the site brings its own.
const dependencies = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
const isDependency = (id) => dependencies.some((dep) => id === dep || id.startsWith(`${dep}/`));

// The parts a page composes a player from (docs/compose.md): each define file is an entry of its
// own (dist/parts/<name>.js, listed in package.json's sideEffects), so a page loads only the parts
// it uses and no bundler can drop a define call.
const PARTS = ['provider', 'header', 'status', 'timeline', 'transport', 'chapters', 'speakers', 'clip-banner', 'clip-tools', 'transcript', 'reactions', 'room', 'live'];
const partEntries = Object.fromEntries(PARTS.map((name) => [`parts/${name}`, `src/elements/space-replay-${name}/define.ts`]));

const libraryEntries = Object.fromEntries(
  Object.entries({
    index: 'src/index.ts',
    manifest: 'src/manifest/index.ts',
    clip: 'src/model/clip-link.ts',
    transcript: 'src/model/transcript/index.ts',
    peaks: 'src/model/peaks.ts',
    share: 'src/share/index.ts',
    i18n: 'src/i18n/index.ts',
    list: 'src/elements/space-replay-list/define.ts',
    'transcript-panel': 'src/elements/space-replay-transcript/define.ts',
    // `<space-replay>`'s define call, imported by index.js and loaded by the list's cards.
    player: 'src/elements/space-replay/define.ts',
    ...partEntries,
    // space-replay/react: each component in a file of its own (not in sideEffects), so a site that
    // uses only <SpaceReplay> does not load the list or the transcript panel.
    react: 'src/react/index.ts',
    'react/player': 'src/react/space-replay.ts',
    'react/list': 'src/react/list.ts',
    'react/transcript-panel': 'src/react/transcript-panel.ts',
    'react/provider': 'src/react/provider.ts',
  }).filter(([, file]) => existsSync(file)),
);

const ts = (options = {}) => esbuild({ target: 'es2022', tsconfig: './tsconfig.json', ...options });

// node-resolve applies package.json's `sideEffects` (which lists dist/ files) to src/ as well, so a
// define file imported only for its registration would be dropped from a chunk that imports it
// without using an export: <space-replay>'s read-along chunk then never defined the transcript panel.
const keepDefines = () => ({
  name: 'keep-defines',
  transform: (code, id) => (/[\\/]src[\\/]elements[\\/][\w-]+[\\/]define\.ts$/.test(id) ? { code, map: null, moduleSideEffects: true } : null),
});

const cdnPlugins = () => [nodeResolve({ browser: true }), keepDefines(), ts({ minify: true, legalComments: 'none' }), terser({ ecma: 2020, module: true, compress: { passes: 2 }, format: { comments: false } })];

const configs = [
  {
    input: libraryEntries,
    // Entries may export more than their own exports: a shared module then goes into the entry that
    // defines it, not into a chunk behind a facade (every define call stays in an entry file).
    preserveEntrySignatures: 'allow-extension',
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
    plugins: cdnPlugins(),
    output: { dir: 'dist/cdn', format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
  },
  {
    // Every part, for a page that lays out its own player without a bundler: a build of its own, so
    // the player's entry shares no chunk boundaries with it.
    input: { 'space-replay-parts': 'src/parts.ts' },
    plugins: cdnPlugins(),
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
