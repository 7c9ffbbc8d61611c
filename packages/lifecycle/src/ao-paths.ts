import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Where ao keeps its data: `$AO_HOME`, default `~/.ao` (docs/architecture.md). */
export function resolveAoHome(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.AO_HOME;
  return fromEnv && fromEnv.length > 0 ? resolve(fromEnv) : join(homedir(), '.ao');
}

export interface AoPaths {
  home: string;
  database: string;
  spool: string;
  logs: string;
  hookLog: string;
  installs: string;
  sessions: string;
}

export function aoPaths(home: string): AoPaths {
  return {
    home,
    database: join(home, 'ao.db'),
    spool: join(home, 'spool'),
    logs: join(home, 'logs'),
    hookLog: join(home, 'logs', 'hooks.log'),
    installs: join(home, 'installs'),
    sessions: join(home, 'sessions'),
  };
}
