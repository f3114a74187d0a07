/**
 * The first line of defence against hostile input: an iterative walk that copies a value into fresh
 * plain objects and arrays, refusing what JSON cannot hold (functions, class instances, NaN),
 * prototype keys (`__proto__`, `constructor`, `prototype`), nesting past {@link MAX_DEPTH},
 * arrays past their cap, and more than {@link MAX_CONTAINERS} objects and arrays in all. Nothing
 * downstream sees the caller's objects (except the inline cue arrays it hands over by reference).
 */

import { childPath, describeValue, type IssueCollector } from './issues.js';
import { MAX_ARRAY_LENGTH, MAX_CONTAINERS, MAX_DEPTH } from './limits.js';

/** Keys that could reach an object's prototype when copied by assignment elsewhere. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** How {@link toPlainJson} treats particular arrays, by pattern (`transcripts[].data.cues`). */
export interface PlainJsonOptions {
  /** Most items allowed in the array at a pattern; other arrays get {@link MAX_ARRAY_LENGTH}. */
  caps: ReadonlyMap<string, number>;
  /** Arrays at these patterns are kept by reference, unwalked: a dedicated validator copies them. */
  handOver: ReadonlySet<string>;
}

interface Frame {
  value: object;
  parent: Record<string | number, unknown>;
  key: string | number;
  depth: number;
  /** The frame of the container holding this value (none for the root). */
  up: Frame | undefined;
  pattern: string;
}

/**
 * A frame's path (`participants[1].consent`), built only when an issue names it: most frames never
 * need theirs, and building every one was most of the walk's time.
 */
function pathOf(frame: Frame | undefined): string {
  const keys: (string | number)[] = [];
  for (let f = frame; f?.up; f = f.up) keys.push(f.key);
  let path = '';
  for (let i = keys.length - 1; i >= 0; i--) path = childPath(path, keys[i]!);
  return path;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describeNonPlain(value: object): string {
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  if (tag !== 'Object') return `a ${tag}`;
  const name: unknown = Object.getPrototypeOf(value)?.constructor?.name;
  return typeof name === 'string' && name !== '' && name !== 'Object' ? `an instance of ${name}` : 'an object with another prototype';
}

/**
 * Copies `root` into fresh plain data, recording an error at the path of each value it refuses.
 * Refused values are left out; an array over its cap becomes empty. Returns `undefined` when
 * `root` itself is refused (not a plain object).
 */
export function toPlainJson(root: object, issues: IssueCollector, options: PlainJsonOptions): Record<string, unknown> | undefined {
  const holder: Record<string | number, unknown> = {};
  const stack: Frame[] = [{ value: root, parent: holder, key: 'root', depth: 0, up: undefined, pattern: '' }];

  // Stores a primitive in `parent[key]`, queues an object or array, or records why the value is refused.
  const visit = (value: unknown, parent: Record<string | number, unknown>, key: string | number, frame: Frame, inArray: boolean): void => {
    switch (typeof value) {
      case 'string':
      case 'boolean':
        parent[key] = value;
        return;
      case 'number':
        if (Number.isFinite(value)) parent[key] = value;
        else issues.error(childPath(pathOf(frame), key), `expected a finite number, got ${String(value)}`);
        return;
      case 'undefined':
        // An object property set to undefined is absent, as JSON.stringify would have it.
        if (inArray) issues.error(childPath(pathOf(frame), key), 'undefined is not a JSON value');
        return;
      case 'object':
        if (value === null) {
          parent[key] = null;
          return;
        }
        stack.push({
          value,
          parent,
          key,
          depth: frame.depth + 1,
          up: frame,
          pattern: inArray ? `${frame.pattern}[]` : childPath(frame.pattern, key),
        });
        return;
      default:
        issues.error(childPath(pathOf(frame), key), `${describeValue(value)} is not a JSON value`);
    }
  };

  // An object input can reach one array through many references (a DAG), which a depth cap
  // alone does not bound: 32 levels of two references each would be 2^32 visits.
  let containers = 0;
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { value } = frame;
    if (++containers > MAX_CONTAINERS) {
      issues.error('', `more than ${MAX_CONTAINERS} objects and arrays`);
      break;
    }
    if (frame.depth > MAX_DEPTH) {
      issues.error(pathOf(frame), `nested deeper than ${MAX_DEPTH} levels`);
      continue;
    }
    if (Array.isArray(value)) {
      const cap = options.caps.get(frame.pattern) ?? MAX_ARRAY_LENGTH;
      if (value.length > cap) {
        issues.error(pathOf(frame), `${value.length} items, more than the ${cap} allowed`);
        frame.parent[frame.key] = [];
        continue;
      }
      if (options.handOver.has(frame.pattern)) {
        frame.parent[frame.key] = value;
        continue;
      }
      const out: unknown[] = new Array(value.length);
      frame.parent[frame.key] = out;
      for (let i = 0; i < value.length; i++) visit(value[i], out as unknown as Record<number, unknown>, i, frame, true);
      continue;
    }
    if (!isPlainObject(value)) {
      issues.error(pathOf(frame), `expected a plain JSON object, got ${describeNonPlain(value)}`);
      continue;
    }
    const out: Record<string, unknown> = {};
    frame.parent[frame.key] = out;
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.includes(key)) {
        issues.error(childPath(pathOf(frame), key), `forbidden key "${key}"`);
        continue;
      }
      visit((value as Record<string, unknown>)[key], out, key, frame, false);
    }
  }
  return holder.root as Record<string, unknown> | undefined;
}
