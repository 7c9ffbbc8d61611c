import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa, type Options } from 'execa';

/** The real launcher, exactly as installed hooks name it. */
export const AO_BIN = fileURLToPath(new URL('../bin/ao', import.meta.url));

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface AoRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs `ao` with a private AO_HOME; never throws on a non-zero exit. */
export async function runAo(aoHome: string, args: string[], options: Options & { input?: string | Buffer } = {}): Promise<AoRun> {
  const result = await execa(AO_BIN, args, {
    reject: false,
    stripFinalNewline: false,
    ...options,
    env: { AO_HOME: aoHome, AO_SESSION_ID: '', AO_LAUNCH_ID: '', ...(options.env ?? {}) },
  });
  return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

export async function aoJson<T = any>(aoHome: string, args: string[], options: Options = {}): Promise<T> {
  const result = await runAo(aoHome, [...args, '--json'], options);
  if (result.exitCode !== 0) throw new Error(`ao ${args.join(' ')} exited ${result.exitCode}: ${result.stdout}${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}
