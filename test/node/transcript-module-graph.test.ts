// The transcript model's modules import each other without cycles (type-only imports count: a
// cycle of types still ties two files together). Read from the sources, so it costs nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../src/model/transcript/', import.meta.url));
const IMPORT = /(?:import|export)\s[^;]*?from\s+'\.\/([^']+)\.js'/g;

test('src/model/transcript has no import cycles', () => {
  const graph = new Map<string, string[]>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(dir + file, 'utf8');
    graph.set(file.slice(0, -3), [...source.matchAll(IMPORT)].map((m) => m[1]!));
  }
  const cycles: string[] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (name: string): void => {
    const at = path.indexOf(name);
    if (at !== -1) {
      cycles.push([...path.slice(at), name].join(' → '));
      return;
    }
    if (done.has(name)) return;
    path.push(name);
    for (const next of graph.get(name) ?? []) visit(next);
    path.pop();
    done.add(name);
  };
  for (const name of graph.keys()) visit(name);
  assert.deepEqual(cycles, []);
});
