/**
 * The JSX and template types the package ships for React, Preact, Vue, Svelte and Solid
 * (space-replay/jsx, /vue, /svelte, /solid; generated from custom-elements.json), type-checked
 * from the packed tarball by a small app (apps/framework-types) the way each framework's docs
 * use them. Each file also holds uses the types must refuse (`@ts-expect-error`), so types that
 * accept anything fail too; and it checks that HTMLElementTagNameMap and the event maps cover
 * every element and event.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, test } from 'node:test';
import { prepareApp, ROOT } from './consumer-apps.js';

const exec = promisify(execFile);

export function describeFrameworkTypes(setup: () => { tarball: string }): void {
  describe('the JSX and template types for React, Preact, Vue, Svelte and Solid', () => {
    test('type-check in an app from the packed tarball, and refuse wrong props and event details', async () => {
      const app = await prepareApp('framework-types', setup().tarball);
      await exec(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(app, 'tsconfig.json')]).catch((error: { stdout?: string }) => {
        assert.fail(`tsc reports:\n${error.stdout ?? error}`);
      });
    });
  });
}
