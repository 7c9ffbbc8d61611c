/** The largest time a Date holds (±100,000,000 days from the epoch): beyond it toISOString throws. */
const MAX_DATE_MS = 8.64e15;

/** A time in ms since the epoch that can be shown as an ISO date. */
export function isTimeMs(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_DATE_MS;
}
