/** The manifest's optional `license`: SPDX identifiers and simple expressions, or a URL under rule 8. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listManifestUrls, parseManifest } from '../../src/manifest/index.js';
import { minimalManifest } from '../manifest/fixtures.js';

const BASE = 'https://rec.example.com/launch/manifest.json';

function parseWith(license: unknown) {
  return parseManifest({ ...minimalManifest(), license }, { baseUrl: BASE });
}

test('SPDX identifiers and AND/OR/WITH expressions are kept as written', () => {
  for (const license of ['CC-BY-4.0', 'CC0-1.0', 'GPL-2.0+', 'MIT OR Apache-2.0', 'GPL-2.0-only WITH Classpath-exception-2.0', 'LicenseRef-acme-talks']) {
    const result = parseWith(license);
    assert.ok(result.ok, `${license}: ${JSON.stringify(!result.ok && result.errors)}`);
    assert.equal(result.manifest.license, license);
  }
});

test('a license URL follows rule 8 and is resolved like every manifest URL', () => {
  const relative = parseWith('licenses/talks-v1.html');
  assert.ok(relative.ok);
  assert.equal(relative.manifest.license, 'https://rec.example.com/launch/licenses/talks-v1.html');
  const absolute = parseManifest({ ...minimalManifest(), license: 'https://example.org/licence' });
  assert.ok(absolute.ok);
  assert.deepEqual(listManifestUrls(absolute.manifest).at(-1), { path: 'license', url: 'https://example.org/licence' });
  // An SPDX identifier is not a URL: it is not listed or resolved.
  const spdx = parseWith('CC-BY-4.0');
  assert.ok(spdx.ok);
  assert.ok(!listManifestUrls(spdx.manifest).some((u) => u.path === 'license'));
});

test('anything else is one error at license that says what is wrong', () => {
  const cases: [unknown, RegExp][] = [
    ['javascript:alert(1)', /^scheme "javascript:" is not allowed/],
    ['http://example.com/licence', /^http: is allowed on localhost only/],
    ['CC BY 4.0', /is neither an SPDX license identifier like "CC-BY-4\.0" \(or an expression like "MIT OR Apache-2\.0"\) nor a URL$/],
    ['(MIT OR Apache-2.0)', /is neither an SPDX license identifier/],
    ['', /^must not be empty/],
    ['x'.repeat(501), /^501 characters, more than the 500 allowed/],
    [5, /^expected string/],
  ];
  for (const [license, message] of cases) {
    const result = parseWith(license);
    assert.equal(result.ok, false, String(license));
    if (result.ok) continue;
    assert.equal(result.errors.length, 1, JSON.stringify(result.errors));
    assert.equal(result.errors[0]!.path, 'license');
    assert.match(result.errors[0]!.message, message);
  }
});
