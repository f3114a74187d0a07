/**
 * Problems found in a manifest: each says where (a path like `participants[1].consent.clip`) and
 * what. The collector also remembers which paths failed, so the cross-field rules can skip values
 * the schema already rejected instead of reporting nonsense about them.
 */

import { MAX_ISSUES } from './limits.js';

/**
 * One error or warning. `path` is written like `participants[1].consent.clip`; `""` is the
 * manifest itself (its type, JSON syntax, version support).
 */
export interface ManifestIssue {
  /** Where: keys joined by `.`, array indexes in `[]`, odd keys as `["x-my.key"]`; `""` for the root. */
  path: string;
  /** What is wrong, in plain words. */
  message: string;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The path of `key` inside the value at `base`. */
export function childPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  if (IDENTIFIER.test(key)) return base === '' ? key : `${base}.${key}`;
  return `${base}[${JSON.stringify(key)}]`;
}

/** An issue as one line: `path: message` (just the message for the root). */
export function formatIssue(issue: ManifestIssue): string {
  return issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`;
}

/** A short description of a value for "expected …, got …" messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    case 'number':
    case 'boolean':
      return `${typeof value} ${String(value)}`;
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

/** Every ancestor path of `path`, the root `""` included, and `path` itself. */
export function pathAndAncestors(path: string): string[] {
  const out = [''];
  let quoted = false;
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (c === '"' && path[i - 1] !== '\\') quoted = !quoted;
    else if (!quoted && (c === '.' || c === '[') && i > 0) out.push(path.slice(0, i));
  }
  if (path !== '') out.push(path);
  return out;
}

/** Collects errors and warnings of one parse, capped at {@link MAX_ISSUES} each. */
export class IssueCollector {
  private readonly errorList: ManifestIssue[] = [];
  private readonly warningList: ManifestIssue[] = [];
  private moreErrors = 0;
  private moreWarnings = 0;
  private readonly exact = new Set<string>();
  private readonly failed = new Set<string>();

  /** Records an error at `path`. */
  error(path: string, message: string): void {
    this.exact.add(path);
    for (const p of pathAndAncestors(path)) this.failed.add(p);
    if (this.errorList.length < MAX_ISSUES) this.errorList.push({ path, message });
    else this.moreErrors++;
  }

  /** Records a warning at `path`. */
  warn(path: string, message: string): void {
    if (this.warningList.length < MAX_ISSUES) this.warningList.push({ path, message });
    else this.moreWarnings++;
  }

  /** Whether any error was recorded. */
  get hasErrors(): boolean {
    return this.errorList.length > 0;
  }

  /** Whether an error was recorded at `path` or inside the value there. */
  failedAt(path: string): boolean {
    return this.failed.has(path);
  }

  /** Whether an error was recorded at exactly `path` (the value there as a whole is wrong). */
  errorAt(path: string): boolean {
    return this.exact.has(path);
  }

  /** A snapshot of the paths that have an error of their own. */
  errorPaths(): Set<string> {
    return new Set(this.exact);
  }

  /** The errors, with a last one counting those past the cap. */
  get errors(): ManifestIssue[] {
    return this.withCount(this.errorList, this.moreErrors, 'errors');
  }

  /** The warnings, with a last one counting those past the cap. */
  get warnings(): ManifestIssue[] {
    return this.withCount(this.warningList, this.moreWarnings, 'warnings');
  }

  private withCount(list: ManifestIssue[], more: number, what: string): ManifestIssue[] {
    return more === 0 ? list.slice() : [...list, { path: '', message: `${more} more ${what} not listed` }];
  }
}
