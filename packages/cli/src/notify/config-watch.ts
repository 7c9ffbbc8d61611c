import { statSync } from 'node:fs';
import type { LifecycleLogger } from '@ao/lifecycle';
import { configFilePath, readConfigDocument } from './config-file.js';
import { DEFAULT_NOTIFY_CONFIG, notifyConfigOf, type NotifyConfig } from './notify-config.js';

/**
 * The daemon's view of the notifications config: read again whenever config.json changes (its
 * inode, size or mtime), checked on every pass at the cost of one stat, so `ao notify` changes
 * apply without a restart. A file that does not read keeps the last config that did (logged once
 * per change), rather than dropping every sink over a typo.
 */
export class ConfigWatch {
  private signature: string | undefined;
  private config: NotifyConfig = DEFAULT_NOTIFY_CONFIG;

  constructor(
    private readonly home: string,
    private readonly logger: LifecycleLogger,
  ) {}

  /** The current config: the same object until the file changes and reads. */
  current(): NotifyConfig {
    const signature = this.fileSignature();
    if (signature === this.signature) return this.config;
    this.signature = signature;
    if (signature === 'absent') {
      this.config = DEFAULT_NOTIFY_CONFIG;
      return this.config;
    }
    try {
      const parsed = notifyConfigOf(readConfigDocument(this.home));
      if (parsed.ok) this.config = parsed.config;
      else this.logger.warn({ path: configFilePath(this.home), error: parsed.error }, 'notifications config is not valid; keeping the previous one');
    } catch (error) {
      this.logger.warn({ path: configFilePath(this.home), error: String((error as Error).message) }, 'notifications config does not read; keeping the previous one');
    }
    return this.config;
  }

  private fileSignature(): string {
    try {
      const stat = statSync(configFilePath(this.home));
      return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
    } catch {
      return 'absent';
    }
  }
}
