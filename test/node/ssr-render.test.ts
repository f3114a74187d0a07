// `<space-replay src>` through @lit-labs/ssr in Node, as a server renders a page
// (scripts/ssr-render.ts): no throw, declarative shadow roots, and the loading placeholder in them,
// so the page paints it before any script runs. test/ssr/hydrate.test.ts hydrates this HTML in the
// browsers.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const exec = promisify(execFile);

async function render(src: string): Promise<string> {
  const { stdout } = await exec(process.execPath, ['--import', 'tsx', 'scripts/ssr-render.ts', src], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

test('a player with a src renders to declarative shadow DOM with its loading placeholder', async () => {
  const html = await render('/rooms/42/manifest.json?x="<b>"');
  assert.match(html, /^<!--lit-part [^>]*-->(<!--lit-node 0-->)?<space-replay\s+src="\/rooms\/42\/manifest\.json\?x=&quot;&lt;b&gt;&quot;"/);
  assert.match(html, /<template shadowroot="open" shadowrootmode="open">/);
  assert.match(html, /<space-replay-status[^>]* loading defer-hydration>/);
  assert.match(html, /<div part="skeleton" class="skeleton" role="status">/);
  assert.match(html, /aria-busy="true"/);
  // The bones of the header, waveform, controls and speakers.
  assert.equal(html.match(/class="bone /g)?.length, 4);
});
