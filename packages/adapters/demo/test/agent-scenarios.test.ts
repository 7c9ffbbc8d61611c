import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DemoEvent, nativeEventName } from '../src/index.js';
import { SCENARIOS } from './scenarios.js';
import { type HookCall, PtyAgent, cleanEnv, fakeAo, tempDir } from './support.js';

/**
 * The compiled demo agent in a real PTY, with a fake `ao` first on PATH that logs every hook.
 * AO_RECORD_FIXTURES=1 (npm run record-fixtures) also writes each scenario's run to fixtures/.
 */
const RECORD = process.env.AO_RECORD_FIXTURES === '1';
const PACKAGE_DIR = join(import.meta.dirname, '..');
const SESSION = 'demo-test-session';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function sandbox(options: { session?: string; path?: string } = {}) {
  const root = tempDir();
  const project = join(root, 'project');
  const tmp = join(root, 'tmp');
  const aoHome = join(root, 'ao-home');
  mkdirSync(project);
  mkdirSync(tmp);
  const ao = fakeAo();
  const env = cleanEnv({
    PATH: options.path ?? `${ao.binDir}:${process.env.PATH ?? ''}`,
    AO_SESSION_ID: 'session' in options ? options.session : SESSION,
    AO_DEMO_SPEED: '0.05',
    TMPDIR: tmp,
    AO_HOME: aoHome,
  });
  return { root, project, tmp, aoHome, env, calls: ao.calls };
}

const events = (calls: HookCall[]) => calls.map((call) => call.argv[2]);

function writeFixture(name: string, description: string, calls: HookCall[], paths: { project: string; aoHome: string }): void {
  const version = (JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string }).version;
  // Stable paths in place of the sandbox's, as the Claude recordings have.
  const scrub = (payload: unknown) =>
    JSON.parse(JSON.stringify(payload).split(paths.aoHome).join('/ao-home').split(paths.project).join('/project')) as unknown;
  const fixture = {
    harness: 'demo',
    harnessVersion: version,
    scenario: name,
    description,
    signals: calls.map((call) => ({ nativeEvent: call.payload.hook_event_name, event: call.argv[2], payload: scrub(call.payload) })),
  };
  writeFileSync(join(PACKAGE_DIR, 'fixtures', `${name}.json`), `${JSON.stringify(fixture, null, 2)}\n`);
}

describe('the demo agent in a PTY fires Claude-shaped hooks through `ao hooks demo`', () => {
  it.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))('%s', async (_, scenario) => {
    const box = sandbox();
    const agent = new PtyAgent({ cwd: box.project, env: box.env, args: scenario.args ?? [] });
    await scenario.drive(agent);
    expect(await agent.exited).toMatchObject({ exitCode: 0 });

    const calls = box.calls();
    expect(events(calls)).toEqual(scenario.events);
    const [first] = calls;
    for (const call of calls) {
      expect(call.argv.slice(0, 2)).toEqual(['hooks', 'demo']);
      expect(call.session).toBe(SESSION);
      expect(call.payload).toMatchObject({
        session_id: first!.payload.session_id,
        cwd: box.project,
        transcript_path: join(box.aoHome, 'sessions', SESSION, 'demo-transcript.jsonl'),
        hook_event_name: nativeEventName(call.argv[2] as DemoEvent),
      });
    }
    expect(first!.payload).toMatchObject({ source: 'startup', model: 'demo-model' });
    expect(first!.payload.session_id).toMatch(UUID);
    expect(calls.at(-1)!.payload.reason).toBe('prompt_input_exit');
    // Private to the user, whatever their umask: it holds their prompts.
    expect(statSync(String(first!.payload.transcript_path)).mode & 0o777).toBe(0o600);
    expect(statSync(join(box.aoHome, 'sessions', SESSION)).mode & 0o777).toBe(0o700);
    expect(readdirSync(box.tmp)).toEqual([]);
    if (RECORD) writeFixture(scenario.name, scenario.description, calls, box);
  });

  it('ties a tool call together by tool_use_id, except PermissionRequest which has none (as Claude)', async () => {
    const box = sandbox();
    const agent = new PtyAgent({ cwd: box.project, env: box.env });
    await agent.waitForPrompts(1);
    await agent.turn('hello');
    agent.line('permission please');
    await agent.waitFor(/Allow Bash/);
    agent.key('y');
    await agent.waitForPrompts(3);
    agent.key('\u0004');
    await agent.exited;
    const calls = box.calls();
    const byEvent = (event: string) => calls.filter((call) => call.argv[2] === event).map((call) => call.payload);
    const pre = byEvent('pre-tool-use');
    expect(pre.map((p) => p.tool_use_id)).toEqual(['toolu_demo_1', 'toolu_demo_2']);
    expect(byEvent('post-tool-use').map((p) => p.tool_use_id)).toEqual(['toolu_demo_1', 'toolu_demo_2']);
    expect(pre[0]).toMatchObject({ tool_name: 'Bash', tool_input: { command: 'ls' } });
    expect(byEvent('post-tool-use')[0]!.tool_response).toMatchObject({ stdout: expect.stringContaining('README.md') });
    const [request] = byEvent('permission-request');
    expect(request).toMatchObject({ tool_name: 'Bash', tool_input: { command: 'touch demo.txt' } });
    expect(request).not.toHaveProperty('tool_use_id');
    expect(byEvent('user-prompt-submit').map((p) => p.prompt)).toEqual(['hello', 'permission please']);
    expect(byEvent('stop')[0]).toMatchObject({ stop_hook_active: false, last_assistant_message: expect.any(String) });
    // The demo must not write into the user's directory, even when "allowed" to.
    expect(readdirSync(box.project)).toEqual([]);
  });

  it('Esc cancels the permission dialog: PermissionDenied, then Stop', async () => {
    const box = sandbox();
    const agent = new PtyAgent({ cwd: box.project, env: box.env });
    await agent.waitForPrompts(1);
    agent.line('MOCK_TOOL');
    await agent.waitFor(/Allow Bash/);
    agent.key('\u001b');
    await agent.waitForPrompts(2);
    agent.line('quit');
    expect(await agent.exited).toMatchObject({ exitCode: 0 });
    const calls = box.calls();
    expect(events(calls)).toEqual(['session-start', 'user-prompt-submit', 'pre-tool-use', 'permission-request', 'permission-denied', 'stop', 'session-end']);
    expect(calls[4]!.payload).toMatchObject({ tool_name: 'Bash', reason: 'user cancelled' });
  });

  it('AO_DEMO_SILENT_DENIAL=1 denies as Claude Code 2.1.x does: the turn ends and no hook fires', async () => {
    const box = sandbox();
    const agent = new PtyAgent({ cwd: box.project, env: { ...box.env, AO_DEMO_SILENT_DENIAL: '1' } });
    await agent.waitForPrompts(1);
    agent.line('MOCK_TOOL');
    await agent.waitFor(/Allow Bash/);
    agent.key('n');
    await agent.waitForPrompts(2);
    expect(agent.output).toContain('What should Claude do instead?');
    agent.line('quit');
    expect(await agent.exited).toMatchObject({ exitCode: 0 });
    expect(events(box.calls())).toEqual(['session-start', 'user-prompt-submit', 'pre-tool-use', 'permission-request', 'session-end']);
  });

  it('a failed turn reports the API error', async () => {
    const box = sandbox();
    const agent = new PtyAgent({ cwd: box.project, env: box.env });
    await agent.waitForPrompts(1);
    await agent.turn('fail now');
    agent.key('\u0004');
    await agent.exited;
    expect(box.calls()[2]!.payload).toMatchObject({ hook_event_name: 'StopFailure', error: 'server_error', last_assistant_message: 'API Error: 500' });
  });

  it('fires no hook at all and writes no transcript when AO_SESSION_ID is unset', async () => {
    const box = sandbox({ session: undefined });
    const agent = new PtyAgent({ cwd: box.project, env: box.env });
    await agent.waitForPrompts(1);
    await agent.turn('hello');
    await agent.turn('make it fail');
    agent.key('\u0004');
    expect(await agent.exited).toMatchObject({ exitCode: 0 });
    expect(agent.output).toContain('There are three entries here');
    expect(agent.output).toContain('no hooks are fired');
    expect(box.calls()).toEqual([]);
    expect(readdirSync(box.tmp)).toEqual([]);
    expect(existsSync(box.aoHome)).toBe(false);
  });

  it('keeps working when `ao` is not on PATH', async () => {
    const box = sandbox({ path: tempDir() });
    const agent = new PtyAgent({ cwd: box.project, env: box.env });
    await agent.waitForPrompts(1);
    await agent.turn('hello');
    agent.line('permission?');
    await agent.waitFor(/Allow Bash/);
    agent.key('2');
    await agent.waitForPrompts(3);
    agent.key('\u0004');
    expect(await agent.exited).toMatchObject({ exitCode: 0 });
    expect(agent.output).toContain("OK, I won't create demo.txt.");
    expect(agent.output).not.toMatch(/Error|ENOENT/);
  });

  it.each(['SIGTERM', 'SIGHUP'])('%s ends it quietly: no SessionEnd, the process dies of the signal', async (signal) => {
    const box = sandbox();
    const agent = new PtyAgent({ cwd: box.project, env: box.env });
    await agent.waitForPrompts(1);
    agent.line('permission');
    await agent.waitFor(/Allow Bash/);
    agent.kill(signal);
    const exit = await agent.exited;
    expect(exit.signal).toBe(signal === 'SIGTERM' ? 15 : 1);
    expect(events(box.calls())).toEqual(['session-start', 'user-prompt-submit', 'pre-tool-use', 'permission-request']);
  });

  it('a single Ctrl-C does not end it; a second one within 2 s does, with SessionEnd', async () => {
    const box = sandbox();
    const agent = new PtyAgent({ cwd: box.project, env: box.env });
    await agent.waitForPrompts(1);
    agent.key('\u0003');
    await agent.waitForPrompts(2);
    agent.key('\u0003');
    expect(await agent.exited).toMatchObject({ exitCode: 0 });
    expect(events(box.calls())).toEqual(['session-start', 'session-end']);
  });
});
