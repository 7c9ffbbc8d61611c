import type { Store } from '@ao/lifecycle';
import type { Notification } from './notification-kinds.js';

/**
 * The notifier's durable state in the store (docs/notifications.md, "Exactly once"; tables of
 * migration step 4): its cursor in the event log (meta `notify.cursor`), every notification
 * decided (primary key: its key), and each sink's delivery of it.
 */
export const NOTIFY_CURSOR_META = 'notify.cursor';

/** `pending` until sent; `failed` once the retries are spent; `skipped` when it no longer applies. */
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'skipped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** `desktop`, or `webhook:<id>` for a configured webhook. */
export type SinkId = 'desktop' | `webhook:${string}`;

export function webhookSinkId(webhookId: string): SinkId {
  return `webhook:${webhookId}`;
}

/** The notifier's cursor: the last seq it has decided on; null before its first start. */
export function readNotifyCursor(store: Store): number | null {
  const value = store.getMeta(NOTIFY_CURSOR_META);
  const cursor = value === undefined ? NaN : Number(value);
  return Number.isSafeInteger(cursor) && cursor >= 0 ? cursor : null;
}

/**
 * Records what one pass decided and moves the cursor past the entries it read. Call inside the
 * transaction that read those entries: decisions and cursor land together or not at all. A key
 * decided before is left alone (INSERT OR IGNORE), so a pass repeated after a crash adds nothing.
 * Returns the keys that are new.
 */
export function recordDecisions(store: Store, pass: { cursor: number; now: number; decided: { notification: Notification; sinks: SinkId[] }[] }): string[] {
  const insertNotification = store.db.prepare(
    'INSERT OR IGNORE INTO notifications (key, kind, priority, session_id, request_id, seq, created_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertDelivery = store.db.prepare("INSERT OR IGNORE INTO notification_deliveries (key, sink, status, next_attempt_at) VALUES (?, ?, 'pending', ?)");
  const added: string[] = [];
  for (const { notification: n, sinks } of pass.decided) {
    const inserted = insertNotification.run(n.key, n.kind, n.priority, n.sessionId, n.request?.id ?? null, n.seq, pass.now, JSON.stringify(n)).changes === 1;
    if (!inserted) continue;
    added.push(n.key);
    for (const sink of sinks) insertDelivery.run(n.key, sink, pass.now);
  }
  store.setMeta(NOTIFY_CURSOR_META, String(pass.cursor));
  return added;
}

export interface PendingDelivery {
  key: string;
  sink: SinkId;
  attempts: number;
  createdAt: number;
  notification: Notification;
}

interface PendingRow {
  key: string;
  sink: string;
  attempts: number;
  created_at: number;
  payload: string;
}

/** Pending deliveries due by `now`, oldest first. */
export function dueDeliveries(store: Store, now: number, limit = 500): PendingDelivery[] {
  const rows = store.db
    .prepare(
      `SELECT d.key, d.sink, d.attempts, n.created_at, n.payload FROM notification_deliveries d JOIN notifications n ON n.key = d.key
       WHERE d.status = 'pending' AND d.next_attempt_at <= ? ORDER BY d.next_attempt_at, n.created_at, d.key LIMIT ?`,
    )
    .all(now, limit) as PendingRow[];
  const due: PendingDelivery[] = [];
  for (const row of rows) {
    try {
      due.push({ key: row.key, sink: row.sink as SinkId, attempts: row.attempts, createdAt: row.created_at, notification: JSON.parse(row.payload) as Notification });
    } catch {
      // Written by this code as JSON: unreadable means damaged. It is skipped, never retried forever.
      skipDeliveries(store, row.sink as SinkId, [row.key], 'the stored notification is not readable', now);
    }
  }
  return due;
}

/** When the next pending delivery falls due, or null when none is pending. */
export function nextDueAt(store: Store): number | null {
  return store.db.prepare("SELECT min(next_attempt_at) FROM notification_deliveries WHERE status = 'pending'").pluck().get() as number | null;
}

export function markDelivered(store: Store, sink: SinkId, keys: readonly string[], now: number): void {
  const update = store.db.prepare(
    "UPDATE notification_deliveries SET status = 'delivered', attempts = attempts + 1, delivered_at = ?, last_attempt_at = ?, last_error = NULL WHERE key = ? AND sink = ? AND status = 'pending'",
  );
  store.transaction(() => {
    for (const key of keys) update.run(now, now, key, sink);
  });
}

/** A failed attempt: tried again at `nextAttemptAt`, or failed for good when that is null. */
export function recordFailedAttempt(store: Store, sink: SinkId, key: string, failure: { error: string; now: number; nextAttemptAt: number | null }): void {
  store.db
    .prepare(
      `UPDATE notification_deliveries SET attempts = attempts + 1, last_error = ?, last_attempt_at = ?,
       status = CASE WHEN ? IS NULL THEN 'failed' ELSE 'pending' END, next_attempt_at = coalesce(?, next_attempt_at)
       WHERE key = ? AND sink = ? AND status = 'pending'`,
    )
    .run(failure.error, failure.now, failure.nextAttemptAt, failure.nextAttemptAt, key, sink);
}

/** Deliveries that no longer apply (the dialog was answered, the sink was removed). */
export function skipDeliveries(store: Store, sink: SinkId, keys: readonly string[], reason: string, now: number): void {
  const update = store.db.prepare(
    "UPDATE notification_deliveries SET status = 'skipped', last_error = ?, last_attempt_at = ? WHERE key = ? AND sink = ? AND status = 'pending'",
  );
  store.transaction(() => {
    for (const key of keys) update.run(reason, now, key, sink);
  });
}

/** How a sink has fared since `since`: what `ao notify ls` and `ao doctor` report. */
export interface SinkHealth {
  delivered: number;
  pending: number;
  /** Pending after at least one failed attempt. */
  retrying: number;
  failed: number;
  skipped: number;
  /** The latest failure's error and attempts, when there is one. */
  lastError: string | null;
  lastErrorAttempts: number | null;
  lastErrorAt: number | null;
}

export function sinkHealth(store: Store, sink: SinkId, since: number): SinkHealth {
  const counts = store.db
    .prepare(
      `SELECT d.status, (d.status = 'pending' AND d.attempts > 0) AS retrying, count(*) AS n FROM notification_deliveries d
       JOIN notifications n ON n.key = d.key WHERE d.sink = ? AND n.created_at >= ? GROUP BY 1, 2`,
    )
    .all(sink, since) as { status: DeliveryStatus; retrying: number; n: number }[];
  const health: SinkHealth = { delivered: 0, pending: 0, retrying: 0, failed: 0, skipped: 0, lastError: null, lastErrorAttempts: null, lastErrorAt: null };
  for (const row of counts) {
    health[row.status] += row.n;
    if (row.retrying) health.retrying += row.n;
  }
  const latest = store.db
    .prepare(
      `SELECT d.last_error, d.attempts, d.last_attempt_at FROM notification_deliveries d JOIN notifications n ON n.key = d.key
       WHERE d.sink = ? AND n.created_at >= ? AND d.status IN ('pending', 'failed') AND d.last_error IS NOT NULL ORDER BY d.last_attempt_at DESC LIMIT 1`,
    )
    .get(sink, since) as { last_error: string; attempts: number; last_attempt_at: number } | undefined;
  if (latest) Object.assign(health, { lastError: latest.last_error, lastErrorAttempts: latest.attempts, lastErrorAt: latest.last_attempt_at });
  return health;
}

/**
 * Forgets notifications older than `olderThan` (30 days in the daemon) with nothing left to send.
 * Their keys go with them; the cursor has long passed the entries that decided them, so only a
 * dialog still open a month later and reported again could be notified a second time.
 */
export function pruneNotifications(store: Store, olderThan: number): number {
  return store.transaction(
    () =>
      store.db
        .prepare(
          "DELETE FROM notifications WHERE created_at < ? AND NOT EXISTS (SELECT 1 FROM notification_deliveries d WHERE d.key = notifications.key AND d.status = 'pending')",
        )
        .run(olderThan).changes,
  );
}
