import type { LifecycleLogger, Store } from '@ao/lifecycle';
import { openRequestOf } from './decide-notifications.js';
import type { Notification } from './notification-kinds.js';
import { outgoingMessage } from './notification-text.js';
import { dueDeliveries, markDelivered, nextDueAt, recordFailedAttempt, skipDeliveries, type PendingDelivery, type SinkId } from './notification-store.js';
import { afterFailure, type RetryPolicy } from './retry-policy.js';
import type { Sink } from './sink.js';

export interface SchedulerOptions {
  store: Store;
  logger: LifecycleLogger;
  sinks: () => ReadonlyMap<SinkId, Sink>;
  apiUrl: string | null;
  /** After a send, what a sink receives within this is held and sent as one message when it ends. */
  groupWindowMs: number;
  retry: RetryPolicy;
  /** Sends in flight at once, over all sinks (each sink has at most one). */
  maxConcurrentSends: number;
  now: () => number;
}

/** At most this many notifications in one message; the rest go in the next. */
const MAX_GROUP = 20;

/**
 * Sends what the store says is due, off the ingestion path (docs/notifications.md, "Delivery").
 * Everything it knows lives in the store (pending rows, attempts, next attempt times), so a
 * restarted daemon goes on where the last one stopped; in memory there is only what is in flight
 * and when each sink last sent, for grouping.
 *
 * Grouping: a sink that has not sent for `groupWindowMs` sends at once (one notification is never
 * held back); what falls due within the window after a send waits for the window's end and goes
 * as one message ("3 sessions need you").
 */
export class DeliveryScheduler {
  private readonly busy = new Set<SinkId>();
  private readonly lastSentAt = new Map<SinkId, number>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly abort = new AbortController();
  private running = false;
  private rerun = false;
  private stopped = false;
  private wakeTimer: NodeJS.Timeout | undefined;
  private wakeAt = Infinity;

  constructor(private readonly options: SchedulerOptions) {}

  /** Looks for due deliveries now (after a pass recorded new ones, or a send finished). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.rerun = true;
      return;
    }
    this.running = true;
    try {
      do {
        this.rerun = false;
        this.dispatchDue();
      } while (this.rerun && !this.stopped);
    } catch (error) {
      this.options.logger.warn({ error: String(error) }, 'notification delivery pass failed; will retry');
      this.wake(this.options.now() + 1000);
    } finally {
      this.running = false;
    }
  }

  /** Cancels sends in flight (their attempts are not counted: they stay pending) and waits for them. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.abort.abort();
    await Promise.allSettled([...this.inFlight]);
  }

  private dispatchDue(): void {
    const { store, now: clock } = this.options;
    const now = clock();
    const bySink = new Map<SinkId, PendingDelivery[]>();
    for (const delivery of dueDeliveries(store, now)) {
      const list = bySink.get(delivery.sink) ?? [];
      list.push(delivery);
      bySink.set(delivery.sink, list);
    }
    const sinks = this.options.sinks();
    for (const [sinkId, due] of bySink) {
      if (this.busy.has(sinkId)) continue; // its send's end kicks again
      const sink = sinks.get(sinkId);
      if (sink === undefined) {
        skipDeliveries(store, sinkId, due.map((delivery) => delivery.key), 'the sink was removed from the config (or the desktop was turned off)', now);
        continue;
      }
      const stale = due.filter((delivery) => !stillApplies(store, delivery.notification));
      if (stale.length > 0) skipDeliveries(store, sinkId, stale.map((delivery) => delivery.key), 'the dialog was answered before it was sent', now);
      const live = due.filter((delivery) => !stale.includes(delivery));
      if (live.length === 0) continue;
      const holdUntil = (this.lastSentAt.get(sinkId) ?? -Infinity) + this.options.groupWindowMs;
      if (now < holdUntil) {
        this.wake(holdUntil);
        continue;
      }
      if (this.inFlight.size >= this.options.maxConcurrentSends) continue; // a send's end kicks again
      this.send(sink, live.slice(0, MAX_GROUP), now);
    }
    const next = nextDueAt(store);
    if (next !== null && next > now) this.wake(next);
  }

  private send(sink: Sink, deliveries: PendingDelivery[], now: number): void {
    const { store, logger } = this.options;
    this.busy.add(sink.id);
    this.lastSentAt.set(sink.id, now);
    const outgoing = outgoingMessage(deliveries.map((delivery) => delivery.notification), this.options.apiUrl);
    const keys = deliveries.map((delivery) => delivery.key);
    const work = sink
      .send(outgoing, this.abort.signal)
      .then((result) => {
        if (this.stopped) return; // cancelled or cut short: left pending for the next daemon
        const at = this.options.now();
        if (result.ok) {
          markDelivered(store, sink.id, keys, at);
          return;
        }
        store.transaction(() => {
          for (const delivery of deliveries) {
            const verdict = afterFailure(this.options.retry, delivery.attempts + 1, delivery.createdAt, at, result.permanent);
            recordFailedAttempt(store, sink.id, delivery.key, { error: result.error, now: at, nextAttemptAt: verdict.retry ? verdict.nextAttemptAt : null });
          }
        });
        logger.warn({ sink: sink.id, target: sink.target, error: result.error, keys }, 'notification not delivered');
      })
      .catch((error: unknown) => logger.warn({ sink: sink.id, error: String(error) }, 'recording a notification delivery failed'))
      .finally(() => {
        this.busy.delete(sink.id);
        this.inFlight.delete(work);
        this.kick();
      });
    this.inFlight.add(work);
  }

  /** Runs a pass at `at` (the earliest of the times asked for). */
  private wake(at: number): void {
    if (this.stopped || at >= this.wakeAt) return;
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeAt = at;
    this.wakeTimer = setTimeout(() => {
      this.wakeAt = Infinity;
      this.wakeTimer = undefined;
      this.kick();
    }, Math.max(0, at - this.options.now()));
    this.wakeTimer.unref();
  }
}

/**
 * A "needs you" is sent only while the session still waits on that dialog: one answered in the
 * meantime (while a retry waited, or while no daemon ran) is not news any more.
 */
function stillApplies(store: Store, notification: Notification): boolean {
  if (notification.kind !== 'needs-input') return true;
  const session = notification.sessionId === null ? undefined : store.getSession(notification.sessionId);
  return session !== undefined && openRequestOf(session)?.id === notification.request?.id;
}
