/**
 * An analyzer plugin that writes the JSX and template types of the elements for React and Preact
 * (dist/types/frameworks/jsx.d.ts), Vue (vue.d.ts: GlobalComponents), Svelte (svelte.d.ts) and
 * Solid (solid.d.ts), with the custom-element-*-integration generators, from the manifest
 * shippedApi() made. Each prop and event is typed from the package's own declarations (the
 * element's property, `SpaceReplayEventMap[name]['detail']`), not from the manifest's type text,
 * which names types the generated file could not import.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateJsxTypes } from 'custom-element-jsx-integration';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';
import { generateSvelteTypes } from 'custom-element-svelte-integration';
import { generateSolidJsTypes } from 'custom-element-solidjs-integration';

/** Where the class of `<tag>` is declared, relative to dist/types/frameworks/. */
const classModule = (tag) => `../elements/${tag}/${tag}.js`;

/** A copy of `manifest` whose attributes, properties and events carry `tsType`: a type the generated file can resolve. */
function withImportTypes(manifest) {
  const copy = structuredClone(manifest);
  for (const d of copy.modules.flatMap((m) => m.declarations)) {
    const owner = `import('${classModule(d.tagName)}').${d.name}`;
    for (const a of d.attributes ?? []) a.tsType = { text: a.fieldName ? `${owner}['${a.fieldName}']` : (a.type?.text ?? 'string') };
    for (const m of d.members ?? []) m.tsType = { text: `${owner}['${m.name}']` };
    for (const e of d.events ?? []) e.type = { text: `import('../events.js').SpaceReplayEventMap['${e.name}']['detail']` };
  }
  return copy;
}

/**
 * The generator types Svelte 4's `on:space-replay-ready` directive only. Svelte 5 also takes an
 * event attribute, `onspace-replay-ready={…}` (the name after `on`, as the compiler listens to it),
 * so each `on:` prop gets a twin without the colon, of the same type.
 */
function svelteEventAttributes(text) {
  return text.replace(/^( *)"on:([a-z-]+)"\?: (\([\s\S]*?\) => void;)$/gm, (directive, indent, event, type) => `${directive}\n${indent}/** Svelte 5's event attribute for \`${event}\` (as \`on:${event}\`). */\n${indent}"on${event}"?: ${type}`);
}

export function frameworkTypes({ outdir = 'dist/types/frameworks', jsdir = 'dist/frameworks' } = {}) {
  return {
    name: 'space-replay-framework-types',
    packageLinkPhase({ customElementsManifest }) {
      const manifest = withImportTypes(customElementsManifest);
      const common = { outdir, typesSrc: 'tsType', hideLogs: true };
      generateJsxTypes(manifest, { ...common, fileName: 'jsx.d.ts' });
      generateVuejsTypes(manifest, { ...common, fileName: 'vue.d.ts' });
      generateSvelteTypes(manifest, { ...common, fileName: 'svelte.d.ts' });
      generateSolidJsTypes(manifest, { ...common, fileName: 'solid.d.ts' });
      // Every element's define module, so a file using these types also has every tag in
      // HTMLElementTagNameMap; and Svelte's namespace made global (the generated file is a module,
      // so its `declare namespace svelteHTML` alone would not reach svelte-check).
      const tags = manifest.modules.flatMap((m) => m.declarations.filter((d) => d.customElement).map((d) => d.tagName));
      const defines = tags.map((tag) => `import '../elements/${tag}/define.js';\n`).join('');
      for (const name of ['jsx', 'vue', 'svelte', 'solid']) {
        const file = join(outdir, `${name}.d.ts`);
        let text = readFileSync(file, 'utf8');
        if (name === 'svelte') text = svelteEventAttributes(text.replace(/declare namespace svelteHTML \{([\s\S]*?)\n\}/, 'declare global {\n  namespace svelteHTML {$1\n  }\n}'));
        writeFileSync(file, defines + text);
      }
      // Each types subpath (space-replay/jsx, …) also resolves to a module, empty, for tools that
      // resolve the JavaScript of every export.
      mkdirSync(jsdir, { recursive: true });
      for (const name of ['jsx', 'vue', 'svelte', 'solid']) writeFileSync(join(jsdir, `${name}.js`), 'export {};\n');
    },
  };
}
