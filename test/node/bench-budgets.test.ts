import assert from 'node:assert/strict';
import { test } from 'node:test';
// @ts-expect-error: plain JavaScript module of the benchmark, without types
import { applyBudgets, overBudget } from '../../bench/lib/budgets.js';

const budgets = {
  a: { max: 10 },
  b: { max: 3, accepted: { max: 5, why: 'browser floor' } },
};

test('bench budgets: pass, over, an accepted miss within its ceiling, and beyond it', () => {
  const figures = applyBudgets(
    [
      { id: 'a', value: 10 },
      { id: 'a', value: 10.5 },
      { id: 'b', value: 3 },
      { id: 'b', value: 5 },
      { id: 'b', value: 6 },
      { id: 'a', value: NaN },
      { id: 'a', value: 1, failed: true },
      { id: 'none', value: 99 },
    ],
    budgets,
  );
  assert.deepEqual(
    figures.map((f: { pass?: boolean | null; accepted?: number }) => [f.pass, f.accepted]),
    [[true, undefined], [false, undefined], [true, undefined], [false, 5], [false, undefined], [null, undefined], [false, undefined], [undefined, undefined]],
  );
  const { over, accepted } = overBudget(figures);
  assert.deepEqual(over.map((f: { id: string; value: number }) => `${f.id}=${f.value}`), ['a=10.5', 'b=6', 'a=1']);
  assert.deepEqual(accepted.map((f: { id: string; value: number }) => `${f.id}=${f.value}`), ['b=5']);
});

test('bench budgets: budgets.json is valid, and every accepted ceiling is above its budget and says why', async () => {
  const { readFile } = await import('node:fs/promises');
  const file = JSON.parse(await readFile(new URL('../../bench/budgets.json', import.meta.url), 'utf8'));
  for (const [id, budget] of Object.entries(file) as [string, { max?: number; why?: string; accepted?: { max: number; why: string } }][]) {
    if (id.startsWith('$')) continue;
    assert.equal(typeof budget.max, 'number', id);
    assert.ok(budget.why, `${id} says why`);
    if (budget.accepted) {
      assert.ok(budget.accepted.max > budget.max!, `${id}: accepted.max above max`);
      assert.ok(budget.accepted.why.length > 20, `${id}: accepted says why`);
    }
  }
});
