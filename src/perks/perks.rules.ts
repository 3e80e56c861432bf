// Perk limits and the one rule of their life: a perk shows until the end of its `until` day, then it is gone.
export const PERK_LIMITS = { title: 100, partner: 100, details: 1000, code: 100, link: 300, maxYearsAhead: 5, maxPerks: 100 } as const;

export function isCurrent(perk: { until: string | null }, today: string): boolean {
  return perk.until === null || perk.until >= today;
}
