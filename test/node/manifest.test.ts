import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MANIFEST_SCHEMA_ID, parseManifest, ROLES } from '../../src/manifest/index.js';
import { generateManifestJsonSchema, SCHEMA_FILE } from '../../scripts/gen-schema.js';
import { fullManifest } from '../manifest/fixtures.js';

function runGenSchema(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/gen-schema.ts', ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('the manifest module imports and parses in Node', () => {
  const result = parseManifest(JSON.stringify(fullManifest()), { baseUrl: 'file:///srv/recordings/launch/manifest.json' });
  assert.equal(result.ok, true);
  if (!result.ok) return;
  assert.equal(result.manifest.audio[0]!.url, 'file:///srv/recordings/launch/audio/index.m3u8');
  assert.equal(result.manifest.audio[0]!.type, 'application/vnd.apple.mpegurl');
  assert.deepEqual(result.warnings, []);
});

test('the committed JSON Schema is what the valibot schema generates', () => {
  const committed = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
  assert.deepEqual(committed, generateManifestJsonSchema());
});

test('the JSON Schema is a 2020-12 document with an id, and every $ref resolves', () => {
  const schema = generateManifestJsonSchema() as Record<string, any>;
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.equal(schema.$id, MANIFEST_SCHEMA_ID);
  assert.equal(schema.title, 'space-replay manifest v1');
  assert.ok(schema.description.length > 0);
  const refs = JSON.stringify(schema).match(/"\$ref":"[^"]+"/g) ?? [];
  assert.ok(refs.length > 0);
  for (const ref of refs) {
    const name = ref.slice('"$ref":"#/$defs/'.length, -1);
    assert.ok(schema.$defs[name], `${ref} resolves`);
  }
  assert.deepEqual(schema.required, ['version', 'id', 'title', 'status', 'startedAt', 'duration', 'audio', 'recording', 'participants']);
  assert.deepEqual(schema.$defs.Participant.properties.role.examples, [...ROLES]);
  assert.deepEqual(schema.$defs.Participant.properties.consent.required, ['record', 'clip']);
  assert.deepEqual(schema.properties.transcripts.items.properties.data.anyOf, [
    { $ref: '#/$defs/NormalizedTranscript' },
    { $ref: '#/$defs/PodcastTranscript' },
  ]);
});

test('gen-schema --check passes on the committed file and fails clearly on a stale one', () => {
  const fresh = runGenSchema('--check');
  assert.equal(fresh.status, 0, fresh.stderr);
  assert.match(fresh.stdout, /is up to date/);

  const stale = join(mkdtempSync(join(tmpdir(), 'space-replay-schema-')), 'stale.schema.json');
  writeFileSync(stale, readFileSync(SCHEMA_FILE, 'utf8').replace('"maxItems": 16', '"maxItems": 17'));
  const failed = runGenSchema('--check', '--file', stale);
  assert.equal(failed.status, 1);
  assert.match(failed.stderr, /is stale: src\/manifest\/schema\.ts generates something else \(first difference at line \d+\)\. Run `npm run schema`/);

  const missing = runGenSchema('--check', '--file', `${stale}.missing`);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /is missing/);
});

/** The ```json blocks of docs/manifest.md that follow an HTML comment `<!-- label -->`. */
function docBlocks(label: string): unknown[] {
  const doc = readFileSync('docs/manifest.md', 'utf8');
  const blocks: unknown[] = [];
  const pattern = new RegExp(`<!-- ${label} -->\\n\`\`\`json\\n([\\s\\S]*?)\\n\`\`\``, 'g');
  for (const m of doc.matchAll(pattern)) blocks.push(JSON.parse(m[1]!));
  return blocks;
}

test('the examples in docs/manifest.md are what the validator says', () => {
  const valid = docBlocks('valid manifest');
  assert.equal(valid.length, 3);
  for (const manifest of valid) {
    const result = parseManifest(manifest);
    assert.deepEqual(result.ok ? [] : result.errors, []);
    assert.deepEqual(result.warnings, []);
  }
  const [input] = docBlocks('example input');
  const [output] = docBlocks('example output');
  assert.deepEqual(parseManifest(JSON.stringify(input, null, 2)), output);
});
