import { test } from 'node:test';
import assert from 'node:assert/strict';

test('node test harness runs TypeScript', () => {
  assert.equal(typeof structuredClone, 'function');
});
