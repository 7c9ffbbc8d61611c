import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import type { AdapterDoctorCheck, HarnessAdapter } from '@ao/registry';
import { describeRange, inTestedRange } from '@ao/adapter-kit';
import type { CliContext } from '../cli-context.js';
import { daemonHealth } from '../daemon/daemon-health.js';
import { findBinary } from '../spawn/find-binary.js';
import { asUser } from '../private-umask.js';

/** One line of `ao doctor`: what was checked, how it went, and one sentence a user can act on (adapters add their own, same shape). */
export type DoctorCheck = AdapterDoctorCheck;
export type CheckStatus = DoctorCheck['status'];

const VERSION_TIMEOUT_MS = 5000;

/** Hooks write their signals under $AO_HOME: if it is not writable, every signal is lost. */
export function checkAoHome(home: string): DoctorCheck {
  const probe = join(home, `.doctor-${process.pid}`);
  try {
    mkdirSync(home, { recursive: true, mode: 0o700 });
    writeFileSync(probe, '');
    rmSync(probe);
    return { name: 'ao home', status: 'ok', message: `${home} is writable` };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { name: 'ao home', status: 'fail', message: `${home} is not writable (${reason}): hooks cannot record anything; fix its permissions or set AO_HOME to a writable directory` };
  }
}

export function checkDaemon(home: string, liveSessions: number | null): DoctorCheck {
  const health = daemonHealth(home);
  if (health.state === 'running') return { name: 'daemon', status: 'ok', message: `running (pid ${health.owner.pid})` };
  if (health.state === 'stopped') {
    const pid = health.owner.pid;
    return {
      name: 'daemon',
      status: 'warn',
      message: `pid ${pid} is stopped (SIGSTOP or Ctrl-Z): it ingests and reaps nothing, and ao commands do that work themselves meanwhile; continue it (kill -CONT ${pid}) or end it (kill ${pid})`,
    };
  }
  if (health.state === 'unresponsive') {
    const pid = health.owner.pid;
    return {
      name: 'daemon',
      status: 'warn',
      message: `pid ${pid} is wedged: it did not answer ao ls in time ${Math.round((Date.now() - health.since) / 1000)} s ago, so ao commands read the store themselves; if it persists, end it (kill ${pid}; ao spawn starts a new one)`,
    };
  }
  if (liveSessions !== null && liveSessions > 0) {
    return {
      name: 'daemon',
      status: 'warn',
      message: `not running, with ${liveSessions} live sessions: nothing notices a dead agent until you run ao reap (start it with ao daemon; ao spawn starts it too)`,
    };
  }
  return { name: 'daemon', status: 'ok', message: 'not running (ao spawn starts it; every ao command reads hook signals itself meanwhile)' };
}

/** Is the harness on PATH, and what does `<binary> --version` say (first line)? */
export async function checkBinary(adapter: HarnessAdapter, env: NodeJS.ProcessEnv): Promise<DoctorCheck> {
  const name = `${adapter.id} binary`;
  const path = findBinary(adapter.binary, env.PATH ?? '');
  if (path === null) {
    return { name, status: 'warn', message: `"${adapter.binary}" is not on PATH: ${adapter.displayName} cannot be started (ao spawn --agent ${adapter.id}) until it is installed or PATH includes it` };
  }
  // The harness may create its own config on any run: under the user's umask (execa forks synchronously).
  const run = await asUser(() => execa(path, ['--version'], { timeout: VERSION_TIMEOUT_MS, reject: false, stdin: 'ignore', env, extendEnv: false }));
  const firstLine = (text: unknown) => String(text ?? '').split('\n').map((line) => line.trim()).find((line) => line !== '') ?? '';
  if (run.timedOut) return { name, status: 'warn', message: `${path} did not answer --version within ${VERSION_TIMEOUT_MS / 1000} s; it may be stuck on a first-run prompt or update check` };
  if (run.exitCode !== 0) {
    return { name, status: 'warn', message: `${path} --version failed (${run.exitCode === undefined ? run.shortMessage : `exit code ${run.exitCode}`}): ${firstLine(run.stderr) || 'no output'}` };
  }
  const shown = firstLine(run.stdout) || firstLine(run.stderr);
  const outside = untestedVersion(adapter, `${String(run.stdout ?? '')}\n${String(run.stderr ?? '')}`);
  if (outside !== undefined) return { name, status: 'warn', message: `${path}: ${shown}; ${outside}` };
  return { name, status: 'ok', message: `${path}: ${shown || 'version unknown'}` };
}

/**
 * The sentence for an installed version outside the range the adapter was tested with; undefined
 * when it is inside, or when the adapter declares no range or its output shows no version.
 */
export function untestedVersion(adapter: HarnessAdapter, versionOutput: string): string | undefined {
  const versions = adapter.versions;
  if (versions === null) return undefined;
  const version = versions.parseVersionOutput(versionOutput);
  if (version === null || inTestedRange(version, versions.tested)) return undefined;
  return `${adapter.displayName} ${version} is outside the versions ao was tested with (${describeRange(versions.tested)}): its states may be wrong (hook names or payloads may have changed)`;
}

/**
 * Are ao's hooks in place in `dir`? Only agents started by hand need them (`ao register`; ao spawn
 * wires its own through the launch), so their absence is a problem only when the user asked
 * about a directory (`explicit`: --cwd given).
 */
export function checkHooks(adapter: HarnessAdapter, dir: string, context: CliContext, explicit: boolean): DoctorCheck {
  const name = `${adapter.id} hooks`;
  try {
    const status = adapter.hooks.status(dir, { aoCommand: context.aoCommand, aoHome: context.paths.home });
    const note = status.notes?.[0];
    if (status.installed && status.problems.length === 0) return { name, status: 'ok', message: note ?? `installed in ${dir}` };
    if (status.installed) return { name, status: 'warn', message: `installed in ${dir}, but: ${status.problems.join(' ')}` };
    return {
      name,
      status: explicit ? 'warn' : 'ok',
      message: `${status.problems[0] ?? `not installed in ${dir}.`} An agent you start in ${dir} yourself does not report to ao (ao register --agent ${adapter.id} --cwd ${dir} wires it; ao spawn wires its own).`,
    };
  } catch (error) {
    return { name, status: 'fail', message: `cannot check the hooks in ${dir}: ${(error as Error).message}` };
  }
}
