/**
 * An analyzer plugin (custom-elements-manifest.config.js) that makes custom-elements.json describe
 * what the package ships and a page can use, for IDEs, Storybook and the generated framework types:
 * - only public members and attributes (Lit's `state: true` properties and `_fields` are internal);
 * - every event an element's files fire, typed with its detail from src/events.ts's map;
 * - every part name an element exposes: its JSDoc `@csspart`s, plus the `part="…"` and
 *   `exportparts` names its templates use, and the `[part~='…']` names its styles select (`play-button`, `retry-button`, … reach the player
 *   through exportparts);
 * - module paths at the dist/ entries that export the classes, not at src/*.ts;
 * - only the modules that define elements.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The shipped entry that exports each element's class (see rollup.config.js and package.json exports). */
export const ENTRY_OF_TAG = {
  'space-replay': 'dist/player.js',
  'space-replay-list': 'dist/list.js',
  'space-replay-transcript': 'dist/transcript-panel.js',
  'space-replay-clip-editor': 'dist/parts/clip-tools.js',
};
const entryOf = (tag) => ENTRY_OF_TAG[tag] ?? `dist/parts/${tag.replace(/^space-replay-/, '')}.js`;

/** `name → {type, description}` from `SpaceReplayEventMap` in src/events.ts (one entry per line, its JSDoc above it). */
export function eventTypes(root) {
  const source = readFileSync(join(root, 'src', 'events.ts'), 'utf8');
  const map = source.slice(source.indexOf('export interface SpaceReplayEventMap'), source.indexOf('\n}', source.indexOf('export interface SpaceReplayEventMap')));
  const types = new Map();
  for (const [, doc, name, type] of map.matchAll(/\/\*\*([\s\S]*?)\*\/\s*'(space-replay-[a-z-]+)': (CustomEvent<.*>);/g)) {
    types.set(name, { type, description: doc.replace(/^\s*\*\s?/gm, '').replace(/\s+/g, ' ').trim() });
  }
  return types;
}

function sourcesOf(root, modulePath) {
  const folder = join(root, dirname(modulePath));
  return readdirSync(folder)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join(folder, f), 'utf8'))
    .join('\n');
}

/** Event names in the `emit(…)` and `new CustomEvent(…)` calls of `code` (a call may pick one of two: `cond ? 'a' : 'b'`). */
function firedIn(code) {
  const names = new Set();
  for (const call of code.matchAll(/(?:\bemit\(|new CustomEvent\()[^\n]*/g)) {
    for (const [, name] of call[0].slice(0, 200).matchAll(/'(space-replay-[a-z-]+)'/g)) names.add(name);
  }
  return names;
}

/** Part names in `part="…"` attributes and `exportparts` lists (`inner: outer` gives `outer`) of `code`. */
function partsIn(code) {
  const names = new Set();
  for (const [, list] of code.matchAll(/\bpart="([a-z0-9 -]+)"/g)) for (const n of list.split(/\s+/)) if (n) names.add(n);
  // part=${active ? 'highlight active' : 'highlight'}: the names in its string literals.
  for (const [, expression] of code.matchAll(/\bpart=\$\{([^}]*)\}/g)) {
    for (const [, list] of expression.matchAll(/'([a-z0-9 -]+)'/g)) for (const n of list.split(/\s+/)) if (n) names.add(n);
  }
  // Names set from script (a word's `current`, `played`, …), which the element's styles select.
  for (const [, name] of code.matchAll(/\[part~=['"]([a-z0-9-]+)['"]\]/g)) names.add(name);
  for (const [, list] of code.matchAll(/\bexportparts="([a-z0-9 ,:-]+)"/g)) {
    for (const item of list.split(',')) {
      const name = item.split(':').pop().trim();
      if (name) names.add(name);
    }
  }
  for (const [, list] of code.matchAll(/^\s+[a-zA-Z]+:\s*\n?\s*'([a-z0-9 ,:-]+)',?$/gm)) {
    for (const item of list.split(',')) {
      const name = item.split(':').pop().trim();
      if (name) names.add(name);
    }
  }
  return names;
}

/**
 * The part names `<space-replay>` re-exports from each part it lays out (`<space-replay-header
 * exportparts=${PARTS.header}>`): a part also has these, set at run time (`badge ${status}`).
 */
function exportedByPlayer(root) {
  const code = readFileSync(join(root, 'src', 'elements', 'space-replay', 'space-replay.ts'), 'utf8');
  const lists = new Map();
  for (const [, key, list] of code.matchAll(/^\s+(\w+):\s*\n?\s*'([a-z0-9 ,:-]+)',?$/gm)) lists.set(key, list);
  const byTag = new Map();
  for (const [, tag, key] of code.matchAll(/<(space-replay-[a-z-]+) exportparts=\$\{PARTS\.(\w+)\}/g)) {
    const inner = (lists.get(key) ?? '').split(',').map((item) => item.split(':')[0].trim()).filter(Boolean);
    byTag.set(tag, new Set([...(byTag.get(tag) ?? []), ...inner]));
  }
  return byTag;
}

export function shippedApi({ root = process.cwd() } = {}) {
  return {
    name: 'space-replay-shipped-api',
    packageLinkPhase({ customElementsManifest }) {
      const events = eventTypes(root);
      const viaPlayer = exportedByPlayer(root);
      const isPublic = (m) => !m.name.startsWith('_') && !m.name.startsWith('#') && (m.privacy ?? 'public') === 'public';
      const elementModules = customElementsManifest.modules.filter((mod) => mod.declarations?.some((d) => d.customElement && d.tagName));
      const pathOf = new Map();
      for (const mod of elementModules) {
        const code = sourcesOf(root, mod.path);
        for (const d of mod.declarations.filter((x) => x.customElement)) {
          d.members = (d.members ?? []).filter(isPublic);
          const fields = new Set(d.members.map((m) => m.name));
          d.attributes = (d.attributes ?? []).filter((a) => !a.name.startsWith('_') && (!a.fieldName || fields.has(a.fieldName)));
          // Inherited events (the player's from the provider) plus those this element's own files fire.
          const fired = new Map((d.events ?? []).filter((e) => e.name).map((e) => [e.name, e]));
          for (const name of firedIn(code)) if (!fired.has(name)) fired.set(name, { name });
          d.events = [...fired.values()].map((e) => {
            const known = events.get(e.name);
            return { ...e, ...(known ? { type: { text: known.type } } : {}), description: e.description ?? known?.description };
          });
          const parts = new Map((d.cssParts ?? []).map((p) => [p.name, p]));
          for (const name of [...partsIn(code), ...(viaPlayer.get(d.tagName) ?? [])]) if (!parts.has(name)) parts.set(name, { name, description: `The \`${name}\` part (see the element's docs).` });
          d.cssParts = [...parts.values()];
        }
        pathOf.set(mod.path, entryOf(mod.declarations.find((x) => x.customElement).tagName));
      }
      customElementsManifest.modules = elementModules;
      // Every module reference, in declarations and exports, points at a shipped file.
      const rewrite = (ref) => {
        if (!ref || typeof ref !== 'object') return;
        if (typeof ref.module === 'string') {
          const clean = ref.module.replace(/^\//, '').replace(/\.js$/, '.ts');
          if (pathOf.has(clean)) ref.module = pathOf.get(clean);
        }
        for (const value of Object.values(ref)) if (value && typeof value === 'object') rewrite(value);
      };
      for (const mod of elementModules) {
        const path = pathOf.get(mod.path);
        mod.exports = (mod.exports ?? []).filter((e) => e.kind === 'js' && mod.declarations.some((d) => d.name === e.declaration?.name));
        // Importing the entry defines the tag (its define call is in that file or one it imports).
        for (const d of mod.declarations.filter((x) => x.customElement)) {
          mod.exports.push({ kind: 'custom-element-definition', name: d.tagName, declaration: { name: d.name, module: path } });
        }
        rewrite(mod);
        mod.path = path;
      }
    },
  };
}
