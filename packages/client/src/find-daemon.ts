import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where a client finds the API: the running daemon's `$AO_HOME/run/api.json` and `$AO_HOME/api-token`. */
export interface Endpoint {
  url: string;
  token: string;
}

export function resolveAoHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.AO_HOME && env.AO_HOME.length > 0 ? env.AO_HOME : join(homedir(), '.ao');
}

/** The URL and token of the daemon serving `aoHome`; a clear error when none runs. */
export function findDaemon(aoHome: string = resolveAoHome()): Endpoint {
  let url: string;
  try {
    ({ url } = JSON.parse(readFileSync(join(aoHome, 'run', 'api.json'), 'utf8')) as { url: string });
  } catch {
    throw new Error(`no ao daemon serves ${aoHome} (no run/api.json): start one with \`ao daemon\` (ao spawn starts one too)`);
  }
  let token: string;
  try {
    token = readFileSync(join(aoHome, 'api-token'), 'utf8').trim();
  } catch {
    throw new Error(`cannot read the API token ${join(aoHome, 'api-token')}`);
  }
  return { url, token };
}
