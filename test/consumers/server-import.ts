/**
 * The packed package on a server: what Next.js, Astro, SvelteKit or Nuxt do while rendering a page
 * is `import('space-replay')` (and the other entries) in Node. Each entry is imported from the
 * unpacked tarball in a Node process of its own, twice:
 * - as such a server has it: Node with Lit's `node` build, whose DOM shim registers elements;
 * - with no `document`, `window`, `localStorage` or `customElements` at all (the globals are
 *   getters that answer `undefined` and refuse to be set, so not even Lit's shim can add a
 *   registry): any use of one at module evaluation throws, and the import fails.
 * Either way the package reads those globals only to guard (the define files look for a registry,
 * the embed host for a window), and leaves no timer or handle behind: importing
 * `space-replay/embed-host` installs nothing.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, test } from 'node:test';
import { unpack, WORK } from './consumer-apps.js';

const exec = promisify(execFile);

/** Every entry `package.json` exports that is code, with `parts/*` expanded to the parts shipped. */
async function entryNames(app: string): Promise<string[]> {
  const pkgDir = join(app, 'node_modules', 'space-replay');
  const pkg = JSON.parse(await readFile(join(pkgDir, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
  const names: string[] = [];
  for (const key of Object.keys(pkg.exports)) {
    if (key.endsWith('.json')) continue;
    if (key === './parts/*') {
      const { stdout } = await exec('ls', [join(pkgDir, 'dist', 'parts')]);
      for (const file of stdout.split('\n').filter((f) => f.endsWith('.js'))) names.push(`space-replay/parts/${file.slice(0, -3)}`);
    } else names.push(key === '.' ? 'space-replay' : `space-replay/${key.slice(2)}`);
  }
  return names;
}

/**
 * The script each Node process runs: optionally removes the browser globals, imports the entry,
 * and prints what it saw as JSON (the error, the globals read, the elements registered).
 */
const PROBE = `
const [entry, mode] = process.argv.slice(2);
const read = [];
if (mode === 'bare') {
  for (const name of ['document', 'window', 'localStorage', 'customElements']) {
    // Only the package's own reads count: Lit and media-captions look for a document to pick their server build.
    const own = () => (new Error().stack.split('\\n')[3] ?? '').includes('node_modules/space-replay/dist/');
    Object.defineProperty(globalThis, name, { configurable: true, get() { if (own()) read.push(name); return undefined; }, set() {} });
  }
}
let error = null;
try {
  await import(entry);
} catch (e) {
  error = String(e && e.stack || e);
}
const registry = mode === 'bare' ? undefined : globalThis.customElements;
const defined = registry ? ['space-replay', 'space-replay-list', 'space-replay-provider', 'space-replay-transcript'].filter((n) => registry.get(n)) : [];
process.stdout.write(JSON.stringify({ error, read, defined, handles: process.getActiveResourcesInfo().filter((r) => !['TTYWrap', 'PipeWrap', 'CloseReq'].includes(r)) }));
`;

interface ProbeResult {
  error: string | null;
  read: string[];
  defined: string[];
  handles: string[];
}

async function probe(app: string, entry: string, mode: 'node' | 'bare'): Promise<ProbeResult> {
  const { stdout } = await exec(process.execPath, ['probe.mjs', entry, mode], { cwd: app, timeout: 60_000 });
  return JSON.parse(stdout) as ProbeResult;
}

export function describeServerImport(setup: () => { tarball: string }): void {
  describe('every entry imports on a server (Node, no DOM)', () => {
    let app: string;
    let entries: string[];

    test('the package exports the entries this suite imports', async () => {
      app = join(WORK, 'server-import');
      await unpack(setup().tarball, join(app, 'node_modules', 'space-replay'));
      await writeFile(join(app, 'probe.mjs'), PROBE);
      // An app of its own: without it, Node resolves `space-replay` to the repository itself (a package may import itself by name).
      await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'server-app', private: true, type: 'module' }));
      entries = await entryNames(app);
      for (const expected of ['space-replay', 'space-replay/list', 'space-replay/embed-host', 'space-replay/parts/provider', 'space-replay/manifest']) {
        assert.ok(entries.includes(expected), `${expected} is exported`);
      }
    });

    test('with Lit’s DOM shim (as a server renders): each imports, and the element entries register their elements', async () => {
      for (const entry of entries) {
        const result = await probe(app, entry, 'node');
        assert.equal(result.error, null, `${entry} throws on import in Node`);
        if (entry === 'space-replay') assert.deepEqual(result.defined.includes('space-replay'), true, 'space-replay is registered in the shim, for @lit-labs/ssr');
      }
    });

    test('with no document, window, localStorage or customElements: each imports, reads none but the registry guard, registers nothing and installs nothing', async () => {
      for (const entry of entries) {
        const result = await probe(app, entry, 'bare');
        assert.equal(result.error, null, `${entry} uses a browser global on import`);
        // The define files look for a registry; nothing else may look at these globals.
        assert.deepEqual(
          result.read.filter((name) => name !== 'customElements' && !(entry === 'space-replay/embed-host' && name === 'window')),
          [],
          `${entry} reads browser globals on import`,
        );
        // An event listener or timer left behind would keep a handle (a listener on a missing window cannot be added at all).
        assert.deepEqual(result.handles, [], `${entry} leaves work running after import`);
      }
    });
  });
}
