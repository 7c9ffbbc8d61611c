import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createSession, newId, sessionView } from '@ao/lifecycle';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';
import { printJson } from '../output.js';
import { displayOptions } from '../display-settings.js';
import { findBinary } from '../spawn/find-binary.js';
import { checkWorktreeSource, createWorktree, removeWorktree, type Worktree } from '../spawn/worktree.js';
import { worktreeRecordPath } from '../spawn/worktree-record.js';
import { sessionFiles, type LaunchSpec } from '../host/launch-spec.js';
import { startSessionHost, waitForHost } from '../spawn/session-host-process.js';
import { ensureDaemon } from '../daemon/daemon-control.js';
import { prepareSocketDirectory } from '../socket-place.js';
import { resolveAdapter } from './resolve-adapter.js';
import { resolveDirectory } from './register-command.js';
import { usersUmask } from '../private-umask.js';

export interface SpawnOptions {
  agent?: string;
  harness?: string;
  cwd?: string;
  worktree?: boolean;
  prompt?: string;
  name?: string;
  dryRun?: boolean;
  daemon?: boolean;
  json?: boolean;
}

/**
 * `ao spawn --agent <h> [--cwd DIR] [--worktree] [--prompt TEXT] [--name N] [--dry-run] [-- ARGS…]`.
 * Everything that can be checked is checked before anything durable is written; a launch that
 * fails is rolled back (session, launch files, worktree).
 */
export async function spawnAgent(context: CliContext, options: SpawnOptions, extraArgs: string[]): Promise<void> {
  // Read before anything is written: a malformed display setting must not fail a launch that ran.
  const display = displayOptions(context.env, context.now());
  const adapter = await resolveAdapter(context, options.agent ?? options.harness);
  const cwd = resolveDirectory(options.cwd);
  if (options.name !== undefined && (!/^[A-Za-z0-9._-]{1,64}$/.test(options.name) || context.store.nameTaken(options.name))) {
    throw new CliError('invalid_argument', `--name "${options.name}" is not a usable name (letters, digits, . _ -; unique)`, 2);
  }
  const binaryPath = findBinary(adapter.binary);
  if (binaryPath === null) {
    throw new CliError('binary_not_found', `${adapter.displayName} needs the "${adapter.binary}" command, which is not on PATH; install it or fix PATH, then try again`);
  }
  const repoRoot = options.worktree ? checkWorktreeSource(cwd) : null;

  const id = newId();
  const launchId = newId();
  const aoHome = context.paths.home;
  const files = sessionFiles(aoHome, id);
  const workdir = repoRoot ? join(aoHome, 'worktrees', id) : cwd;
  const launch = adapter.buildLaunch({
    cwd: workdir,
    aoCommand: context.aoCommand,
    aoHome,
    sessionId: id,
    launchDir: files.launchDir,
    ...(options.prompt !== undefined && { prompt: options.prompt }),
    extraArgs,
    binaryPath,
  });
  const aoBinDir = dirname(context.aoCommand);
  const spec: LaunchSpec = {
    sessionId: id,
    launchId,
    harness: adapter.id,
    command: launch.command,
    args: launch.args,
    cwd: workdir,
    env: launch.env,
    aoHome,
    aoBinDir,
    inputReadyDelayMs: adapter.inputReadyDelayMs ?? 0,
    inputReadyPattern: adapter.inputReadyPattern?.source ?? null,
    cols: 120,
    rows: 40,
    userUmask: usersUmask(),
  };

  if (options.dryRun) {
    const plan = {
      dryRun: true,
      harness: adapter.id,
      cwd: workdir,
      argv: [launch.command, ...launch.args],
      env: { ...launch.env, AO_SESSION_ID: id, AO_LAUNCH_ID: launchId, AO_HOME: aoHome, PATH: `${aoBinDir}:$PATH` },
      files: launch.files.map((file) => ({ path: file.path, mode: file.mode ?? 0o600, bytes: Buffer.byteLength(file.content) })),
      ...(repoRoot && { worktree: { path: workdir, branch: `ao/${id}`, from: repoRoot } }),
    };
    if (options.json) return printJson(plan);
    process.stdout.write(`would run in ${plan.cwd}:\n  ${plan.argv.map((word) => JSON.stringify(word)).join(' ')}\n`);
    process.stdout.write(`with environment:\n${Object.entries(plan.env).map(([key, value]) => `  ${key}=${value}`).join('\n')}\n`);
    if (plan.files.length > 0) process.stdout.write(`writing:\n${plan.files.map((file) => `  ${file.path}`).join('\n')}\n`);
    if (plan.worktree) process.stdout.write(`in a new worktree ${plan.worktree.path} on branch ${plan.worktree.branch}\n`);
    return;
  }

  // Where the host's socket goes, checked (and made) before anything else is written: an unusable
  // place is a clear error now rather than a launch that fails half-way.
  prepareSocketDirectory(aoHome);
  void files.socket;

  let worktree: Worktree | null = null;
  let sessionCreated = false;
  let hostPid: number | null = null;
  try {
    if (repoRoot) {
      worktree = createWorktree(repoRoot, aoHome, id);
      adapter.trustCreatedDirectory?.(worktree.path, process.env);
    }
    mkdirSync(files.dir, { recursive: true, mode: 0o700 });
    for (const file of launch.files) {
      mkdirSync(dirname(file.path), { recursive: true, mode: 0o700 });
      writeFileSync(file.path, file.content, { mode: file.mode ?? 0o600 });
    }
    writeFileSync(files.launchSpec, `${JSON.stringify(spec, null, 2)}\n`, { mode: 0o600 });
    if (worktree) writeFileSync(worktreeRecordPath(files.dir), `${JSON.stringify(worktree)}\n`, { mode: 0o600 });
    const now = context.now();
    createSession(
      context.store,
      {
        id,
        harness: adapter.id,
        cwd: workdir,
        ...(options.name !== undefined && { name: options.name }),
        launchId,
        expectsStartupSignal: adapter.hookCapable && adapter.signalsAtStartup,
        worktree: worktree?.path ?? null,
        launchedAt: now,
        now,
      },
      'spawned',
    );
    sessionCreated = true;
    context.store.insertLaunch({ id: launchId, sessionId: id, command: [launch.command, ...launch.args], startedAt: now });
    const host = startSessionHost(files);
    hostPid = host.pid!;
    await waitForHost(files, host);
  } catch (error) {
    if (hostPid !== null) {
      try {
        process.kill(hostPid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    if (sessionCreated) context.store.deleteSession(id);
    rmSync(files.dir, { recursive: true, force: true });
    if (worktree) removeWorktree(worktree, { force: true });
    throw error;
  }

  if (options.daemon !== false) ensureDaemon(context.paths.home);
  const session = context.store.getSession(id)!;
  const view = sessionView(session, { ...display, now: context.now() });
  if (options.json) return printJson(view);
  process.stdout.write(`Started ${adapter.displayName} session ${id} (${session.name}) in ${workdir}, pid ${session.pid}\n`);
  process.stdout.write(`  ao attach ${id}    ao send ${id} "…"    ao status ${id}    ao kill ${id}\n`);
}
