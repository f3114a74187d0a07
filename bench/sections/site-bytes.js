// Bytes as a site's bundler sees them: esbuild bundles a page's imports from the built package
// (package.json's exports, dist/, bare dependencies resolved from node_modules), minified, with
// code splitting, as an app built with it would ship. Two pages: the default player
// (`import 'space-replay'`) and a page that lays out only a timeline and a transport
// (`space-replay/parts/provider`, `/timeline`, `/transport`). For each, the main entry (the page's
// entry file and every chunk it imports statically) and what loads before the recording shows
// (plus the lazy chunks of the manifest validator and wavesurfer.js), gzip -9 per file.
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { figure } from '../lib/figure.js';

/** The pages measured: their imports, and the figure id they report under. */
export const SITE_PAGES = [
  { id: 'player', name: 'default player', imports: ['space-replay'] },
  { id: 'parts', name: 'timeline + transport', imports: ['space-replay/parts/provider', 'space-replay/parts/timeline', 'space-replay/parts/transport'] },
];

// Chunks a page needs before the recording shows, by the module that starts them.
const BEFORE_PAINT = [/\/chunks\/recording-[\w-]+\.js$/, /wavesurfer\.js\/dist\/wavesurfer\.esm\.js$/];

/**
 * Measures `pages` bundled from the package in `pkgDir` (its package.json and dist/; its
 * dependencies in `nodeModules`), working in `workDir`.
 */
export async function measureSiteBytes({ pkgDir, nodeModules, workDir, pages = SITE_PAGES }) {
  const { build } = await import('esbuild');
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(join(workDir, 'node_modules'), { recursive: true });
  symlinkSync(pkgDir, join(workDir, 'node_modules', 'space-replay'), 'dir');
  // A site of its own: without a package.json here, the repository's own (named space-replay)
  // encloses the pages and bundlers resolve `space-replay` to the repository's dist/ instead.
  writeFileSync(join(workDir, 'package.json'), '{ "name": "bench-site", "private": true, "type": "module" }\n');
  const figures = [];
  const detail = {};
  for (const page of pages) {
    const dir = join(workDir, page.id);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'page.js'), page.imports.map((i) => `import '${i}';\n`).join(''));
    const result = await build({
      entryPoints: [join(dir, 'page.js')],
      absWorkingDir: workDir,
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: true,
      target: 'es2022',
      platform: 'browser',
      outdir: join(dir, 'out'),
      nodePaths: [nodeModules],
      metafile: true,
      logLevel: 'error',
    });
    const outputs = result.metafile.outputs;
    const entry = Object.keys(outputs).find((o) => outputs[o].entryPoint?.endsWith(`${page.id}/page.js`));
    const closure = (file, seen = new Set()) => {
      if (seen.has(file)) return seen;
      seen.add(file);
      for (const i of outputs[file].imports) if (i.kind === 'import-statement') closure(i.path, seen);
      return seen;
    };
    const main = closure(entry);
    // A bundler that reads the package's `sideEffects` wrongly drops every module and leaves an
    // empty entry: say so rather than report a few bytes.
    const registered = [...main].some((f) => readFileSync(join(workDir, f), 'utf8').includes('customElements'));
    if (!registered) throw new Error(`${page.name}: the bundled page registers no element (its imports were dropped as side-effect free); the figures would be wrong`);
    const beforePaint = new Set(main);
    for (const [file, out] of Object.entries(outputs)) {
      if (out.entryPoint && BEFORE_PAINT.some((re) => re.test(out.entryPoint))) closure(file, beforePaint);
    }
    const gzip = (files) => [...files].reduce((sum, f) => sum + gzipSync(readFileSync(join(workDir, f)), { level: 9 }).length, 0) / 1024;
    figures.push(
      figure('bytes', `bytes.site.${page.id}.gzip`, `${page.name}: main entry as esbuild bundles the package, gzip (${main.size} files)`, 'KiB', gzip(main)),
      figure('bytes', `bytes.site.${page.id}.paint.gzip`, `${page.name}: loaded before the recording shows (+ validator, wavesurfer.js), gzip`, 'KiB', gzip(beforePaint)),
    );
    detail[page.id] = { imports: page.imports, main: [...main].map((f) => relative(dir, join(workDir, f))), beforePaint: [...beforePaint].length };
  }
  // A page with only some parts must load less than the whole player.
  const of = (id) => figures.find((f) => f.id === id)?.value;
  const parts = of('bytes.site.parts.gzip');
  const player = of('bytes.site.player.gzip');
  if (parts !== undefined && player !== undefined) {
    figures.push(figure('bytes', 'bytes.site.parts.share', 'timeline + transport: main entry as a share of the default player’s', '%', (100 * parts) / player));
  }
  return { figures, detail };
}
