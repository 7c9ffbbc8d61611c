import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where a running daemon's API is: `$AO_HOME/run/api.json` = `{url, pid, keepAliveMs}`, mode 0600. */
export interface ApiInfo {
  url: string;
  pid: number;
  /** How often its event streams send a keep-alive: a client takes 2 × this of silence as a dead stream. */
  keepAliveMs: number;
}

export function apiInfoPath(aoHome: string): string {
  return join(aoHome, 'run', 'api.json');
}

export function writeApiInfo(aoHome: string, info: ApiInfo): void {
  mkdirSync(join(aoHome, 'run'), { recursive: true, mode: 0o700 });
  const path = apiInfoPath(aoHome);
  // Written whole then renamed: a client never reads half a file.
  writeFileSync(`${path}.tmp`, `${JSON.stringify(info)}\n`, { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}

export function removeApiInfo(aoHome: string, pid: number): void {
  try {
    const info = JSON.parse(readFileSync(apiInfoPath(aoHome), 'utf8')) as ApiInfo;
    if (info.pid === pid) rmSync(apiInfoPath(aoHome), { force: true });
  } catch {
    // nothing of ours to remove
  }
}
