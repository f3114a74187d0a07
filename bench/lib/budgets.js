// Figures against bench/budgets.json: which pass, which miss, and which miss by a margin the docs
// explain (`accepted`), which `--check` lets through up to its own ceiling.

/**
 * Sets `budget`, `pass` (true, false, or null for a figure without a value) and, for a documented
 * miss within its ceiling, `accepted` (that ceiling) on each figure that has a budget. A figure
 * whose run failed (`failed`) never passes.
 */
export function applyBudgets(figures, budgets) {
  for (const f of figures) {
    const budget = budgets[f.id];
    if (f.failed) f.pass = false;
    else if (budget && typeof budget.max === 'number') {
      f.budget = budget.max;
      f.pass = Number.isFinite(f.value) ? f.value <= budget.max : null;
      if (f.pass === false && typeof budget.accepted?.max === 'number' && f.value <= budget.accepted.max) f.accepted = budget.accepted.max;
    }
  }
  return figures;
}

/** `over`: figures that break their budget (what fails `--check`); `accepted`: documented misses within their ceiling. */
export function overBudget(figures) {
  return { over: figures.filter((f) => f.pass === false && !f.accepted), accepted: figures.filter((f) => f.accepted) };
}
