/**
 * Wall-clock milliseconds with sub-millisecond resolution. Every process on
 * the host reads the same clock, so one process can name an epoch and the
 * others can stamp and time messages against it.
 */
export function wallClockMs(): number {
  return performance.timeOrigin + performance.now();
}
