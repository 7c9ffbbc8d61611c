import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type IPty, spawn } from 'node-pty';
import { afterEach } from 'vitest';
import { DEMO_AGENT_PATH } from '../src/index.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

export function tempDir(prefix = 'ao-demo-test-'): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface HookCall {
  argv: string[];
  session: string;
  payload: Record<string, unknown>;
}

/**
 * A stand-in `ao` on PATH: a shell script that appends its argv, AO_SESSION_ID and its stdin (the
 * payload, one line of JSON) as one JSON line to a log. Shell, not Node, so a hook costs what the
 * real launcher's sh path costs and the demo's synchronous hooks stay fast.
 */
export function fakeAo(): { binDir: string; calls: () => HookCall[] } {
  const binDir = join(tempDir(), 'bin');
  mkdirSync(binDir);
  const log = join(binDir, '..', 'hooks.jsonl');
  writeFileSync(
    join(binDir, 'ao'),
    `#!/bin/sh
payload=$(cat)
printf '{"argv":["%s","%s","%s"],"session":"%s","payload":%s}\\n' "$1" "$2" "$3" "$AO_SESSION_ID" "\${payload:-null}" >> '${log}'
`,
  );
  chmodSync(join(binDir, 'ao'), 0o755);
  const calls = () =>
    existsSync(log)
      ? readFileSync(log, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as HookCall)
      : [];
  return { binDir, calls };
}

/** The environment with nothing of a surrounding ao session (these tests may run inside one). */
export function cleanEnv(extra: Record<string, string | undefined>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !key.startsWith('AO_')) env[key] = value;
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) env[key] = value;
  return env;
}

/** The compiled demo agent in a real PTY, driven like a user at a terminal. */
export class PtyAgent {
  output = '';
  readonly exited: Promise<{ exitCode: number; signal?: number }>;
  private readonly pty: IPty;
  private waiters: Array<() => void> = [];

  constructor(options: { cwd: string; env: Record<string, string>; args?: string[] }) {
    if (!existsSync(DEMO_AGENT_PATH)) throw new Error(`${DEMO_AGENT_PATH} is missing: build the package first (npm run build)`);
    this.pty = spawn(process.execPath, [DEMO_AGENT_PATH, ...(options.args ?? [])], {
      name: 'xterm-256color',
      cols: 120,
      rows: 40,
      cwd: options.cwd,
      env: options.env,
    });
    this.pty.onData((data) => {
      this.output += data;
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.exited = new Promise((resolve) => this.pty.onExit(resolve));
    cleanups.push(() => {
      try {
        this.pty.kill('SIGKILL');
      } catch {
        // already gone
      }
    });
  }

  /** How many times the agent has shown `demo> ` (idle, waiting for a prompt). */
  prompts(): number {
    return this.output.split('demo> ').length - 1;
  }

  async waitFor(test: RegExp | (() => boolean), what = String(test), timeoutMs = 10_000): Promise<void> {
    const ok = typeof test === 'function' ? test : () => test.test(this.output);
    const deadline = Date.now() + timeoutMs;
    while (!ok()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen so far:\n${this.output}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  /** Waits for the agent to show its prompt `n` times in all. */
  waitForPrompts(n: number): Promise<void> {
    return this.waitFor(() => this.prompts() >= n, `${n} prompts`);
  }

  /** Types a line and presses Enter. */
  line(text: string): void {
    this.pty.write(`${text}\r`);
  }

  /** Types a line at the prompt and waits for the turn to end (`extraPrompts`: prompts the turn shows itself). */
  async turn(text: string, extraPrompts = 0): Promise<void> {
    const before = this.prompts();
    this.line(text);
    await this.waitForPrompts(before + 1 + extraPrompts);
  }

  key(data: string): void {
    this.pty.write(data);
  }

  kill(signal: string): void {
    this.pty.kill(signal);
  }
}
