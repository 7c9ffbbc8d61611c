import { invalidArgument } from '../cli-error.js';
import { parseCount } from '../parse-values.js';
import type { DaemonOptions } from './daemon-loop.js';

const LOOPBACK = '127.0.0.1';

/** `ao daemon [--port N] [--listen ADDR] [--no-api]` as the daemon's options. */
export function daemonOptionsFrom(flags: { port?: string; listen?: string; api?: boolean }): DaemonOptions {
  const port = parseCount(flags.port, '--port') ?? 0;
  if (port > 65535) throw invalidArgument(`--port must be from 0 to 65535, got ${port}`);
  const listen = flags.listen ?? LOOPBACK;
  if (!/^[0-9A-Za-z.:-]{1,253}$/.test(listen)) throw invalidArgument(`--listen must be an address like 127.0.0.1 or ::1, got ${JSON.stringify(listen)}`);
  return { api: flags.api === false ? null : { port, listen } };
}
