import { aoLauncherPath } from './install-paths.js';
import { aoPaths, hasActiveSessionWithTranscript, ingestSpool, listSpool, reapOnce, resolveAoHome, Store, watchTranscripts, type AoPaths, type IngestStats, type LifecycleLogger } from '@ao/lifecycle';
import { daemonHealth } from './daemon/daemon-health.js';
import type { AdapterRegistry } from '@ao/registry';
import { lazyFileLogger } from './lazy-logger.js';

/** Everything a command needs, created on demand so cheap commands stay cheap. */
export class CliContext {
  readonly paths: AoPaths;
  readonly logger: LifecycleLogger;
  private storeInstance: Store | undefined;
  /**
   * A long-lived process (the daemon) that reads state many times a second checks transcripts at
   * most this often: each check stats every active session's transcript (~4 ms for 1,000
   * sessions), and a turn end found only there is then shown at most this much later.
   */
  transcriptCheckIntervalMs = 0;
  /** Set in the daemon, which runs the reaper on its own timer: its reads need not confirm deaths. */
  reapsOnItsOwn = false;
  private transcriptsCheckedAt = Number.NEGATIVE_INFINITY;
  private registryInstance: AdapterRegistry | undefined;

  constructor(readonly env: NodeJS.ProcessEnv = process.env) {
    this.paths = aoPaths(resolveAoHome(env));
    this.logger = lazyFileLogger(this.paths.logs, 'cli');
  }

  get store(): Store {
    this.storeInstance ??= Store.open(this.paths.database);
    return this.storeInstance;
  }

  /**
   * The adapter registry. Loaded on demand (the adapters and their installers cost tens of
   * milliseconds to import, and `ao ls` with an empty spool needs none of them).
   */
  async loadRegistry(): Promise<AdapterRegistry> {
    if (!this.registryInstance) {
      const { createDefaultRegistry } = await import('./adapters.js');
      this.registryInstance = createDefaultRegistry();
    }
    return this.registryInstance;
  }

  /** The registry, once loadRegistry() has run (commands that need adapters call it first). */
  get registry(): AdapterRegistry {
    if (!this.registryInstance) throw new Error('internal: the adapter registry is used before loadRegistry()');
    return this.registryInstance;
  }

  /** The absolute path of this installation's `ao` launcher: what installed hooks run. */
  get aoCommand(): string {
    return aoLauncherPath();
  }

  now(): number {
    return Date.now();
  }

  /** Applies pending hook signals, so what a command reads is current. */
  async ingest(options: { afterSpool?: () => void } = {}): Promise<IngestStats> {
    const stats = await this.applySpool();
    options.afterSpool?.();
    // A turn that ended without a hook (Codex on an API error) must not read as working: check the
    // transcripts of active sessions whenever state is read, not only on the daemon's tick.
    if (Date.now() - this.transcriptsCheckedAt < this.transcriptCheckIntervalMs) return stats;
    this.transcriptsCheckedAt = Date.now();
    if (hasActiveSessionWithTranscript(this.store) && (await this.watchTranscripts()).length > 0) await this.applySpool();
    return stats;
  }

  /**
   * What every read that shows state is built on (`ls`, `status`, `events`, and their `ao json`
   * actions): pending signals applied and, when no daemon is reaping (none runs, or it is stopped
   * or not answering), deaths confirmed by one reaper pass of our own, with the daemon's breaker
   * rules. Without it an adopted agent that died read `working` until someone ran `ao reap`.
   */
  async refresh(): Promise<void> {
    await this.ingest();
    if (this.reapsOnItsOwn || daemonHealth(this.paths.home).state === 'running') return;
    try {
      await reapOnce({ store: this.store, logger: this.logger });
    } catch (error) {
      // A read still answers with what the store says; the next read or `ao reap` tries again.
      this.logger.warn({ error: String(error) }, 'reaper pass during a read failed');
    }
  }

  private async applySpool(): Promise<IngestStats> {
    if (listSpool(this.paths.spool, 1).length === 0) return { consumed: 0, applied: 0, dropped: 0, duplicates: 0, rejected: 0, unclaimed: 0 };
    await this.loadRegistry();
    return ingestSpool({
      store: this.store,
      spoolDir: this.paths.spool,
      findDeriver: (harness) => this.registry.find(harness),
      findUsageReader: (harness) => {
        const adapter = this.registry.find(harness);
        return adapter?.readUsage ? (source) => adapter.readUsage!(source) : undefined;
      },
      logger: this.logger,
    });
  }

  /**
   * Turn ends that only the harness's transcript records (no hook came): written to the spool, to
   * be applied like any signal. Returns the sessions written for.
   */
  async watchTranscripts(): Promise<string[]> {
    const registry = await this.loadRegistry();
    const written = watchTranscripts({
      store: this.store,
      spoolDir: this.paths.spool,
      harnesses: registry.ids().filter((id) => registry.get(id).readTurnOutcome !== undefined),
      findReader: (harness) => {
        const adapter = registry.find(harness);
        return adapter?.readTurnOutcome ? (path: string) => adapter.readTurnOutcome!(path) : undefined;
      },
      logger: this.logger,
    });
    return written;
  }

  close(): void {
    this.storeInstance?.close();
  }
}
