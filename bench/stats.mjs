/** Small statistics helpers for the benchmarks: percentiles over sorted samples. */
export function percentile(samples, p) {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export function median(samples) {
  return percentile(samples, 50);
}

export function ms(value) {
  return `${value.toFixed(value < 10 ? 2 : 1)} ms`;
}
