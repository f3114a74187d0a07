import { expect } from '@esm-bundle/chai';
import {
  MAX_CONTAINERS,
  MAX_DEPTH,
  MAX_INLINE_CUES,
  MAX_MANIFEST_TEXT_LENGTH,
  MAX_PARTICIPANTS,
  MAX_SEGMENTS,
  MAX_ISSUES,
  parseManifest,
  type ParseResult,
} from '../../src/manifest/index.js';
import { fullManifest, minimalManifest } from './fixtures.js';
import { errorsOf, expectIssue } from './issue-assertions.js';

function rootError(input: unknown): string {
  const errors = errorsOf(parseManifest(input));
  expect(errors).to.have.length(1);
  expect(errors[0]!.path).to.equal('');
  return errors[0]!.message;
}

describe('parseManifest: hostile input', () => {
  it('refuses values that are not a manifest object', () => {
    expect(rootError(null)).to.equal('expected a manifest object (or its JSON text), got null');
    expect(rootError(undefined)).to.equal('expected a manifest object (or its JSON text), got nothing');
    expect(rootError(42)).to.equal('expected a manifest object (or its JSON text), got number 42');
    expect(rootError(true)).to.include('got boolean true');
    expect(rootError([minimalManifest()])).to.include('got an array');
    expect(rootError(() => 1)).to.include('got a function');
    expect(rootError(Symbol('x'))).to.include('got a symbol');
    expect(rootError(10n)).to.include('got a bigint');
    expect(rootError('[1, 2]')).to.include('got an array');
    expect(rootError('null')).to.include('got null');
    expect(rootError('"text"')).to.include('got "text"');
  });

  it('reports JSON syntax errors with line, column and offset', () => {
    expect(rootError('')).to.equal('invalid JSON at line 1, column 1 (offset 0): unexpected end of input (expected a value)');
    expect(rootError('not json')).to.equal("invalid JSON at line 1, column 1 (offset 0): unexpected 'n' (expected a value)");
    expect(rootError('{\n  "version": "1.0",\n  "id": }')).to.equal(
      "invalid JSON at line 3, column 9 (offset 30): unexpected '}' (expected a value)",
    );
    expect(rootError('{"a": 1,}')).to.include("column 9 (offset 8): unexpected '}' (expected a double-quoted property name)");
    expect(rootError("{'a': 1}")).to.include('column 2');
    expect(rootError('{"a": 1} x')).to.include("column 10 (offset 9): unexpected 'x' after the end of the JSON value");
    expect(rootError('{"a": "b')).to.include('unterminated string');
  });

  it('does not let __proto__ keys pollute prototypes, from text or from a parsed object', () => {
    const text = JSON.stringify(minimalManifest()).replace(/^\{/, '{"__proto__": {"polluted": 1},');
    const nested = JSON.stringify(minimalManifest()).replace('"consent":{', '"consent":{"__proto__": {"polluted": 1},');
    for (const input of [text, JSON.parse(text), nested, JSON.parse(nested)]) {
      const errors = errorsOf(parseManifest(input));
      expect(errors.some((e) => e.message === 'forbidden key "__proto__"')).to.equal(true);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      expect(Object.prototype).not.to.have.property('polluted');
    }
    expectIssue(errorsOf(parseManifest(text)), '__proto__', 'forbidden key "__proto__"');
    expectIssue(errorsOf(parseManifest(nested)), 'participants[0].consent.__proto__', 'forbidden key');
  });

  it('refuses constructor and prototype keys too', () => {
    const input = minimalManifest();
    input['x-ext'] = JSON.parse('{"constructor": {"prototype": {"polluted": 1}}}');
    expectIssue(errorsOf(parseManifest(input)), '["x-ext"].constructor', 'forbidden key "constructor"');
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });

  it('refuses an object literal whose prototype was set with __proto__', () => {
    const input = minimalManifest();
    input.recording = { __proto__: { polluted: 1 }, optInBy: 'ada' };
    expectIssue(errorsOf(parseManifest(input)), 'recording', 'expected a plain JSON object, got an object with another prototype');
  });

  it('refuses values JSON cannot hold, at their path', () => {
    const input = fullManifest();
    input.startedAt = new Date();
    input.duration = Number.NaN;
    input.participants[0].name = () => 'Ada';
    input.segments[0].endTime = Infinity;
    input.clips[0].createdBy = Symbol('ada');
    input.audio[1] = undefined;
    const errors = errorsOf(parseManifest(input));
    expectIssue(errors, 'startedAt', 'expected a plain JSON object, got a Date');
    expectIssue(errors, 'duration', 'expected a finite number, got NaN');
    expectIssue(errors, 'participants[0].name', 'a function is not a JSON value');
    expectIssue(errors, 'segments[0].endTime', 'expected a finite number, got Infinity');
    expectIssue(errors, 'clips[0].createdBy', 'a symbol is not a JSON value');
    expectIssue(errors, 'audio[1]', 'undefined is not a JSON value');
  });

  it('refuses a class instance, a Map or a Date as the manifest', () => {
    class Recording {
      version = '1.0';
    }
    expect(rootError(new Recording())).to.equal('expected a plain JSON object, got an instance of Recording');
    expect(rootError(new Map())).to.equal('expected a plain JSON object, got a Map');
    expect(rootError(new Date())).to.equal('expected a plain JSON object, got a Date');
  });

  it('treats a property set to undefined as absent', () => {
    const input = minimalManifest();
    input.endedAt = undefined;
    expect(parseManifest(input).ok).to.equal(true);
  });

  it('caps nesting depth, iteratively, for objects and text', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const input = minimalManifest();
    input['x-deep'] = deep;
    const errors = errorsOf(parseManifest(input));
    expect(errors).to.have.length(1);
    expect(errors[0]!.message).to.equal(`nested deeper than ${MAX_DEPTH} levels`);
    expect(errors[0]!.path.startsWith('["x-deep"][0][0]')).to.equal(true);

    const text = JSON.stringify(minimalManifest()).replace(/\}$/, `,"x-deep":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    const result = parseManifest(text);
    expect(result.ok).to.equal(false);
    expect(errorsOf(result)[0]!.message).to.match(/nested deeper than 32 levels|JSON could not be read/);

    const unbalanced = '['.repeat(200_000);
    expect(rootError(unbalanced)).to.include('unexpected end of input');
  });

  it('stops at a cycle', () => {
    const input = minimalManifest();
    input['x-self'] = input;
    expectIssue(errorsOf(parseManifest(input)), '["x-self"]'.repeat(MAX_DEPTH + 1), `nested deeper than ${MAX_DEPTH} levels`);
  });

  it('bounds the work on shared references (a DAG) in an object input', () => {
    let shared: unknown = [];
    for (let i = 0; i < 30; i++) shared = [shared, shared];
    const input = minimalManifest();
    input['x-dag'] = shared;
    // 2^30 paths: a walk that followed each would never end, and the test's timeout would fail it.
    expectIssue(errorsOf(parseManifest(input)), '', `more than ${MAX_CONTAINERS} objects and arrays`);
  });

  it('turns throwing getters and revoked proxies into an error', () => {
    const getter = minimalManifest();
    Object.defineProperty(getter, 'title', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(rootError(getter)).to.equal('the manifest could not be read: boom');
    const { proxy, revoke } = Proxy.revocable(minimalManifest(), {});
    revoke();
    expect(rootError(proxy)).to.include('the manifest could not be read');
  });

  it('refuses JSON text over the size cap without parsing it', () => {
    const text = JSON.stringify({ ...minimalManifest(), 'x-pad': 'a'.repeat(MAX_MANIFEST_TEXT_LENGTH) });
    expect(rootError(text)).to.equal(`manifest text has ${text.length} characters, more than the ${MAX_MANIFEST_TEXT_LENGTH} allowed`);
  });

  it('refuses arrays over their cap with the count in the message', () => {
    const input = minimalManifest();
    const ada = input.participants[0];
    input.participants = Array.from({ length: MAX_PARTICIPANTS + 2001 }, (_, i) => ({ ...ada, id: `p${i}` }));
    input.segments = Array.from({ length: MAX_SEGMENTS + 1 }, () => ({ speaker: 'ada', startTime: 0, endTime: 1 }));
    const errors = errorsOf(parseManifest(input));
    expect(errors).to.deep.equal([
      { path: 'segments', message: `${MAX_SEGMENTS + 1} items, more than the ${MAX_SEGMENTS} allowed` },
      { path: 'participants', message: '12001 items, more than the 10000 allowed' },
    ]);
  });

  it('refuses inline transcripts over the cue cap', () => {
    const input = minimalManifest();
    const cues = new Array(MAX_INLINE_CUES + 1).fill({ startTime: 0, endTime: 1, text: 'a' });
    input.transcripts = [{ type: 'application/json', data: { format: 'space-replay-transcript', version: '1.0', cues } }];
    expectIssue(errorsOf(parseManifest(input)), 'transcripts[0].data.cues', `${MAX_INLINE_CUES + 1} items, more than the ${MAX_INLINE_CUES} allowed`);
  });

  it('lists at most MAX_ISSUES errors, then counts the rest', () => {
    const input = minimalManifest();
    input.segments = Array.from({ length: MAX_ISSUES + 500 }, () => ({ speaker: 'ada', startTime: 2, endTime: 1 }));
    const errors = errorsOf(parseManifest(input));
    expect(errors).to.have.length(MAX_ISSUES + 1);
    expect(errors[MAX_ISSUES]).to.deep.equal({ path: '', message: '500 more errors not listed' });
  });

  it('never throws on randomly broken manifests', () => {
    // A seeded generator: the same 600 mutations every run.
    let seed = 42;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const hostile: unknown[] = [null, undefined, -1, 0, 1e308, '', 'x'.repeat(300), 'javascript:alert(1)', [], {}, [[[]]], true, Number.NaN, '__proto__', { __proto__: null }];
    const paths: (string | number)[][] = [];
    const collect = (value: unknown, path: (string | number)[]): void => {
      paths.push(path);
      if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) collect(v, [...path, Array.isArray(value) ? Number(k) : k]);
      }
    };
    collect(fullManifest(), []);
    for (let n = 0; n < 600; n++) {
      const input = fullManifest();
      const path = paths[Math.floor(random() * paths.length)]!;
      if (path.length === 0) continue;
      let holder: any = input;
      for (const key of path.slice(0, -1)) holder = holder[key];
      const key = path[path.length - 1]!;
      if (random() < 0.2) delete holder[key];
      else holder[key] = hostile[Math.floor(random() * hostile.length)];
      let result: ParseResult | undefined;
      expect(() => (result = parseManifest(input)), `mutating ${path.join('.')}`).not.to.throw();
      expect(result!.ok === true || result!.errors.length > 0).to.equal(true);
      expect(() => parseManifest(JSON.stringify(input) ?? 'null')).not.to.throw();
    }
  });
});
