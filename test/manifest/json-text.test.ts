import { expect } from '@esm-bundle/chai';
import { findJsonSyntaxError } from '../../src/manifest/index.js';

describe('findJsonSyntaxError', () => {
  it('finds nothing in valid JSON, whatever JSON.parse accepts', () => {
    for (const text of ['{}', '[]', ' 1 ', '-0.5e+3', '"a\\u00e9\\n"', 'true', 'null', '{"a": [1, {"b": null}], "c": "d"}', '[[[[]]]]', '\t\r\n{}\n']) {
      expect(() => JSON.parse(text), text).not.to.throw();
      expect(findJsonSyntaxError(text), text).to.equal(undefined);
    }
  });

  it('finds every error JSON.parse refuses, with line and column', () => {
    const cases: [string, number, number, string][] = [
      ['', 1, 1, 'unexpected end of input'],
      ['{', 1, 2, 'expected a double-quoted property name'],
      ['{"a" 1}', 1, 6, "expected ':'"],
      ['{"a": 1 "b": 2}', 1, 9, "expected ',' or '}'"],
      ['[1 2]', 1, 4, "expected ',' or ']'"],
      ['[1,]', 1, 4, "unexpected ']' (expected a value)"],
      ['[01]', 1, 2, 'invalid number'],
      ['[1e]', 1, 2, 'invalid number'],
      ['[1.]', 1, 2, 'invalid number'],
      ['[-]', 1, 2, 'invalid number'],
      ['["a\\x"]', 1, 4, "invalid escape '\\x'"],
      ['["\\u12"]', 1, 3, 'invalid \\u escape'],
      ['["a\nb"]', 1, 4, 'control character U+000A inside a string'],
      ['[tru]', 1, 2, "unexpected 't'"],
      ['{}{}', 1, 3, 'after the end of the JSON value'],
      ['{\n  "a": 1,\n  "b": NaN\n}', 3, 8, "unexpected 'N'"],
      ['[undefined]', 1, 2, "unexpected 'u'"],
      ['[1]\u00a0', 1, 4, 'after the end'],
    ];
    for (const [text, line, column, part] of cases) {
      expect(() => JSON.parse(text), text).to.throw();
      const found = findJsonSyntaxError(text);
      expect(found, text).not.to.equal(undefined);
      expect([found!.line, found!.column], text).to.deep.equal([line, column]);
      expect(found!.message, text).to.include(part);
    }
  });
});
