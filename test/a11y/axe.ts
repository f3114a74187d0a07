/**
 * axe-core in the browser under test: loaded once into the test page as the classic script its
 * package ships, and run on an element (axe walks open shadow roots). Only the WCAG 2.0–2.2 A and
 * AA rules run: the test page itself is no document a reader gets (no landmarks, no h1), which
 * the best-practice rules would report.
 */

import type { AxeResults, RunOptions } from 'axe-core';

type Axe = { run(context: Element | Document, options: RunOptions): Promise<AxeResults> };

let loading: Promise<Axe> | undefined;

function loadAxe(win: Window): Promise<Axe> {
  const existing = (win as unknown as { axe?: Axe }).axe;
  if (existing) return Promise.resolve(existing);
  return new Promise((resolve, reject) => {
    const script = win.document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = () => resolve((win as unknown as { axe: Axe }).axe);
    script.onerror = () => reject(new Error('axe-core did not load'));
    win.document.head.append(script);
  });
}

const OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  resultTypes: ['violations'],
};

/**
 * The WCAG violations axe finds in `el` (and its shadow roots), one line each: `where` (the state),
 * the rule, what it asks, and where (axe's selectors, `>>` stepping into a shadow root).
 */
export async function axeViolations(el: Element, where: string): Promise<string[]> {
  const win = el.ownerDocument.defaultView!;
  const axe = win === window ? await (loading ??= loadAxe(window)) : await loadAxe(win);
  const results = await axe.run(el, OPTIONS);
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${where}: ${v.id} (${v.help}) at ${n.target.map((t) => (Array.isArray(t) ? t.join(' >> ') : t)).join(', ')}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ').slice(0, 200)}` : ''}`),
  );
}

/** `lines` without repeats of the same rule at the same place in a later state (the first state that shows it is kept). */
export function firstSeen(lines: string[]): string[] {
  const seen = new Set<string>();
  return lines.filter((line) => {
    const key = line.replace(/^[^:]*: /, '').replace(/ — .*$/, '');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
