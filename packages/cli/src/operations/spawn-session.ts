import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createSession, newId, type SessionView } from '@ao/lifecycle';
import type { HarnessAdapter, LaunchFile } from '@ao/registry';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';
import { findBinary } from '../spawn/find-binary.js';
import { checkWorktreeSource, createWorktree, removeWorktree, type Worktree } from '../spawn/worktree.js';
import { worktreeRecordPath } from '../spawn/worktree-record.js';
import { sessionFiles, type LaunchSpec } from '../host/launch-spec.js';
import { startSessionHost, waitForHost } from '../spawn/session-host-process.js';
import { ensureDaemon } from '../daemon/daemon-control.js';
import { prepareSocketDirectory } from '../socket-place.js';
import { resolveAdapter } from '../commands/resolve-adapter.js';
import { resolveDirectory } from './register-session.js';
import { usersUmask } from '../private-umask.js';
import { viewOf } from './session-reads.js';
import { displayOptions } from '../display-settings.js';

export interface SpawnInput {
  agent?: string;
  cwd?: string;
  worktree?: boolean;
  prompt?: string;
  name?: string;
  args?: string[];
  /** Start `ao daemon` in the background unless one runs (the CLI's default; the daemon itself passes false). */
  startDaemon?: boolean;
}

/** What a spawn will do, decided before anything is written: what `--dry-run` prints, and what executeSpawn carries out. */
export interface SpawnPlan {
  adapter: HarnessAdapter;
  id: string;
  name: string | undefined;
  /** The repository a new worktree branches off, or null to work in `spec.cwd` itself. */
  worktreeFrom: string | null;
  spec: LaunchSpec;
  files: LaunchFile[];
}

/**
 * Plans a spawn: resolves the harness, its binary, the directory and the launch, and checks
 * everything that can be checked. Writes nothing.
 */
export async function planSpawn(context: CliContext, input: SpawnInput): Promise<SpawnPlan> {
  // Read before anything is written: a malformed display setting must not fail a launch that ran.
  displayOptions(context.env, 0);
  const adapter = await resolveAdapter(context, input.agent);
  const cwd = resolveDirectory(input.cwd);
  if (input.name !== undefined && (!/^[A-Za-z0-9._-]{1,64}$/.test(input.name) || context.store.nameTaken(input.name))) {
    throw new CliError('invalid_argument', `--name "${input.name}" is not a usable name (letters, digits, . _ -; unique)`, 2);
  }
  const binaryPath = findBinary(adapter.binary);
  if (binaryPath === null) {
    throw new CliError('binary_not_found', `${adapter.displayName} needs the "${adapter.binary}" command, which is not on PATH; install it or fix PATH, then try again`);
  }
  const worktreeFrom = input.worktree ? checkWorktreeSource(cwd) : null;
  const id = newId();
  const launchId = newId();
  const aoHome = context.paths.home;
  const files = sessionFiles(aoHome, id);
  const workdir = worktreeFrom ? join(aoHome, 'worktrees', id) : cwd;
  const launch = adapter.buildLaunch({
    cwd: workdir,
    aoCommand: context.aoCommand,
    aoHome,
    sessionId: id,
    launchDir: files.launchDir,
    ...(input.prompt !== undefined && { prompt: input.prompt }),
    extraArgs: input.args ?? [],
    binaryPath,
  });
  const spec: LaunchSpec = {
    sessionId: id,
    launchId,
    harness: adapter.id,
    command: launch.command,
    args: launch.args,
    cwd: workdir,
    env: launch.env,
    aoHome,
    aoBinDir: dirname(context.aoCommand),
    inputReadyDelayMs: adapter.inputReadyDelayMs ?? 0,
    inputReadyPattern: adapter.inputReadyPattern?.source ?? null,
    cols: 120,
    rows: 40,
    userUmask: usersUmask(),
  };
  return { adapter, id, name: input.name, worktreeFrom, spec, files: launch.files };
}

/** The plan as `--dry-run` shows it: the argv, environment and files the spawn would use. */
export function describePlan(plan: SpawnPlan) {
  const { spec } = plan;
  return {
    dryRun: true as const,
    harness: plan.adapter.id,
    cwd: spec.cwd,
    argv: [spec.command, ...spec.args],
    env: { ...spec.env, AO_SESSION_ID: spec.sessionId, AO_LAUNCH_ID: spec.launchId, AO_HOME: spec.aoHome, PATH: `${spec.aoBinDir}:$PATH` },
    files: plan.files.map((file) =>
      file.linkTo !== undefined ? { path: file.path, linkTo: file.linkTo } : { path: file.path, mode: file.mode ?? 0o600, bytes: Buffer.byteLength(file.content) },
    ),
    ...(plan.worktreeFrom && { worktree: { path: spec.cwd, branch: `ao/${plan.id}`, from: plan.worktreeFrom } }),
  };
}

/**
 * Carries out a plan: the worktree, the launch files, the session record, the session host. A
 * launch that fails is rolled back (session, launch files, worktree).
 */
export async function executeSpawn(context: CliContext, plan: SpawnPlan, options: { startDaemon?: boolean } = {}): Promise<SessionView> {
  const { spec, id, adapter } = plan;
  const aoHome = context.paths.home;
  const files = sessionFiles(aoHome, id);
  // Where the host's socket goes, checked (and made) before anything else is written: an unusable
  // place is a clear error now rather than a launch that fails half-way.
  prepareSocketDirectory(aoHome);

  let worktree: Worktree | null = null;
  let sessionCreated = false;
  let hostPid: number | null = null;
  try {
    if (plan.worktreeFrom) {
      worktree = createWorktree(plan.worktreeFrom, aoHome, id);
      adapter.trustCreatedDirectory?.(worktree.path, process.env);
    }
    mkdirSync(files.dir, { recursive: true, mode: 0o700 });
    for (const file of plan.files) {
      mkdirSync(dirname(file.path), { recursive: true, mode: 0o700 });
      if (file.linkTo !== undefined) symlinkSync(file.linkTo, file.path);
      else writeFileSync(file.path, file.content, { mode: file.mode ?? 0o600 });
    }
    writeFileSync(files.launchSpec, `${JSON.stringify(spec, null, 2)}\n`, { mode: 0o600 });
    if (worktree) writeFileSync(worktreeRecordPath(files.dir), `${JSON.stringify(worktree)}\n`, { mode: 0o600 });
    const now = context.now();
    createSession(
      context.store,
      {
        id,
        harness: adapter.id,
        cwd: spec.cwd,
        ...(plan.name !== undefined && { name: plan.name }),
        launchId: spec.launchId,
        expectsStartupSignal: adapter.hookCapable && adapter.signalsAtStartup,
        worktree: worktree?.path ?? null,
        launchedAt: now,
        now,
      },
      'spawned',
    );
    sessionCreated = true;
    context.store.insertLaunch({ id: spec.launchId, sessionId: id, command: [spec.command, ...spec.args], startedAt: now });
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
  if (options.startDaemon !== false) ensureDaemon(aoHome);
  return viewOf(context, context.store.getSession(id)!);
}

/** `spawn`: plan, then carry it out. */
export async function spawnSession(context: CliContext, input: SpawnInput): Promise<SessionView> {
  return executeSpawn(context, await planSpawn(context, input), { startDaemon: input.startDaemon !== false });
}
