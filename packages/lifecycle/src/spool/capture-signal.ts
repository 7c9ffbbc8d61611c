import { appendFileSync, mkdirSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { isAbsolute } from 'node:path';
import { isValidSessionId, isValidToken } from '@ao/activity-dispatch/signal-patterns';
import { nowNs } from './capture-time.js';
import { PAYLOAD_CAP_BYTES } from './spool-format.js';
import { writeSpoolRecord } from './spool-writer.js';

// The hook entry needs AO_HOME resolved exactly as every other command does.
export { resolveAoHome } from '../ao-paths.js';
export { findHookFirer } from './hook-firer.js';

/**
 * The Node implementation of `ao hooks <harness> <event> [--session ID]`, behaving exactly like the
 * POSIX-sh one in the `ao` launcher: nothing on stdout, never throws, reasons go to the hook log.
 * Imports nothing heavy: it runs inside the harness's synchronous hook.
 */
export interface CaptureInput {
  /** argv after `hooks`: `<harness> <event> [--session ID] [--home DIR]`. */
  args: string[];
  env: NodeJS.ProcessEnv;
  /** `$AO_HOME` as the environment gives it; a hook's `--home` argument takes precedence. */
  aoHome: string;
  /** Reads stdin; injectable for tests. */
  readInput?: (cap: number) => Buffer;
  /**
   * Finds the process that fired the hook: `ao hooks` passes `findHookFirer`. Absent for ao's own
   * records (the session host's process exit, a denial typed by `ao deny`): no agent fired them.
   */
  findFirer?: () => number | null;
}

export type CaptureOutcome = { captured: true; spoolId: string } | { captured: false; reason: string };

export function captureSignal(input: CaptureInput): CaptureOutcome {
  const [harness, event, ...rest] = input.args;
  const sessionArg = optionValue(rest, '--session');
  const homeArg = optionValue(rest, '--home');
  // A hook `ao register` installed names the AO_HOME that registered it: the agent that runs it
  // was started elsewhere and may not carry AO_HOME (or carry another one).
  const aoHome = homeArg !== undefined && isAbsolute(homeArg) ? homeArg : input.aoHome;
  const envSession = input.env.AO_SESSION_ID ? input.env.AO_SESSION_ID : undefined;
  const sessionId = envSession ?? sessionArg;
  const log = (reason: string) => logHookProblem(aoHome, reason, harness, event);
  // Validate before reading stdin: a bad call costs the harness nothing more.
  if (!isValidToken(harness) || !isValidToken(event)) return log('invalid harness or event name');
  if (!isValidSessionId(sessionId)) return log('missing or invalid session id');
  const launchId = isValidSessionId(input.env.AO_LAUNCH_ID) ? input.env.AO_LAUNCH_ID : null;
  try {
    const payload = (input.readInput ?? readStdin)(PAYLOAD_CAP_BYTES);
    const capturedAt = nowNs();
    // Only an inherited AO_SESSION_ID can name the wrong session: then who fired the hook decides.
    const firer = envSession === undefined || input.findFirer === undefined ? null : input.findFirer();
    const header = { harness, event, sessionId, launchId, capturedAt, sessionArg: isValidSessionId(sessionArg) ? sessionArg : null, firer };
    const spoolId = writeSpoolRecord(join(aoHome, 'spool'), header, payload);
    return { captured: true, spoolId };
  } catch (error) {
    return log(`capture failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** `--name value` or `--name=value`; the first occurrence wins, as in the sh launcher. */
function optionValue(args: string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === name) return args[i + 1];
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}

/** Reads stdin up to `cap` bytes, synchronously (no event loop needed for one short read). */
export function readStdin(cap: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.allocUnsafe(65536);
  while (total < cap) {
    let read: number;
    try {
      read = readSync(0, chunk, 0, Math.min(chunk.length, cap - total), null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
        continue;
      }
      if (code === 'EOF' || code === 'EBADF' || code === 'EINVAL') break;
      throw error;
    }
    if (read === 0) break;
    chunks.push(Buffer.from(chunk.subarray(0, read)));
    total += read;
  }
  return Buffer.concat(chunks, total);
}

const SAFE_LOG_VALUE = /^[A-Za-z0-9._-]{1,64}$/;

function logHookProblem(aoHome: string, reason: string, harness: string | undefined, event: string | undefined): CaptureOutcome {
  try {
    const logs = join(aoHome, 'logs');
    mkdirSync(logs, { recursive: true, mode: 0o700 });
    const entry = {
      level: 40,
      time: Date.now(),
      component: 'hooks',
      msg: reason,
      harness: harness && SAFE_LOG_VALUE.test(harness) ? harness : 'invalid',
      event: event && SAFE_LOG_VALUE.test(event) ? event : 'invalid',
    };
    appendFileSync(join(logs, 'hooks.log'), `${JSON.stringify(entry)}\n`);
  } catch {
    // Logging is best effort: the hook must exit 0 whatever happens.
  }
  return { captured: false, reason };
}
