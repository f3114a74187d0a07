/**
 * The code blocks of README.md and docs/*.md, and how a reader would use each one:
 * - `html`: pasted into a page, with `https://unpkg.com/space-replay/` served from the packed tarball;
 * - `js`/`ts`/`jsx`/`tsx` importing `space-replay…`: bundled against the packed package (every import must exist);
 * - `sh`: the `space-replay` commands and flags must be ones the packed CLI knows, `npm run` scripts
 *   must exist, and scripts given to `node` must be files of the repository;
 * - `json`: parses (a block with `…` is an excerpt and is not parsed);
 * - `css`: every `--space-replay-*` property and `::part()` name is one the sources have.
 * A block preceded by `<!-- snippet: internal -->` shows code inside the project (not pasteable) and
 * is left out.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** One fenced code block. */
export interface Snippet {
  file: string;
  line: number;
  lang: string;
  code: string;
  internal: boolean;
}

/** Every fenced block of README.md and docs/*.md under `root`. */
export function snippetsOf(root: string): Snippet[] {
  const files = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  const snippets: Snippet[] = [];
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const m of text.matchAll(/^```(\w*)\n([\s\S]*?)^```/gm)) {
      const before = text.slice(0, m.index);
      snippets.push({
        file,
        line: before.split('\n').length,
        lang: m[1],
        code: m[2],
        internal: /<!--\s*snippet:\s*internal\s*-->\s*$/.test(before),
      });
    }
  }
  return snippets;
}

/** The shell commands of an `sh` block: continuations joined, comments dropped; with `$ ` prompts, only the prompted lines. */
export function commandsOf(code: string): string[] {
  const lines = code.replace(/\\\n/g, ' ').split('\n');
  const prompted = lines.some((l) => l.startsWith('$ '));
  return lines
    .filter((l) => !prompted || l.startsWith('$ '))
    .map((l) => l.replace(/^\$ /, '').replace(/(^|\s)#.*$/, '').trim())
    .filter(Boolean)
    .flatMap((l) => l.split(/\s*&&\s*/));
}

/** Splits a command line into words, honouring single and double quotes. */
export function wordsOf(command: string): string[] {
  return [...command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** The custom element names a block of HTML uses. */
export const customTagsOf = (html: string): string[] => [...new Set([...html.matchAll(/<([a-z][a-z0-9]*-[a-z0-9-]*)/g)].map((m) => m[1]))];

/** The package specifiers a JavaScript block imports. */
export const importsOf = (code: string): string[] => [...code.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);

/**
 * Part names the sources declare: the words of `part="…"` attributes and the quoted words inside
 * their `${…}`, and the names the elements' own styles select with `[part~='…']` (parts set from
 * script, like the transcript's word states).
 */
export function declaredParts(sources: string[]): Set<string> {
  const parts = new Set<string>();
  for (const text of sources) {
    for (const m of text.matchAll(/\[part~=['"]([a-z][a-z0-9-]*)['"]\]/g)) parts.add(m[1]);
    for (const m of text.matchAll(/part=(?:"([^"]*)"|\$\{([^}]*)\})/g)) {
      const literal = (m[1] ?? '').replace(/\$\{([^}]*)\}/g, (_, expr: string) => ` ${quotedWords(expr).join(' ')} `);
      for (const word of [...literal.split(/\s+/), ...quotedWords(m[2] ?? '')]) if (/^[a-z][a-z0-9-]*$/.test(word)) parts.add(word);
    }
  }
  return parts;
}

const quotedWords = (expr: string): string[] => [...expr.matchAll(/['"`]([^'"`$]*)['"`]/g)].flatMap((m) => m[1].split(/\s+/));
