#!/usr/bin/env node
// Converts the vendored web-platform-tests WebVTT file-parsing sources
// (test/fixtures/wpt-webvtt/support/*.test) into test/fixtures/wpt-webvtt/vectors.json: per
// vector, the WebVTT text and what the test asserts about cue count, start, end and text.
// Run it after replacing the .test files (`node scripts/wpt-webvtt-vectors.js`); its output is
// committed, so the test suite reads one JSON file and nothing is fetched.
//
// A .test file is: a title line, HTML head lines, a blank line, JavaScript assertions, a `===`
// line, then the WebVTT file with Python `unicode_escape` escapes (`\x00`, `\r`, a backslash
// before a line break joins the lines). WPT's build step writes the same text to its .vtt files.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';

const dir = new URL('../test/fixtures/wpt-webvtt/', import.meta.url);
const SIMPLE_ESCAPES = { '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** Python's `unicode_escape` decoding of an ASCII text. */
function unescapePython(text) {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '\\' || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const next = text[i + 1];
    if (next === '\n') {
      i++;
    } else if (next in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[next];
      i++;
    } else if (next === 'x' || next === 'u' || next === 'U') {
      const width = next === 'x' ? 2 : next === 'u' ? 4 : 8;
      const hex = text.slice(i + 2, i + 2 + width);
      if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) throw new Error(`bad \\${next} escape at ${i}`);
      out += String.fromCodePoint(parseInt(hex, 16));
      i += 1 + width;
    } else if (/[0-7]/.test(next)) {
      const octal = /^[0-7]{1,3}/.exec(text.slice(i + 1))[0];
      out += String.fromCodePoint(parseInt(octal, 8));
      i += octal.length;
    } else {
      out += c; // Python keeps an unknown escape as written
    }
  }
  return out;
}

/** Splits a .test file like WPT's build step: header, then JavaScript and WebVTT around `\n===\n`. */
function splitTest(source, name) {
  const headerEnd = source.indexOf('\n\n');
  if (headerEnd === -1) throw new Error(`${name}: no blank line after the header`);
  const title = source.slice(0, source.indexOf('\n'));
  const body = source.slice(headerEnd + 2);
  const split = body.indexOf('\n===\n');
  if (split === -1) throw new Error(`${name}: no === line`);
  return { title, js: body.slice(0, split), vtt: unescapePython(body.slice(split + 5)) };
}

const FIELD = Symbol('cue field');
const CUE_FIELDS = new Set(['text', 'startTime', 'endTime']);

/**
 * Runs the test's assertions against stand-in cues that record every `assert_equals` on a cue's
 * text, startTime or endTime. Anything else the test reads (ids, settings, regions, style sheets)
 * is a stand-in that accepts any use, and those assertions are ignored.
 */
function recordExpectations(js, name) {
  const count = /assert_equals\(cues\.length, (\d+)/.exec(js);
  const cueCount = count ? Number(count[1]) : null;
  const anything = new Proxy(function () {}, {
    get: (_target, prop) => (prop === Symbol.toPrimitive ? () => 0 : anything),
    apply: () => anything,
  });
  const cues = Array.from({ length: cueCount ?? 0 }, (_, index) =>
    new Proxy({}, { get: (_target, prop) => (CUE_FIELDS.has(prop) ? { [FIELD]: { index, field: prop } } : anything) }),
  );
  const expected = new Map();
  const assert_equals = (actual, value) => {
    const tag = typeof actual === 'object' && actual !== null ? actual[FIELD] : undefined;
    if (!tag) return;
    if (!expected.has(tag.index)) expected.set(tag.index, { index: tag.index });
    expected.get(tag.index)[tag.field] = value;
  };
  const ignore = () => {};
  try {
    runInNewContext(js, { cues, document: anything, CSSRule: anything, assert_equals, assert_true: ignore, assert_false: ignore, assert_not_equals: ignore });
  } catch (error) {
    throw new Error(`${name}: the assertions did not run: ${error.message}`);
  }
  return { cueCount, cues: [...expected.values()].sort((a, b) => a.index - b.index) };
}

const names = readdirSync(new URL('support/', dir)).filter((f) => f.endsWith('.test')).sort();
const vectors = names.map((file) => {
  const name = file.slice(0, -'.test'.length);
  const { title, js, vtt } = splitTest(readFileSync(new URL(`support/${file}`, dir), 'utf8'), name);
  return { name, title, vtt, ...recordExpectations(js, name) };
});
writeFileSync(new URL('vectors.json', dir), `${JSON.stringify({ generatedBy: 'scripts/wpt-webvtt-vectors.js', vectors }, null, 1)}\n`);
console.log(`${vectors.length} vectors written to test/fixtures/wpt-webvtt/vectors.json`);
