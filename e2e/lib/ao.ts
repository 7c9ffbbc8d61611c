// Drives the real `ao` launcher of this checkout, the way a user or a script would.
import { execFile } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
export const AO_BIN = join(REPO_ROOT, 'packages', 'cli', 'bin', 'ao');

export interface AoRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export function runAo(env: Record<string, string>, args: string[], timeoutMs = 60_000): Promise<AoRun> {
  return new Promise((resolve) => {
    execFile(AO_BIN, args, { env, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as NodeJS.ErrnoException).code === 'number' ? Number((error as NodeJS.ErrnoException).code) : -1) : 0;
      resolve({ exitCode: code, stdout, stderr });
    });
  });
}

export async function aoJson<T = any>(env: Record<string, string>, args: string[], timeoutMs?: number): Promise<T> {
  // `--json` is ao's option: it goes before a `--` that starts the harness's own arguments.
  const dashes = args.indexOf('--');
  const argv = dashes < 0 ? [...args, '--json'] : [...args.slice(0, dashes), '--json', ...args.slice(dashes)];
  const result = await runAo(env, argv, timeoutMs);
  if (result.exitCode !== 0) throw new Error(`ao ${args.join(' ')} exited ${result.exitCode}: ${result.stdout}${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/** One request to a session host, one reply line (`screen`, `status`). */
export function hostRequest(socketPath: string, request: object, timeoutMs = 5000): Promise<any> {
  return new Promise((resolve, reject) => {
    const socket = connect(socketPath);
    let buffered = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`session host ${socketPath} did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('data', (chunk) => {
      buffered += chunk.toString('utf8');
      const newline = buffered.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      socket.end();
      try {
        resolve(JSON.parse(buffered.slice(0, newline)));
      } catch (error) {
        reject(error);
      }
    });
    socket.write(`${JSON.stringify(request)}\n`);
  });
}

/**
 * Raw key presses into a session's terminal through its host (`write` ops; the host sends no
 * reply), `gapMs` apart: a TUI may take a burst of keys for a paste.
 */
export function hostKeys(socketPath: string, presses: string[], gapMs = 200): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(socketPath);
    socket.once('error', reject);
    socket.once('close', () => resolve());
    socket.on('data', () => {});
    socket.once('connect', async () => {
      for (const [index, press] of presses.entries()) {
        if (index > 0) await sleep(gapMs);
        socket.write(`${JSON.stringify({ op: 'write', data: Buffer.from(press, 'utf8').toString('base64') })}\n`);
      }
      socket.end();
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function waitUntil<T>(what: string, probe: () => Promise<T | undefined | false | null>, timeoutMs: number, intervalMs = 150): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false && value !== null) return value as T;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(intervalMs);
  }
}
