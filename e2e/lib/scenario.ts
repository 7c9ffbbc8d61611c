// One end-to-end scenario: a fresh mock model server, sandbox and AO_HOME; the real harness started
// with `ao spawn`; helpers to drive it and read what ao recorded; cleanup of every process by pid.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';
// @ts-expect-error plain ESM helper without types
import { resolveHarnesses } from '../harness-cache.mjs';
// @ts-expect-error plain ESM helper without types
import { startMockModelServer } from '../mock-model-server.mjs';
import { AO_BIN, aoJson, hostKeys, hostRequest, runAo, sleep, waitUntil, type AoRun } from './ao.js';
import { recordForDrift } from './drift-record.js';
import { writeFixture, writeRolloutFixture } from './fixtures.js';
import { expectNpmTriedOnce, expectUserConfigUntouched, userConfigSnapshot } from './opencode-user-config.js';
import { createSandbox, type HarnessId, type Sandbox } from './sandbox.js';
import { SpoolTap } from './spool-tap.js';

export type ActivityState = 'active' | 'idle' | 'waiting_input' | 'blocked' | 'exited';

export interface MockServer {
  port: number;
  url: string;
  requests: Array<{ at: string; method: string; path: string; decision: string | null; headers: Record<string, string>; body: any }>;
  close(): Promise<void>;
}

const harnesses = resolveHarnesses();

/** Why the suite cannot run, or null. Checked once per file (a missing install fails loudly, never skips). */
export function harnessProblems(): string | null {
  if (harnesses.binDir) return null;
  return `the pinned harnesses are not installed (${harnesses.problems.join('; ')}); run: node e2e/harness-cache.mjs install`;
}

export interface ScenarioOptions {
  /** Fixture name (`packages/adapters/<harness>/fixtures/e2e-<fixture>.json`); omit to write none. */
  fixture?: string;
  /** What happens, for the fixture's description. */
  description: string;
  opencodePermission?: Record<string, string>;
  /** Also keep the session's transcript (Codex: its rollout) as fixtures/rollouts|transcripts/e2e-<fixture>.jsonl. */
  rollout?: boolean;
  timeoutMs?: number;
}

export class Scenario {
  readonly sb: Sandbox;
  readonly tap: SpoolTap;
  id = '';
  pid = 0;
  hostPid = 0;
  private readonly notes: string[] = [];

  constructor(
    readonly harness: HarnessId,
    readonly name: string,
    readonly mock: MockServer,
    options: ScenarioOptions,
  ) {
    this.sb = createSandbox({
      harness,
      scenario: name,
      mockUrl: mock.url,
      binDir: harnesses.binDir,
      ...(options.opencodePermission && { opencodePermission: options.opencodePermission }),
    });
    this.tap = new SpoolTap(this.sb.aoHome);
    this.tap.start();
  }

  note(text: string): void {
    this.notes.push(`${new Date().toISOString()} ${text}`);
  }

  /** `ao <args>` with the scenario's environment; the tap reads the spool first. */
  async ao(args: string[], timeoutMs?: number): Promise<AoRun> {
    this.tap.sweep();
    const result = await runAo(this.sb.env, args, timeoutMs);
    this.tap.sweep();
    return result;
  }

  async aoJson<T = any>(args: string[], timeoutMs?: number): Promise<T> {
    this.tap.sweep();
    const result = await aoJson<T>(this.sb.env, args, timeoutMs);
    this.tap.sweep();
    return result;
  }

  /** `ao spawn --agent <h> --cwd <project> --no-daemon [--prompt P] [-- args]`. */
  async spawn(options: { prompt?: string; args?: string[] } = {}): Promise<any> {
    const argv = ['spawn', '--agent', this.harness, '--cwd', this.sb.proj, '--no-daemon'];
    if (options.prompt !== undefined) argv.push('--prompt', options.prompt);
    if (options.args?.length) argv.push('--', ...options.args);
    const view = await this.aoJson(argv);
    this.id = view.id;
    this.pid = view.pid;
    this.hostPid = view.hostPid;
    this.note(`spawned ${this.id} pid ${this.pid} host ${this.hostPid}`);
    return view;
  }

  status(): Promise<any> {
    return this.aoJson(['status', this.id]);
  }

  /** `ao status` as seen with other display settings (e.g. AO_STALE_AFTER_SECONDS). */
  async statusWith(env: Record<string, string>): Promise<any> {
    this.tap.sweep();
    const result = await runAo({ ...this.sb.env, ...env }, ['status', this.id, '--json']);
    this.tap.sweep();
    if (result.exitCode !== 0) throw new Error(`ao status ${this.id} exited ${result.exitCode}: ${result.stdout}${result.stderr}`);
    return JSON.parse(result.stdout);
  }

  events(): Promise<any[]> {
    return this.aoJson(['events', this.id]);
  }

  /** The `to` state of every transition, in order: what the suite asserts. */
  async states(): Promise<ActivityState[]> {
    return (await this.events()).filter((event) => event.type === 'transition').map((event) => event.to);
  }

  /** Polls `ao status` until `predicate` holds. */
  async waitForStatus(what: string, predicate: (status: any) => boolean, timeoutMs = 60_000): Promise<any> {
    let last: any;
    try {
      return await waitUntil(
        what,
        async () => {
          last = await this.status();
          return predicate(last) ? last : undefined;
        },
        timeoutMs,
        200,
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}; last status: ${JSON.stringify(last && { activityState: last.activityState, status: last.status, toolsInFlight: last.toolsInFlight, lastError: last.lastError })}`);
    }
  }

  waitForState(state: ActivityState, timeoutMs?: number): Promise<any> {
    return this.waitForStatus(`activityState ${state}`, (status) => status.activityState === state, timeoutMs);
  }

  get socket(): string {
    return join(this.sb.aoHome, 'run', `${this.id}.sock`);
  }

  /** The harness's screen as the session host renders it. */
  async screen(): Promise<string> {
    try {
      const reply = await hostRequest(this.socket, { op: 'screen' });
      return String(reply.screen ?? '');
    } catch {
      return '';
    }
  }

  async waitForScreen(pattern: RegExp, timeoutMs = 60_000): Promise<string> {
    let last = '';
    try {
      return await waitUntil(
        `${pattern} on the screen`,
        async () => {
          last = await this.screen();
          return pattern.test(last) ? last : undefined;
        },
        timeoutMs,
        200,
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}; screen:\n${last}`);
    }
  }

  /** Raw key presses into the harness's terminal. */
  async keys(...presses: string[]): Promise<void> {
    this.note(`keys ${JSON.stringify(presses)}`);
    await hostKeys(this.socket, presses);
  }

  /** `ao send <id> TEXT`: typed, submitted, acknowledged by the harness's user-prompt-submit. */
  async send(text: string, extra: string[] = []): Promise<any> {
    this.note(`send ${JSON.stringify(text)}`);
    const prompts = async () => (await this.events()).filter((e) => e.event === 'user-prompt-submit').length;
    const before = await prompts();
    const result = await this.ao(['send', this.id, text, '--timeout', '8', ...extra, '--json']);
    if (result.exitCode === 0) return JSON.parse(result.stdout);
    // ao core bug (README): on a loaded machine a TUI that shows its prompt may still drop the
    // Enter of the first send; the text sits in its input box. Press Enter once more, as a person would.
    const code = (() => { try { return JSON.parse(result.stdout).error.code; } catch { return undefined; } })();
    if (code !== 'not_acknowledged' || !(await this.screen()).includes(text)) {
      throw new Error(`ao send ${this.id} ${text} exited ${result.exitCode}: ${result.stdout}${result.stderr}`);
    }
    this.note('send not acknowledged, the text is in the input box: Enter again');
    await this.keys('\r');
    await waitUntil('the harness to take the prompt (user-prompt-submit)', async () => (await prompts()) > before, 15_000, 200);
    return { id: this.id, delivered: true, acknowledged: true, enterRetried: true };
  }

  /** Waits until the harness's turn is stuck on the model (the mock holds a MOCK_HANG request), and its hooks have landed. */
  async waitForHangingModel(): Promise<void> {
    await waitUntil('the model request that never gets an answer', async () => this.mock.requests.some((r) => r.decision === 'hang'), 60_000);
    await sleep(500);
  }

  /** SIGKILL of the harness process (not the host: the host must see it die). */
  kill9(): void {
    this.note(`SIGKILL ${this.pid}`);
    process.kill(this.pid, 'SIGKILL');
  }

  reap(): Promise<any> {
    return this.aoJson(['reap']);
  }

  /** What a person debugging a failure needs: ao's view, the transitions, the screen, the mock's decisions. */
  async diagnostics(): Promise<string> {
    const parts: string[] = [];
    const section = (title: string, body: string) => parts.push(`----- ${title}\n${body.trimEnd()}`);
    if (this.id) {
      const status = await this.ao(['status', this.id, '--json']);
      section('ao status', status.stdout + status.stderr);
      const events = await this.ao(['events', this.id, '--json']);
      try {
        const list = JSON.parse(events.stdout) as any[];
        section('ao events', list.map((e) => `${e.at} ${e.type} ${e.event}${e.type === 'transition' ? ` ${e.from}→${e.to}` : ''}${e.data ? ` ${JSON.stringify(e.data)}` : ''}`).join('\n'));
      } catch {
        section('ao events', events.stdout + events.stderr);
      }
      const logs = await this.ao(['logs', this.id]);
      section('ao logs (raw terminal output, tail)', stripAnsi(logs.stdout + logs.stderr).split('\n').slice(-60).join('\n'));
      section('screen', await this.screen());
    }
    section('tapped hook signals', this.tap.signals().map((s) => `${s.name} ${s.event}`).join('\n'));
    section('mock requests', this.mock.requests.map((r) => `${r.at} ${r.method} ${r.path} → ${r.decision}`).join('\n'));
    section('notes', this.notes.join('\n'));
    for (const log of ['ao.log', 'hooks.log']) {
      const file = join(this.sb.aoHome, 'logs', log);
      if (existsSync(file)) section(`$AO_HOME/logs/${log} (tail)`, readFileSync(file, 'utf8').split('\n').slice(-30).join('\n'));
    }
    return parts.join('\n');
  }

  /**
   * Kills every process this scenario started, by pid: those ao recorded (agents, hosts), a daemon
   * if one was started, and any other process whose environment carries this scenario's AO_HOME
   * (the harness's own children: tool shells, sandboxes, helpers).
   */
  async cleanup(): Promise<void> {
    this.tap.stop();
    const pids = new Set<number>();
    try {
      const sessions = JSON.parse((await runAo(this.sb.env, ['ls', '--all', '--json'])).stdout) as Array<{ pid: number | null; hostPid: number | null }>;
      for (const session of sessions) {
        if (session.pid) pids.add(session.pid);
        if (session.hostPid) pids.add(session.hostPid);
      }
    } catch {
      // no store: nothing was spawned
    }
    if (this.pid) pids.add(this.pid);
    if (this.hostPid) pids.add(this.hostPid);
    try {
      pids.add((JSON.parse(readFileSync(join(this.sb.aoHome, 'daemon.lock'), 'utf8')) as { pid: number }).pid);
    } catch {
      // no daemon
    }
    for (const pid of processesWithEnv(`AO_HOME=${this.sb.aoHome}`)) pids.add(pid);
    pids.delete(process.pid);
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    await sleep(100);
    for (const pid of processesWithEnv(`AO_HOME=${this.sb.aoHome}`)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    if (!process.env.AO_E2E_KEEP) rmSync(this.sb.root, { recursive: true, force: true });
  }
}

/** Pids of the processes whose environment holds exactly `entry` (`NAME=value`). */
function processesWithEnv(entry: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const environ = readFileSync(`/proc/${name}/environ`, 'latin1');
      if (environ.split('\0').includes(entry)) found.push(Number(name));
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;?<>=]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)|\u001b[()][0-9A-Za-z]|\u001b[=>78MDEHc]/g, '');
}

/**
 * Declares one scenario as a vitest test: setup, body, diagnostics on failure, the fixture when it
 * passed, cleanup always.
 */
export function scenario(harness: HarnessId, name: string, options: ScenarioOptions, body: (s: Scenario) => Promise<void>): void {
  it(name, { timeout: options.timeoutMs ?? 300_000 }, async () => {
    const problem = harnessProblems();
    if (problem) throw new Error(problem);
    const mock = (await startMockModelServer({ scenario: 'auto' })) as MockServer;
    let s: Scenario | undefined;
    try {
      s = new Scenario(harness, name, mock, options);
      const opencodeUserConfig = harness === 'opencode' ? userConfigSnapshot(s) : null;
      try {
        await body(s);
        if (opencodeUserConfig) {
          expectUserConfigUntouched(s, opencodeUserConfig);
          expectNpmTriedOnce(s);
        }
      } catch (error) {
        const err = error as Error;
        if (process.env.AO_E2E_DRIFT_DIR) await recordForDrift(s, options, err.message);
        err.message = `${err.message}\n\n===== diagnostics (${harness} / ${name}, sandbox ${s.sb.root}${process.env.AO_E2E_KEEP ? ', kept' : ''})\n${await s.diagnostics()}`;
        throw err;
      }
      if (process.env.AO_E2E_DRIFT_DIR) await recordForDrift(s, options, null);
      if (options.fixture && process.env.AO_E2E_FIXTURES !== '0') {
        // Let hooks still in flight (SessionEnd after a kill…) land before the tap stops.
        await sleep(300);
        s.tap.sweep();
        if (writeFixture(s, options.fixture, options.description, await s.states()) !== null && options.rollout) await writeRolloutFixture(s, options.fixture);
      }
    } finally {
      await s?.cleanup();
      await mock.close();
    }
  });
}

export { AO_BIN };

/** What each harness's TUI shows once it takes input (typed text before that is lost). */
export const READY_PROMPT: Record<HarnessId, RegExp> = {
  'claude-code': /❯/,
  codex: /›/,
  opencode: /Ask anything|ctrl\+p commands/,
  'qwen-code': /Type your message/,
  'gemini-cli': /Type your message/,
};

/**
 * `ao spawn` without a prompt, then wait until the TUI shows its input prompt. (ao's own readiness
 * wait is not enough on these versions: see the README's end-to-end section.)
 */
export async function spawnReady(s: Scenario, args: string[] = []): Promise<any> {
  const view = await s.spawn({ args });
  await s.waitForScreen(READY_PROMPT[s.harness], 60_000);
  return view;
}

/** The keys that answer each harness's permission dialog (as ao's adapters declare them). */
const PERMISSION_KEYS: Record<HarnessId, { approve: string[]; deny: string[] }> = {
  'claude-code': { approve: ['1'], deny: ['\u001b'] },
  codex: { approve: ['y'], deny: ['\u001b'] },
  opencode: { approve: ['\r'], deny: ['\u001b[C', '\u001b[C', '\r'] },
  'qwen-code': { approve: ['1'], deny: ['\u001b'] },
  'gemini-cli': { approve: ['\r'], deny: ['\u001b'] },
};

let permissionCommands: boolean | undefined;

/** Whether this checkout's ao has `ao approve` / `ao deny`. */
export async function hasPermissionCommands(s: Scenario): Promise<boolean> {
  permissionCommands ??= (await s.ao(['approve', '--help'])).exitCode === 0;
  return permissionCommands;
}

/** Answers the open permission dialog: `ao approve|deny <id>` where ao has them, else the dialog's keys. */
export async function answerPermission(s: Scenario, answer: 'approve' | 'deny'): Promise<void> {
  if (await hasPermissionCommands(s)) {
    s.note(`ao ${answer}`);
    const result = await s.ao([answer, s.id, '--json']);
    if (result.exitCode !== 0) throw new Error(`ao ${answer} ${s.id} exited ${result.exitCode}: ${result.stdout}${result.stderr}`);
    return;
  }
  await s.keys(...PERMISSION_KEYS[s.harness][answer]);
}
