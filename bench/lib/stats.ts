/** Percentile summary of a set of samples (ms). */
export interface Summary {
  count: number;
  min: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** The q-quantile (0..1) of ascending-sorted values, nearest-rank. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Summarise samples: count, min, p50, p95, p99, max, mean. */
export function summarize(samples: ArrayLike<number>): Summary {
  return summarizeSorted(Float64Array.from(samples).sort());
}

/** Summarise samples already sorted ascending. */
export function summarizeSorted(sorted: Float64Array): Summary {
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: sorted.length,
    min: sorted.length ? (sorted[0] as number) : Number.NaN,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    max: sorted.length ? (sorted[sorted.length - 1] as number) : Number.NaN,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
  };
}

/** Median of a few values (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The q-quantile over `expected` deliveries when only `sorted` (ascending) arrived: a lost
 * delivery counts as never arriving, so the quantile is Infinity once losses reach its rank.
 */
export function quantileOverExpected(sorted: ArrayLike<number>, expected: number, q: number): number {
  if (expected <= 0) return Number.NaN;
  const rank = Math.max(0, Math.ceil(q * expected) - 1);
  return rank < sorted.length ? (sorted[rank] as number) : Number.POSITIVE_INFINITY;
}

/** A growable buffer of float samples, cheap to append to at thousands per second. */
export class SampleBuffer {
  private data = new Float64Array(4096);
  private n = 0;

  /** Append one sample. */
  push(v: number): void {
    if (this.n === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.n++] = v;
  }

  get length(): number {
    return this.n;
  }

  /** The samples so far. */
  values(): Float64Array {
    return this.data.subarray(0, this.n);
  }
}

/** Round for display. */
export function round(v: number, digits = 2): number {
  if (!Number.isFinite(v)) return v;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
