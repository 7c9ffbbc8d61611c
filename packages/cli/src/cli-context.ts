import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { aoPaths, ingestSpool, resolveAoHome, Store, type AoPaths, type IngestStats, type LifecycleLogger } from '@ao/lifecycle';
import type { AdapterRegistry } from '@ao/registry';
import { createDefaultRegistry } from './adapters.js';
import { lazyFileLogger } from './lazy-logger.js';

/** Everything a command needs, created on demand so cheap commands stay cheap. */
export class CliContext {
  readonly paths: AoPaths;
  readonly logger: LifecycleLogger;
  private storeInstance: Store | undefined;
  private registryInstance: AdapterRegistry | undefined;

  constructor(readonly env: NodeJS.ProcessEnv = process.env) {
    this.paths = aoPaths(resolveAoHome(env));
    this.logger = lazyFileLogger(this.paths.logs, 'cli');
  }

  get store(): Store {
    this.storeInstance ??= Store.open(this.paths.database);
    return this.storeInstance;
  }

  get registry(): AdapterRegistry {
    this.registryInstance ??= createDefaultRegistry();
    return this.registryInstance;
  }

  /** The absolute path of this installation's `ao` launcher: what installed hooks run. */
  get aoCommand(): string {
    return realpathSync(fileURLToPath(new URL('../bin/ao', import.meta.url)));
  }

  now(): number {
    return Date.now();
  }

  /** Applies pending hook signals, so what a command reads is current. */
  ingest(): IngestStats {
    return ingestSpool({
      store: this.store,
      spoolDir: this.paths.spool,
      findDeriver: (harness) => this.registry.find(harness),
      logger: this.logger,
    });
  }

  close(): void {
    this.storeInstance?.close();
  }
}
