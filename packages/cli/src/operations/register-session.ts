import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { createSession, readProcessStartTime, sessionView } from '@ao/lifecycle';
import type { CliContext } from '../cli-context.js';
import { CliError, invalidArgument } from '../cli-error.js';
import { displayOptions } from '../display-settings.js';
import { resolveAdapter } from '../commands/resolve-adapter.js';
import { asUser } from '../private-umask.js';

export interface RegisterInput {
  agent: string;
  cwd?: string;
  pid?: number;
  name?: string;
}

export function resolveDirectory(dir: string | undefined): string {
  const path = resolve(dir ?? process.cwd());
  let isDirectory = false;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    // reported below
  }
  if (!isDirectory) throw invalidArgument(`--cwd ${path} is not a directory`);
  return path;
}

/** `register`: adopts an agent ao did not start; if its hooks cannot be installed the new session is removed again. */
export async function registerSession(context: CliContext, options: RegisterInput) {
  const adapter = await resolveAdapter(context, options.agent);
  const cwd = resolveDirectory(options.cwd);
  let pid: number | null = null;
  let pidStartTime: string | null = null;
  if (options.pid !== undefined) {
    pid = options.pid;
    pidStartTime = readProcessStartTime(pid);
    if (pidStartTime === null) throw new CliError('not_found', `no running process with pid ${pid}`);
  }
  if (options.name !== undefined && !/^[A-Za-z0-9._-]{1,64}$/.test(options.name)) {
    throw invalidArgument('--name may hold only letters, digits, ".", "_" and "-" (at most 64)');
  }
  const now = context.now();
  // Read before anything is written: a malformed display setting must not leave a half-made session.
  const display = displayOptions(context.env, now);
  const session = createSession(context.store, {
    harness: adapter.id,
    cwd,
    ...(options.name !== undefined && { name: options.name }),
    pid,
    pidStartTime,
    expectsStartupSignal: adapter.hookCapable && adapter.signalsAtStartup,
    now,
  });
  let installed;
  try {
    installed = asUser(() => adapter.hooks.install(cwd, { aoCommand: context.aoCommand, aoHome: context.paths.home, sessionId: session.id }));
  } catch (error) {
    context.store.deleteSession(session.id);
    throw error;
  }
  const result = {
    ...sessionView(session, display),
    hooks: { files: installed.files, notes: installed.notes, ...(installed.launchArgs && { launchArgs: installed.launchArgs }) },
  };
  return { result, displayName: adapter.displayName, notes: installed.notes };
}
