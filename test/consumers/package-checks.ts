/**
 * The packed tarball itself: what it holds, and what the linters of published packages say of it
 * (publint for package.json and its files; Are the Types Wrong? for the types each entry resolves
 * to, with its `esm-only` profile since the package ships no CommonJS).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, test } from 'node:test';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { ROOT, unpack, WORK } from './consumer-apps.js';

const exec = promisify(execFile);
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);

/** What may be published: the code, its types, the schemas, the docs and the element manifest. */
const PUBLISHED = /^(package\.json|README\.md|LICENSE|custom-elements\.json|dist\/.+\.(js|d\.ts|html)|dist\/embed\.css|schema\/[\w-]+\.schema\.json|docs\/[\w-]+\.md|docs\/images\/[\w-]+\.png)$/;

export function describePackageChecks(setup: () => { tarball: string }): void {
  describe('the packed tarball', () => {
    test('holds only code, types, schemas, docs and the element manifest (no tests, fixtures, caches or sources)', async () => {
      const { stdout } = await exec('tar', ['-tzf', setup().tarball], { maxBuffer: 16 * 1024 * 1024 });
      const files = stdout.split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
      assert.deepEqual(files.filter((f) => !PUBLISHED.test(f) || /(^|\/)(test|fixtures|\.cache)\//.test(f)), []);
      for (const needed of ['dist/index.js', 'dist/cli.js', 'dist/cdn/space-replay.js', 'custom-elements.json', 'schema/manifest-v1.schema.json']) {
        assert.ok(files.includes(needed), `${needed} is published`);
      }
    });

    test('custom-elements.json is reachable as space-replay/custom-elements.json, where IDEs look', async () => {
      const app = join(WORK, 'resolve');
      await unpack(setup().tarball, join(app, 'node_modules', 'space-replay'));
      const require = createRequire(join(app, 'index.js'));
      const path = require.resolve('space-replay/custom-elements.json');
      const manifest = JSON.parse(await readFile(path, 'utf8')) as { schemaVersion: string; modules: { path: string }[] };
      assert.ok(manifest.schemaVersion && manifest.modules.length > 0);
      for (const { path: module } of manifest.modules) assert.ok(existsSync(join(dirname(path), module)), `its module ${module} is in the package`);
      const pkg = JSON.parse(await readFile(require.resolve('space-replay/package.json'), 'utf8')) as { customElements: string };
      assert.equal(pkg.customElements, 'custom-elements.json');
    });

    test('publint finds nothing to fix', async () => {
      const { stdout } = await exec(bin('publint'), ['run', setup().tarball, '--strict']);
      assert.match(stdout, /All good!/);
    });

    test('Are the Types Wrong? resolves the types of every entry (esm-only profile)', async () => {
      await exec(bin('attw'), [setup().tarball, '--profile', 'esm-only', '--format', 'ascii']).catch((error: { stdout?: string }) => {
        assert.fail(`attw reports problems:\n${error.stdout ?? error}`);
      });
    });
  });
}
