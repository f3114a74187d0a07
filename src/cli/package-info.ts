/**
 * What the CLI knows about the installed space-replay package: its version and where its
 * documentation is published. Found by walking up from this module, so it works from the source
 * tree and from the bundled `dist/cli.js` alike.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The fields of space-replay's package.json the CLI uses, and the folder it sits in. */
export interface CliPackage {
  /** `0.1.0`, or `unknown` when no package.json was found. */
  version: string;
  /** package.json `homepage`, when the package declares one. */
  homepage?: string;
  /** The package's folder (it holds `docs/` in a checkout and in the published package). */
  dir?: string;
}

let cached: CliPackage | undefined;

/** space-replay's package.json, read once. */
export function cliPackage(): CliPackage {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string; homepage?: unknown };
      if (pkg.name === 'space-replay' && pkg.version) {
        cached = { version: pkg.version, dir, ...(typeof pkg.homepage === 'string' && /^https:\/\//.test(pkg.homepage) ? { homepage: pkg.homepage } : {}) };
        return cached;
      }
    } catch {
      // No readable package.json here: keep walking up.
    }
    const parent = dirname(dir);
    if (parent === dir) return (cached = { version: 'unknown' });
    dir = parent;
  }
}

/** The version in space-replay's package.json. */
export function cliVersion(): string {
  return cliPackage().version;
}

/**
 * Where the CLI's documentation can be read: the `homepage` of package.json when it has one, and
 * always this version's docs/cli.md as published on the npm registry's CDN (the package ships
 * `docs/`), plus the copy installed beside the CLI when it is there.
 */
export function cliDocs(): { homepage?: string; published: string; local?: string } {
  const pkg = cliPackage();
  const local = pkg.dir ? join(pkg.dir, 'docs', 'cli.md') : undefined;
  return {
    ...(pkg.homepage ? { homepage: pkg.homepage } : {}),
    published: `https://unpkg.com/space-replay@${pkg.version === 'unknown' ? 'latest' : pkg.version}/docs/cli.md`,
    ...(local && existsSync(local) ? { local } : {}),
  };
}
