// Pure numbers for the bench: percentiles over samples, ratios to the floor, growth per tenfold.

export interface Distribution {
  n: number;
  min: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile (p in 0..100) of samples sorted ascending. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function distribution(samples: readonly number[]): Distribution {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    n: sorted.length,
    min: sorted[0] ?? Number.NaN,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
  };
}

export function median(samples: readonly number[]): number {
  return percentile([...samples].sort((a, b) => a - b), 50);
}

/** Ratio of each step to the one before: [t(1000)/t(100), t(10000)/t(1000), …] for sizes growing tenfold. */
export function growthPerStep(times: readonly number[]): number[] {
  return times.slice(1).map((time, i) => time / times[i]!);
}

/**
 * At most logarithmic growth: from the smallest to the largest size, time grows no more than log(n) does
 * (100 → 100,000 rows allows 2.5×; a linear scan would be 1,000×).
 */
export function logarithmicBound(sizes: readonly number[]): number {
  const first = sizes[0]!;
  const last = sizes[sizes.length - 1]!;
  return Math.log(last) / Math.log(first);
}

export function mb(bytes: number): number {
  return bytes / (1024 * 1024);
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
