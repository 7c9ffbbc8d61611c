import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { AoApiError } from './api-error.js';

/** Where a client finds the API: the running daemon's `$AO_HOME/run/api.json` and `$AO_HOME/api-token`. */
export interface Endpoint {
  url: string;
  token: string;
  /** The daemon's keep-alive period, as its api.json says (absent from older daemons). */
  keepAliveMs?: number;
}

export function resolveAoHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.AO_HOME && env.AO_HOME.length > 0 ? env.AO_HOME : join(homedir(), '.ao');
}

/** The URL of the daemon serving `aoHome` now (it changes when the daemon restarts). */
export function readApiUrl(aoHome: string): string {
  return readApiInfo(aoHome).url;
}

/** `$AO_HOME/run/api.json`: the daemon's URL and its keep-alive period. */
export function readApiInfo(aoHome: string): { url: string; keepAliveMs?: number } {
  try {
    const { url, keepAliveMs } = JSON.parse(readFileSync(join(aoHome, 'run', 'api.json'), 'utf8')) as { url: unknown; keepAliveMs: unknown };
    if (typeof url === 'string' && url.length > 0) return { url, ...(typeof keepAliveMs === 'number' && keepAliveMs > 0 && { keepAliveMs }) };
  } catch {
    // missing or half-written: no daemon to talk to
  }
  throw new AoApiError(0, 'unreachable', `no ao daemon serves ${aoHome} (no run/api.json): start one with \`ao daemon\` (ao spawn starts one too)`);
}

/** The bearer token of `aoHome` (the daemon creates it once and keeps it across restarts). */
export function readApiToken(aoHome: string): string {
  let token = '';
  try {
    token = readFileSync(join(aoHome, 'api-token'), 'utf8').trim();
  } catch {
    // missing: said below
  }
  if (token.length > 0) return token;
  throw new AoApiError(0, 'unreachable', `cannot read the API token ${join(aoHome, 'api-token')}: start \`ao daemon\` once to create it`);
}

/** The URL and token of the daemon serving `aoHome`; an `unreachable` AoApiError when none runs. */
export function findDaemon(aoHome: string = resolveAoHome()): Endpoint {
  return { ...readApiInfo(aoHome), token: readApiToken(aoHome) };
}
