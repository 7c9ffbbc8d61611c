import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { LifecycleLogger } from '@ao/lifecycle';

const require = createRequire(import.meta.url);

/**
 * A pino logger writing to `$AO_HOME/logs/ao.log`, created on first use: most commands log
 * nothing, and loading pino up front would cost every `ao ls` a few milliseconds.
 */
export function lazyFileLogger(logsDir: string, component: string): LifecycleLogger {
  let instance: LifecycleLogger | undefined;
  const get = (): LifecycleLogger => {
    if (!instance) {
      const pino = require('pino') as typeof import('pino');
      const destination = pino.destination({ dest: join(logsDir, 'ao.log'), mkdir: true, sync: true });
      instance = pino.default({ base: { component, pid: process.pid } }, destination);
    }
    return instance;
  };
  return {
    info: (data, message) => get().info(data, message),
    warn: (data, message) => get().warn(data, message),
  };
}
