import { mkdirSync, watch, type FSWatcher } from 'node:fs';
import { reapOnce } from '@ao/lifecycle';
import type { CliContext } from '../cli-context.js';
import { acquireDaemonLock, releaseDaemonLock } from './daemon-lock.js';
import { startDaemonServer } from './daemon-server.js';
import { daemonSocketPath } from './daemon-protocol.js';
import { rmSync } from 'node:fs';
import type { Server } from 'node:net';

export interface DaemonOptions {
  reapIntervalMs?: number;
  /** Ingestion also runs on this period, in case a filesystem watch event is missed. */
  ingestIntervalMs?: number;
}

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
  let stopping = false;
  let reaping = false;

  const ingest = async () => {
    try {
      await context.ingest();
    } catch (error) {
      logger.warn({ error: String(error) }, 'daemon ingestion failed; will retry');
    }
  };
  const reap = async () => {
    if (reaping || stopping) return;
    reaping = true;
    try {
      await ingest();
      const report = await reapOnce({ store: context.store, logger });
      if (report.reaped.length > 0) logger.info({ reaped: report.reaped }, 'daemon reaped sessions');
    } catch (error) {
      logger.warn({ error: String(error) }, 'daemon reaper pass failed; will retry');
    } finally {
      reaping = false;
    }
  };

  logger.info({}, 'daemon started');
  await reap(); // boot reconcile
  let server: Server | undefined;
  try {
    server = await startDaemonServer(context);
  } catch (error) {
    logger.warn({ error: String(error) }, 'cannot serve the daemon socket; clients read the store themselves');
  }

  let pending: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(paths.spool, () => {
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

  await new Promise<void>((resolve) => {
    const stop = () => {
      stopping = true;
      resolve();
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  watcher?.close();
  server?.close();
  rmSync(daemonSocketPath(paths.home), { force: true });
  clearInterval(ingestTimer);
  clearInterval(reapTimer);
  if (pending) clearTimeout(pending);
  releaseDaemonLock(paths.home);
  logger.info({}, 'daemon stopped');
  return 0;
}
