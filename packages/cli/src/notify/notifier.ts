import { DEFAULT_NO_SIGNAL_AFTER_MS, DEFAULT_STALE_AFTER_MS, type LifecycleLogger, type Store } from '@ao/lifecycle';
import type { EventHub } from '../api/event-hub.js';
import type { CliContext } from '../cli-context.js';
import { displayOptions } from '../display-settings.js';
import { ConfigWatch } from './config-watch.js';
import { configuredSinks } from './configured-sinks.js';
import { ensureNotifyCursor, runDecisionPass } from './decision-pass.js';
import { DeliveryScheduler } from './delivery-scheduler.js';
import { findDesktopCommand, type DesktopCommand } from './desktop-sink.js';
import { pruneNotifications, type SinkId } from './notification-store.js';
import type { NotifyConfig } from './notify-config.js';
import { notifierTuning } from './notifier-tuning.js';
import type { Sink } from './sink.js';

export interface Notifier {
  /** Stops deciding and sending; sends in flight are cancelled and stay pending in the store. */
  stop(): Promise<void>;
}

/** Also decide on this period, in case a pass failed (the store was busy) and nothing new came since. */
const FALLBACK_PASS_MS = 1000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;
const KEEP_NOTIFICATIONS_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * The daemon's notifier (docs/notifications.md): after the event hub reports new entries in the
 * log, decides what to tell the user (one short store transaction) and hands the sending to the
 * delivery scheduler, which runs on its own: a slow or failing webhook never holds up ingestion.
 */
export function startNotifier(context: CliContext, hub: EventHub, options: { apiUrl: string | null }): Notifier {
  try {
    return createNotifier(context, hub, options);
  } catch (error) {
    // The daemon's other work goes on without notifications (the store did not open, say).
    context.logger.warn({ error: String(error) }, 'cannot start the notifier; no notifications are sent');
    return { stop: async () => {} };
  }
}

function createNotifier(context: CliContext, hub: EventHub, options: { apiUrl: string | null }): Notifier {
  const { logger } = context;
  const store: Store = context.store;
  const tuning = notifierTuning(context.env, logger);
  const configWatch = new ConfigWatch(context.paths.home, logger);
  let desktop: DesktopCommand | null | undefined; // looked for once, the first time the desktop is on
  let sinks = new Map<SinkId, Sink>();
  let sinksFor: NotifyConfig | undefined;
  const refreshConfig = () => {
    const config = configWatch.current();
    if (config !== sinksFor) {
      sinksFor = config;
      if (config.desktop && desktop === undefined) desktop = findDesktopCommand(process.platform, context.env);
      sinks = new Map(configuredSinks(config, desktop ?? null).map((sink) => [sink.id, sink]));
    }
    return config;
  };
  // The sinks as configured now (one stat of config.json): a retry never goes to a webhook removed meanwhile.
  const scheduler = new DeliveryScheduler({ store, logger, sinks: () => (refreshConfig(), sinks), apiUrl: options.apiUrl, now: Date.now, ...tuning });

  let stopped = false;
  let lastPruneAt = 0;
  const pass = () => {
    if (stopped) return;
    try {
      const config = refreshConfig();
      const { added, more } = runDecisionPass(
        {
          store,
          settings: { turnDone: config.turnDone },
          sinks: [...sinks.values()],
          apiUrl: options.apiUrl,
          display: (now) => displaySettings(context.env, now, logger),
          now: Date.now,
        },
        1,
      );
      if (added > 0) logger.info({ added }, 'notifications decided');
      if (more) queuePass(); // the rest of a backlog on the next turn of the loop
      if (Date.now() - lastPruneAt > PRUNE_EVERY_MS) {
        lastPruneAt = Date.now();
        pruneNotifications(store, Date.now() - KEEP_NOTIFICATIONS_MS);
      }
    } catch (error) {
      logger.warn({ error: String(error) }, 'notification pass failed; will retry');
    }
    scheduler.kick();
  };
  // Hub notifications come in bursts (one per ingestion pass, per API call): one pass per turn of the loop.
  let queued = false;
  const queuePass = () => {
    if (queued || stopped) return;
    queued = true;
    setImmediate(() => {
      queued = false;
      pass();
    });
  };

  try {
    ensureNotifyCursor(store);
  } catch (error) {
    logger.warn({ error: String(error) }, 'cannot place the notifier cursor; will retry');
  }
  const unsubscribe = hub.subscribe(queuePass);
  const timer = setInterval(queuePass, FALLBACK_PASS_MS);
  timer.unref();
  queuePass(); // what happened while no daemon ran, and deliveries left pending by the last one

  return {
    async stop() {
      stopped = true;
      unsubscribe();
      clearInterval(timer);
      await scheduler.stop();
    },
  };
}

/** The session objects' display thresholds; a bad setting (already reported by every command) falls back to the defaults here. */
function displaySettings(env: NodeJS.ProcessEnv, now: number, logger: LifecycleLogger) {
  try {
    return displayOptions(env, now);
  } catch (error) {
    logger.warn({ error: String(error) }, 'display settings are not valid; notifications use the defaults');
    return { now, staleAfterMs: DEFAULT_STALE_AFTER_MS, noSignalAfterMs: DEFAULT_NO_SIGNAL_AFTER_MS };
  }
}
