// Codex CLI (the real TUI binary, pinned in harness-versions.json) under `ao spawn`, against the
// mock model server: the state sequences ao records, scenario by scenario.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { probeCodexRollout } from '../packages/adapters/codex/src/transcript-probe.js';
import { killedMidTurn, killedWhileBlocked, permissionApproved, plainTurn, toolAllowed } from './lib/shared-scenarios.js';
import { answerPermission, scenario, spawnReady } from './lib/scenario.js';

const H = 'codex';

describe('Codex CLI under ao spawn', () => {
  scenario(H, 'plain-turn', { fixture: 'plain-turn', rollout: true, description: 'TUI (`codex --no-daemon`) under ao spawn: `ao send hi`, one plain text turn.' }, plainTurn);

  scenario(
    H,
    'tool-allowed',
    {
      fixture: 'tool-allowed',
      rollout: true,
      description: 'TUI, approval on-request, sandbox workspace-write: the model runs a shell loop that waits for the test to release it, then `touch mock_tool_ran.txt` inside the sandbox (no dialog), then replies.',
    },
    toolAllowed({ prompt: 'please MOCK_TOOL MOCK_SLOW MOCK_SANDBOXED run it', tool: { name: 'Bash', id: /^call_mock_/ } }),
  );

  scenario(
    H,
    'permission-approved',
    {
      fixture: 'permission-approved',
      description: 'TUI, approval on-request: the model asks to run `touch mock_tool_ran.txt` outside the sandbox; the approval dialog opens; ao approves it (y); the turn finishes.',
    },
    permissionApproved(/Would you like to run/),
  );

  scenario(
    H,
    'permission-denied',
    {
      fixture: 'permission-denied',
      rollout: true,
      description: 'TUI, approval on-request: the approval dialog opens; ao denies it (Esc); Codex fires Interrupt and the turn ends; then a new prompt.',
    },
    async (s) => {
      await spawnReady(s);
      await s.send('please MOCK_TOOL run it');
      await s.waitForState('blocked');
      await s.waitForScreen(/Would you like to run/);
      await answerPermission(s, 'deny');
      await s.waitForState('idle');
      const events = await s.events();
      expect(events.filter((e) => e.type === 'transition').map((e) => e.event)).toEqual(['user-prompt-submit', 'permission-request', 'interrupt']);
      await s.send('hi');
      await s.waitForState('idle');
      expect(await s.states()).toEqual(['active', 'blocked', 'idle', 'active', 'idle']);
      expect(existsSync(join(s.sb.proj, 'mock_tool_ran.txt'))).toBe(false);
    },
  );

  scenario(
    H,
    'killed-mid-turn',
    { fixture: 'killed-mid-turn', rollout: true, description: 'TUI: the model never answers (the turn hangs); the codex process is killed with SIGKILL.' },
    killedMidTurn,
  );

  scenario(
    H,
    'killed-while-blocked',
    { fixture: 'killed-while-blocked', description: 'TUI: the approval dialog opens; the codex process is killed with SIGKILL while it is open.' },
    killedWhileBlocked,
  );

  scenario(
    H,
    'question',
    {
      fixture: 'question',
      description: 'TUI in Plan mode (/plan): the model asks with request_user_input (Red / Blue); `ao send <id> 2` picks Blue; the turn finishes.',
    },
    async (s) => {
      await spawnReady(s);
      // request_user_input is offered in Plan mode only (Default mode refuses it at once).
      await s.keys('/', 'p', 'l', 'a', 'n', '\r');
      await s.waitForScreen(/Plan mode/);
      await s.send('MOCK_ASK please');
      const asking = await s.waitForState('waiting_input');
      expect(asking).toMatchObject({ status: 'needs_input', needsInputReason: 'question', lastNotification: 'Which colour should the mock use?' });
      await s.waitForScreen(/Which colour should the mock use\?/);
      // Answering a question is acknowledged by the session leaving waiting_input.
      const sent = await s.ao(['send', s.id, '2', '--json']);
      expect(sent.exitCode, sent.stdout).toBe(0);
      expect(JSON.parse(sent.stdout)).toMatchObject({ delivered: true, acknowledged: true });
      await s.waitForState('idle');
      expect(await s.states()).toEqual(['active', 'waiting_input', 'active', 'idle']);
      expect((await s.events()).filter((e) => e.type === 'transition').map((e) => e.event)).toEqual(['user-prompt-submit', 'elicitation', 'elicitation-result', 'stop']);
    },
  );

  scenario(
    H,
    'api-error',
    {
      fixture: 'api-error',
      rollout: true,
      description: 'TUI: the model API answers HTTP 400 to the turn; Codex fires no hook for it (no Stop); its rollout records task_complete with the error.',
    },
    async (s) => {
      await spawnReady(s);
      await s.send('please MOCK_FAIL now');
      await s.waitForScreen(/forced failure/);
      // No hook comes. The honest signal: every Codex hook names the rollout, and the rollout has
      // the failed turn. Reading the state (here ao status; the daemon on its tick) checks it and
      // records the turn's end: idle, with the error.
      const idle = await s.status();
      const prompt = s.tap.signals().find((signal) => signal.event === 'user-prompt-submit')!.payload as { turn_id: string };
      expect(probeCodexRollout(idle.transcriptPath)).toEqual({ status: 'failed', turnId: prompt.turn_id, at: expect.any(Number), error: 'mock: forced failure' });
      expect(idle).toMatchObject({ activityState: 'idle', status: 'idle', lastError: 'mock: forced failure' });
      const events = (await s.events()).filter((e) => e.type === 'transition');
      expect(events.map((e) => `${e.event}→${e.to}`)).toEqual(['user-prompt-submit→active', 'turn-ended→idle']);
      expect(await s.states()).toEqual(['active', 'idle']);
    },
  );
});
