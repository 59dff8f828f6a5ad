/** Latencies of successful (2xx) requests and counts of the others, by HTTP status. */
export class Latencies {
  readonly ok: number[] = [];
  readonly errors = new Map<number, number>();
  /** The first answer of each failing status, to show what went wrong. */
  readonly errorSamples = new Map<number, string>();

  record(status: number, ms: number, text: string): void {
    if (status >= 200 && status < 300) {
      this.ok.push(ms);
      return;
    }
    this.errors.set(status, (this.errors.get(status) ?? 0) + 1);
    if (!this.errorSamples.has(status)) this.errorSamples.set(status, text.slice(0, 300));
  }

  get errorCount(): number {
    let n = 0;
    for (const count of this.errors.values()) n += count;
    return n;
  }

  /** "409: 3, 500: 1", or "none". Status 0 means no response (connection error). */
  errorSummary(): string {
    if (this.errors.size === 0) return 'none';
    return [...this.errors]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status === 0 ? 'no response' : status}: ${count}`)
      .join(', ');
  }

  /** The p-quantile (0..1) of the successful requests, or null when there were none. */
  percentile(p: number): number | null {
    return percentile(this.ok, p);
  }

  merge(other: Latencies): void {
    this.ok.push(...other.ok);
    for (const [status, count] of other.errors)
      this.errors.set(status, (this.errors.get(status) ?? 0) + count);
    for (const [status, text] of other.errorSamples)
      if (!this.errorSamples.has(status)) this.errorSamples.set(status, text);
  }
}

/** Nearest-rank percentile, as in the store benchmark. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}
