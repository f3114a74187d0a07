/**
 * `space-replay/react` as a React site uses it: a Vite + React + TypeScript app (apps/vite-react)
 * built from the packed tarball. It type-checks against the tarball's types (including props and
 * event details the types must refuse), builds, keeps hls.js and the unused components out of its
 * entry, and plays in Chromium with its `onSpaceReplayReady` prop called. The same app without the
 * player (apps/react-baseline) gives the bytes space-replay adds. A server-rendered React app
 * (apps/react-ssr: react-dom/server in Node, then hydrateRoot) checks the components import and
 * render on a server and come alive in the browser.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readFile, writeFile } from 'node:fs/promises';
import { build as esbuild } from 'esbuild';
import { before, describe, test } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { entryScriptOf, holdsHlsJs, initialBytes, prepareApp, ROOT, scriptsOf } from './consumer-apps.js';
import { visit } from './play-in-browsers.js';

const exec = promisify(execFile);
const RECORDINGS = join(ROOT, 'demo', 'recordings');

/** A production build with Vite and @vitejs/plugin-react; resolves to the output folder. */
export async function buildWithViteReact(dir: string): Promise<string> {
  const { build } = await import('vite');
  const { default: react } = await import('@vitejs/plugin-react');
  const outDir = join(dir, 'dist');
  await build({ root: dir, configFile: false, logLevel: 'silent', plugins: [react()], build: { outDir, emptyOutDir: true } });
  return outDir;
}

type Setup = () => { tarball: string; browsers: Map<string, Browser> };

/**
 * The Vite + React app, with the repository's React 19 or with React 18 (`react: 18`, from the
 * apps/react18 workspace). The bytes it adds are measured once, with React 19.
 */
export function describeReactApps(setup: Setup, react: 18 | 19 = 19): void {
  describe(`a Vite + React ${react} + TypeScript app of space-replay/react's <SpaceReplay>`, () => {
    let app: string;
    let site: string;
    let scripts: Map<string, string>;
    let entry: string;

    before(async () => {
      app = await prepareApp('vite-react', setup().tarball, react === 18 ? { as: 'vite-react-18', react } : {});
      site = await buildWithViteReact(app);
      scripts = await scriptsOf(site);
      entry = await entryScriptOf(site);
    });

    test('type-checks against the packed types, which refuse a wrong detail, prop value or prop type', async () => {
      await exec(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(app, 'tsconfig.json')]).catch((error: { stdout?: string }) => {
        assert.fail(`tsc reports:\n${error.stdout ?? error}`);
      });
    });

    test('keeps hls.js and the components it does not use out of its entry, and reports the bytes it adds', async (t) => {
      if (react === 18) return t.skip('measured with React 19');
      const entryCode = scripts.get(entry)!;
      assert.ok(entryCode.includes('space-replay'), 'the entry registers <space-replay>');
      assert.ok(!holdsHlsJs(entryCode), 'hls.js is not in the entry');
      assert.equal([...scripts.values()].filter(holdsHlsJs).length, 1, 'hls.js is in exactly one chunk');
      assert.ok(!entryCode.includes('space-replay-list'), 'the unused <SpaceReplayList> (and its element) is not in the entry');
      const baseline = await buildWithViteReact(await prepareApp('react-baseline', setup().tarball));
      const baseScripts = await scriptsOf(baseline);
      const withPlayer = initialBytes(scripts, entry);
      const without = initialBytes(baseScripts, await entryScriptOf(baseline));
      const added = withPlayer - without;
      t.diagnostic(`initial JavaScript: ${withPlayer} B gzip with <SpaceReplay>, ${without} B without; space-replay adds ${added} B (${(added / 1024).toFixed(1)} KiB)`);
      assert.ok(added > 0 && added <= 35 * 1024, `space-replay adds at most 35 KiB gzip to a React app's first load (adds ${added} B)`);
    });

    test(`plays in Chromium on React ${react} and calls its onSpaceReplayReady prop`, async (t) => {
      const browser = setup().browsers.get('chromium');
      if (!browser) return t.skip('chromium is not installed');
      const result = await visit(browser, site, RECORDINGS);
      assert.deepEqual(result.errors, [], 'no page errors');
      assert.ok(result.registered, "customElements.get('space-replay') is defined");
      assert.ok(result.currentTime > 0.5, 'the recording played');
      assert.equal(result.readyTitle, 'Maintainers AMA: shipping a web component library', 'the onSpaceReplayReady prop got the manifest');
      assert.equal(result.reactMajor, String(react), 'the page ran the React it was built with');
    });
  });
}

/** Renders apps/react-ssr's tree with react-dom/server in a Node process of its own; resolves to the HTML. */
async function renderOnServer(app: string): Promise<string> {
  const script = join(app, 'render.mjs');
  // The package and React stay imports, resolved by Node as a server resolves them (lit's Node build).
  await esbuild({ entryPoints: [join(app, 'render.tsx')], outfile: script, bundle: true, packages: 'external', platform: 'node', format: 'esm', jsx: 'automatic', logLevel: 'silent' });
  const { stdout } = await exec(process.execPath, [script], { cwd: app });
  return stdout;
}

export function describeServerRenderedApp(setup: Setup, react: 18 | 19 = 19): void {
  describe(`a server-rendered React ${react} app (react-dom/server, then hydrateRoot)`, () => {
    let site: string;
    let serverHtml: string;

    before(async () => {
      const app = await prepareApp('react-ssr', setup().tarball, react === 18 ? { as: 'react-ssr-18', react } : {});
      site = await buildWithViteReact(app);
      serverHtml = await renderOnServer(app);
      const page = join(site, 'index.html');
      await writeFile(page, (await readFile(page, 'utf8')).replace('<!--app-->', serverHtml));
    });

    test('imports space-replay/react in Node and renders the <space-replay> tag', () => {
      assert.match(serverHtml, new RegExp(`^<main data-ready-title="" data-react="${react}"><space-replay[ >][\\s\\S]*</space-replay></main>$`));
    });

    test('hydrates without a mismatch, then plays in Chromium with onSpaceReplayReady called', async (t) => {
      const browser = setup().browsers.get('chromium');
      if (!browser) return t.skip('chromium is not installed');
      const result = await visit(browser, site, RECORDINGS);
      assert.deepEqual(result.errors, [], 'no page errors (React reports a hydration mismatch as one)');
      assert.ok(result.currentTime > 0.5, 'the recording played');
      assert.equal(result.readyTitle, 'Maintainers AMA: shipping a web component library');
      assert.equal(result.reactMajor, String(react), 'the page ran the React it was built with');
    });
  });
}
