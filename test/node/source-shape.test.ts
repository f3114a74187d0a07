// The shape of src/: no import cycles (type-only and dynamic imports count: a cycle of types is
// still two files that cannot be read one after the other), no file over about 400 lines, and
// nothing in src/model/ importing from src/manifest/ or from a DOM layer.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
const MAX_LINES = 400;

/** Longer files, each one concept, kept whole on purpose. */
const LONG_FILES: Record<string, string> = {
  'model/peaks.ts': 'the audiowaveform format: decoding (JSON and .dat), downsampling and the streaming builder share its checks',
};

function sources(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, found);
    else if (name.endsWith('.ts')) found.push(path);
  }
  return found;
}

// `import … from`, `import type … from`, `export … from`, side-effect `import '…'` and `import('…')`.
const IMPORT = /(?:^|[;\s])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,]+?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]|\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/** Each source file's relative imports, resolved to files. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources(SRC)) {
    const code = readFileSync(file, 'utf8');
    const targets: string[] = [];
    for (const m of code.matchAll(IMPORT)) {
      const spec = (m[1] ?? m[2])!;
      const base = resolve(dirname(file), spec).replace(/\.js$/, '');
      const target = [`${base}.ts`, `${base}.d.ts`].find((f) => existsSync(f));
      if (target) targets.push(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** Strongly connected components with more than one file (Tarjan), each as sorted relative paths. */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(relative(SRC, w));
    } while (w !== v);
    if (component.length > 1 || graph.get(v)?.includes(v)) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

test('src has no import cycles', () => {
  const found = cycles(importGraph()).map((c) => c.join(' -> '));
  assert.deepEqual(found, [], `import cycles in src/:\n${found.join('\n')}`);
});

test('the cycle check finds a cycle of type-only and dynamic imports', () => {
  const a = join(SRC, 'a.ts');
  const b = join(SRC, 'b.ts');
  const c = join(SRC, 'c.ts');
  assert.deepEqual(cycles(new Map([[a, [b]], [b, [c]], [c, [a]]])), [['a.ts', 'b.ts', 'c.ts']]);
  const code = `import type { X } from './x.js';\nexport { y } from "../y.js";\nimport './z.js';\nconst m = () => import('./w.js');`;
  assert.deepEqual([...code.matchAll(IMPORT)].map((m) => m[1] ?? m[2]), ['./x.js', '../y.js', './z.js', './w.js']);
});

test(`no file in src is over ${MAX_LINES} lines`, () => {
  const long = sources(SRC)
    .map((file) => ({ file: relative(SRC, file), lines: readFileSync(file, 'utf8').split('\n').length - 1 }))
    .filter(({ file, lines }) => lines > MAX_LINES && !(file in LONG_FILES));
  assert.deepEqual(long, [], `split these files (one concept per file):\n${long.map((l) => `${l.file}: ${l.lines} lines`).join('\n')}`);
});

test('src/model imports nothing from src/manifest, the controllers or the elements', () => {
  const graph = importGraph();
  const wrong: string[] = [];
  for (const [file, targets] of graph) {
    if (!relative(SRC, file).startsWith('model/')) continue;
    for (const target of targets) {
      const layer = relative(SRC, target).split('/')[0];
      if (layer !== 'model') wrong.push(`${relative(SRC, file)} -> ${relative(SRC, target)}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('every customElements.define call of the library build is in an entry file listed in sideEffects', async () => {
  const root = resolve(SRC, '..');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { sideEffects: string[] };
  const listed = pkg.sideEffects.map((p) => new RegExp(`^${p.replace(/^\.\//, '').replace(/[.]/g, '\\.').replace(/\*/g, '[^/]*')}$`));
  const { rollup } = await import('rollup');
  const configs = (await import(join(root, 'rollup.config.js'))).default as { input: Record<string, string>; output: { dir: string } }[];
  const library = configs.find((c) => c.output.dir === 'dist' && typeof c.input === 'object' && 'index' in c.input)!;
  const bundle = await rollup({ ...library, onwarn: () => {} } as never);
  try {
    const { output } = await bundle.generate(library.output as never);
    const defining = output.filter((c) => c.type === 'chunk' && /customElements\.define\(/.test(c.code)) as { fileName: string; isEntry: boolean }[];
    assert.ok(defining.length >= 12, `define calls found in ${defining.length} files`);
    const misplaced = defining.filter((c) => !c.isEntry || !listed.some((re) => re.test(`dist/${c.fileName}`))).map((c) => c.fileName);
    assert.deepEqual(misplaced, []);
  } finally {
    await bundle.close();
  }
});
