/**
 * Latency percentiles from each answer's own time, in fractional milliseconds. autocannon's histogram
 * keeps whole milliseconds, which reads 0 for nearly every answer of a 1-connection run.
 */

/** p50 and p99 of `samplesMs` by nearest rank (NaN for no samples). */
export function latencyPercentiles(samplesMs: readonly number[]): { p50Ms: number; p99Ms: number } {
  const sorted = Float64Array.from(samplesMs).sort();
  const at = (p: number) => (sorted.length === 0 ? NaN : sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1]);
  return { p50Ms: at(50), p99Ms: at(99) };
}
