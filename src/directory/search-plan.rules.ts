// Which parts of a text search the full-text index is asked, and which are checked row by row in SQL, from counts the
// index keeps (fts5-vocabulary.ts). FTS5 intersects its terms by reading their doclists (a term's cost grows with the
// documents holding it, ~3 ns each, even when it removes nothing); a row checked in SQL costs a rowid lookup and the
// filters (~1.2 µs). The alliance's scope token holds every approved space of the alliance, and a tag's words
// ("women", "owned") a large share of all spaces: worth reading for a common word, a waste for a rare one, whose few
// documents are cheaper to check one by one. Both plans give the same rows in the same order (rowid order within a
// relevance tier): the choice is only about cost.

export interface PlanCounts {
  /** Documents of each group of the text's words (the whole words one typed word stands for); Infinity when unknown. */
  text: number[];
  /** Documents of the alliance's scope token (its approved spaces). */
  scope: number;
  /** Documents of each word the city and tag filters add to the full-text query (filterTerms). */
  filterWords: number[];
  /** Documents in the index, every alliance. */
  rows: number;
  /** The search has filters only SQL decides (country, desks, tag, city, public): every row FTS returns is checked. */
  sqlFilters: boolean;
}

export interface SearchPlan {
  /** The alliance's scope token is part of the full-text query; otherwise SQL checks alliance and status. */
  scoped: boolean;
  /** The city and tag filters' words are part of the full-text query; otherwise SQL alone decides them. */
  filterWords: boolean;
}

/** Nanoseconds, measured at 100,000 spaces (see docs/directory.md, Speed): a doclist entry read, a row checked, a row passed. */
const READ = 3;
const CHECK = 1200;
const PASS = 30;

/**
 * What a plan costs to read the whole match (a page stops earlier, at the same fraction of the rowids for every plan,
 * so whole matches compare): every term's doclist, then each row the intersection returns, estimated as if the terms
 * were independent.
 */
export function planCost(counts: PlanCounts, plan: SearchPlan): number {
  const n = Math.max(1, counts.rows);
  const terms = [...counts.text, ...(plan.scoped ? [counts.scope] : []), ...(plan.filterWords ? counts.filterWords : [])].map((d) => Math.min(d, n));
  const read = terms.reduce((sum, docs) => sum + docs, 0);
  const rows = terms.reduce((estimate, docs) => (estimate * docs) / n, n);
  return READ * read + (counts.sqlFilters || !plan.scoped ? CHECK : PASS) * rows;
}

/** The cheapest plan; today's (scope and filter words in the full-text query) unless another is cheaper. */
export function choosePlan(counts: PlanCounts): SearchPlan {
  const plans: SearchPlan[] = [
    { scoped: true, filterWords: true },
    { scoped: false, filterWords: true },
    { scoped: true, filterWords: false },
    { scoped: false, filterWords: false },
  ];
  let best = plans[0]!;
  let bestCost = planCost(counts, best);
  for (const plan of plans.slice(1)) {
    const cost = planCost(counts, plan);
    if (cost < bestCost) [best, bestCost] = [plan, cost];
  }
  return best;
}
