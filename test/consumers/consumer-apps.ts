/**
 * Small consumer apps built the way a site builds with space-replay: the package comes from the
 * tarball `npm pack` makes (not from src/), each app's `main.js` is the README's `import
 * 'space-replay'`, and each bundler makes a production build. The apps live in
 * test/consumers/apps/; they are copied into .cache/consumers/ with the tarball unpacked as their
 * `node_modules/space-replay`. The package's own dependencies (lit, hls.js, wavesurfer.js, …)
 * resolve from the repository's node_modules, one folder further up, so nothing is installed.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

const exec = promisify(execFile);
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const APPS = join(ROOT, 'test', 'consumers', 'apps');
export const WORK = join(ROOT, '.cache', 'consumers');

/** Builds the package and packs it as a user's `npm i space-replay` would get it; resolves to the tarball's path. */
export async function packPackage(): Promise<string> {
  await rm(WORK, { recursive: true, force: true });
  await mkdir(WORK, { recursive: true });
  await exec('npm', ['run', 'build'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  const { stdout } = await exec('npm', ['pack', '--json', '--pack-destination', WORK], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
  return join(WORK, filename);
}

/** Unpacks the tarball into `dir` (made if missing), as npm would install it; resolves to `dir`. */
export async function unpack(tarball: string, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  await exec('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1']);
  return dir;
}

/**
 * React 18 and its types, which npm installs under the `apps/react18` workspace (the repository's
 * own React is 19), with `@lit/react` copied beside them so that its types, too, see React 18's.
 */
const REACT_18 = ['react', 'react-dom', 'scheduler', '@types/react', '@types/react-dom'];

/**
 * Copies the app `name` into .cache/consumers/ (as `as`, default `name`) with the tarball unpacked as
 * its `node_modules/space-replay`; with `react: 18` the app gets React 18 in its own node_modules.
 * Resolves to the app's folder.
 */
export async function prepareApp(name: string, tarball: string, options: { as?: string; react?: 18 } = {}): Promise<string> {
  const dir = join(WORK, options.as ?? name);
  await cp(join(APPS, name), dir, { recursive: true });
  await unpack(tarball, join(dir, 'node_modules', 'space-replay'));
  if (options.react === 18) {
    const from = join(APPS, 'react18', 'node_modules');
    if (!existsSync(join(from, 'react'))) throw new Error(`React 18 is missing from ${from}: run npm install (apps/react18 is a workspace of the repository)`);
    for (const pkg of REACT_18) await cp(join(from, pkg), join(dir, 'node_modules', pkg), { recursive: true });
    await cp(join(ROOT, 'node_modules', '@lit', 'react'), join(dir, 'node_modules', '@lit', 'react'), { recursive: true });
  }
  return dir;
}

/** A production build with Vite (its JavaScript API, as `vite build` runs it); resolves to the output folder. */
export async function buildWithVite(dir: string): Promise<string> {
  const { build } = await import('vite');
  const outDir = join(dir, 'dist');
  await build({ root: dir, configFile: false, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** A production build with Rollup 4, @rollup/plugin-node-resolve (browser field on) and @rollup/plugin-terser, code-split ESM. */
export async function buildWithRollup(dir: string): Promise<string> {
  const { rollup } = await import('rollup');
  const { default: nodeResolve } = await import('@rollup/plugin-node-resolve');
  const { default: terser } = await import('@rollup/plugin-terser');
  const outDir = join(dir, 'dist');
  const bundle = await rollup({ input: join(dir, 'main.js'), plugins: [nodeResolve({ browser: true }), terser()], onwarn: () => {} });
  await bundle.write({ dir: outDir, format: 'es', entryFileNames: 'main.js', chunkFileNames: '[name]-[hash].js' });
  await bundle.close();
  await cp(join(dir, 'index.html'), join(outDir, 'index.html'));
  return outDir;
}

/** A production build with webpack 5 (`mode: 'production'`, its defaults otherwise). */
export async function buildWithWebpack(dir: string): Promise<string> {
  const { default: webpack } = await import('webpack');
  const outDir = join(dir, 'dist');
  const compiler = webpack({ mode: 'production', context: dir, entry: './main.js', output: { path: outDir, filename: 'main.js' } });
  await new Promise<void>((done, failed) =>
    compiler.run((error, stats) => {
      compiler.close(() => {});
      if (error) failed(error);
      else if (stats?.hasErrors()) failed(new Error(stats.toString({ all: false, errors: true })));
      else done();
    }),
  );
  await cp(join(dir, 'index.html'), join(outDir, 'index.html'));
  return outDir;
}

/** The JavaScript files of a build, with their text, paths relative to `outDir`. */
export async function scriptsOf(outDir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(outDir.length + 1), await readFile(path, 'utf8'));
  }
  return files;
}

/** The script index.html loads first (`src` of its one script tag), relative to the output folder. */
export async function entryScriptOf(outDir: string): Promise<string> {
  const html = await readFile(join(outDir, 'index.html'), 'utf8');
  const src = /<script\b[^>]*\bsrc="([^"]+)"/.exec(html)?.[1];
  if (!src) throw new Error(`${outDir}/index.html loads no script`);
  return src.replace(/^\.?\//, '');
}

/**
 * Whether a script holds hls.js. Event names are string values, so they survive minification:
 * `hlsManifestParsed` is in every hls.js build and nowhere else in the package.
 */
export const holdsHlsJs = (code: string): boolean => code.includes('hlsManifestParsed');

/** Gzip bytes of the scripts a page loads before anything lazy: the entry and what it imports statically. */
export function initialBytes(scripts: Map<string, string>, entry: string): number {
  const seen = new Set<string>();
  const visitScript = (path: string) => {
    if (seen.has(path) || !scripts.has(path)) return;
    seen.add(path);
    const code = scripts.get(path)!;
    const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
    // Static imports only (`import"./x.js"`, `from"./x.js"`); `import("./x.js")` is lazy.
    for (const [, spec] of code.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+\.js)["']/g)) visitScript(folder + spec);
  };
  visitScript(entry);
  return [...seen].reduce((sum, path) => sum + gzipSync(scripts.get(path)!).length, 0);
}
