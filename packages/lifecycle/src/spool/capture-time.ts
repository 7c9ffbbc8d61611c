/** Wall-clock nanoseconds since the epoch as a decimal string (the sh path uses `date +%s%N`). */
export function nowNs(): string {
  const ms = performance.timeOrigin + performance.now();
  return (BigInt(Math.floor(ms * 1000)) * 1000n).toString();
}

export function nsToMs(ns: string): number {
  return Number(BigInt(ns) / 1000000n);
}
