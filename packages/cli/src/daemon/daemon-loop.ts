import { mkdirSync, rmSync, watch, type FSWatcher } from 'node:fs';
import { reapOnce } from '@ao/lifecycle';
import type { CliContext } from '../cli-context.js';
import { acquireDaemonLock, releaseDaemonLock } from './daemon-lock.js';
import { startDaemonServer, type DaemonServer } from './daemon-server.js';
import { daemonSocketPath } from './daemon-protocol.js';
import { EventHub } from '../api/event-hub.js';
import type { ApiOptions, ApiServer } from '../api/api-server.js';
import { AO_VERSION } from '../version.js';

export interface DaemonOptions {
  /** The HTTP API's address (null: none); 127.0.0.1 on a port the system picks unless asked. */
  api?: ApiOptions | null;
  reapIntervalMs?: number;
  /** Ingestion also runs on this period, in case a filesystem watch event is missed. */
  ingestIntervalMs?: number;
}

/**
 * After SIGTERM or SIGINT the daemon is gone within this, whatever it was doing: a stop that
 * waits on work that never ends (a store locked by a stopped process, a hung client) must not
 * leave a daemon that "ignores SIGTERM".
 */
const STOP_DEADLINE_MS = 2000;

/** The daemon reads state for every API call and `ao ls`: transcripts are checked at most this often. */
const TRANSCRIPT_CHECK_INTERVAL_MS = 250;

/**
 * `ao daemon`: applies spool records as they arrive, runs the reaper every 2 s, and on start
 * reconciles (ingests what piled up, reaps what died while no daemon ran). It owns no agent:
 * killing it stops nothing, and any `ao` command does its work when it is gone.
 */
export async function runDaemon(context: CliContext, options: DaemonOptions = {}): Promise<number> {
  const { paths, logger } = context;
  if (!acquireDaemonLock(paths.home)) {
    process.stderr.write('ao: a daemon is already running for this AO_HOME\n');
    return 0;
  }
  mkdirSync(paths.spool, { recursive: true, mode: 0o700 });
  context.transcriptCheckIntervalMs = TRANSCRIPT_CHECK_INTERVAL_MS;
  context.reapsOnItsOwn = true;
  let stopping = false;
  let reaping = false;
  // The passes in flight, awaited (within the deadline) before the store is closed under them.
  const inFlight = new Set<Promise<void>>();
  const track = (work: () => Promise<void>) => {
    const promise = work().finally(() => inFlight.delete(promise));
    inFlight.add(promise);
    return promise;
  };

  // Event streams read the log after each pass, and when another process wrote it (lastSeq moved).
  const hub = new EventHub();
  let lastSeq = -1;
  const noticeNewEvents = () => {
    if (hub.subscribers === 0) return;
    try {
      const seq = context.store.maxEventSeq();
      if (seq !== lastSeq) {
        lastSeq = seq;
        hub.notify();
      }
    } catch {
      // the store is unreadable now; the next tick tries again
    }
  };
  const ingest = () =>
    track(async () => {
      if (stopping) return;
      try {
        // Streams hear of new signals before the transcript check, which can take a few ms more.
        await context.ingest({ afterSpool: noticeNewEvents });
        noticeNewEvents();
      } catch (error) {
        logger.warn({ error: String(error) }, 'daemon ingestion failed; will retry');
      }
    });
  const reap = () =>
    track(async () => {
      if (reaping || stopping) return;
      reaping = true;
      try {
        await context.ingest();
        const report = await reapOnce({ store: context.store, logger });
        if (report.reaped.length > 0) logger.info({ reaped: report.reaped }, 'daemon reaped sessions');
        noticeNewEvents();
      } catch (error) {
        logger.warn({ error: String(error) }, 'daemon reaper pass failed; will retry');
      } finally {
        reaping = false;
      }
    });

  // Listen for the stop first: a SIGTERM during the boot reconcile must stop the daemon too.
  const stopped = new Promise<void>((resolve) => {
    const stop = () => {
      stopping = true;
      const watchdog = setTimeout(() => {
        logger.warn({ deadlineMs: STOP_DEADLINE_MS }, 'daemon did not stop in time; exiting anyway');
        releaseDaemonLock(paths.home);
        process.exit(1);
      }, STOP_DEADLINE_MS);
      watchdog.unref(); // a stop that completes leaves nothing for it to do
      resolve();
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });

  logger.info({}, 'daemon started');
  await Promise.race([reap(), stopped]); // boot reconcile
  let server: DaemonServer | undefined;
  if (!stopping) {
    try {
      server = await startDaemonServer(context);
    } catch (error) {
      logger.warn({ error: String(error) }, 'cannot serve the daemon socket; clients read the store themselves');
    }
  }

  let api: ApiServer | undefined;
  const apiOptions = options.api === undefined ? { port: 0, listen: '127.0.0.1' } : options.api;
  if (!stopping && apiOptions) {
    try {
      const { startApiServer } = await import('../api/api-server.js');
      api = await startApiServer(context, hub, apiOptions, AO_VERSION);
      logger.info({ url: api.url }, 'daemon serves the HTTP API');
    } catch (error) {
      // The daemon's other work goes on: hooks are ingested and deaths reaped without the API.
      logger.warn({ error: String(error), ...apiOptions }, 'cannot serve the HTTP API');
      process.stderr.write(`ao: cannot serve the HTTP API on ${apiOptions.listen}:${apiOptions.port}: ${(error as Error).message}\n`);
    }
  }

  // Notifications (docs/notifications.md): decided when the hub reports new entries, sent off this path.
  const notifier = stopping ? undefined : (await import('../notify/notifier.js')).startNotifier(context, hub, { apiUrl: api?.url ?? null });

  let pending: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(paths.spool, (_event, name) => {
      // A record being written (`.tmp-…`) is not ready: its rename is the event that counts.
      if (typeof name === 'string' && name.startsWith('.tmp-')) return;
      pending ??= setTimeout(() => {
        pending = undefined;
        void ingest();
      }, 5);
    });
  } catch (error) {
    logger.warn({ error: String(error) }, 'cannot watch the spool; ingesting on a timer only');
  }
  const ingestTimer = setInterval(() => void ingest(), options.ingestIntervalMs ?? 1000);
  const reapTimer = setInterval(() => void reap(), options.reapIntervalMs ?? 2000);
  // Events other processes append (an `ao approve` in a terminal) reach the streams within this.
  const seqTimer = setInterval(noticeNewEvents, 100);

  await stopped;
  watcher?.close();
  server?.stop();
  if (server) rmSync(daemonSocketPath(paths.home), { force: true });
  clearInterval(ingestTimer);
  clearInterval(reapTimer);
  clearInterval(seqTimer);
  api?.stop();
  if (pending) clearTimeout(pending);
  await notifier?.stop();
  await Promise.allSettled([...inFlight]);
  releaseDaemonLock(paths.home);
  logger.info({}, 'daemon stopped');
  return 0;
}
