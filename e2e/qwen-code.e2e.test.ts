// Qwen Code (the real TUI, pinned in harness-versions.json, run on Node 22 by the harness cache's
// wrapper) under `ao spawn`, against the mock model server: the state sequences ao records,
// scenario by scenario. ao wires Qwen through a per-launch system settings file
// (QWEN_CODE_SYSTEM_SETTINGS_PATH) and starts it with `--approval-mode default`.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { apiErrorReported, killedMidTurn, killedWhileBlocked, permissionApproved, plainTurn, toolAllowed } from './lib/shared-scenarios.js';
import { waitUntil } from './lib/ao.js';
import { answerPermission, scenario, spawnReady, type Scenario } from './lib/scenario.js';

const H = 'qwen-code';

/** Nothing of ao's lands in the user's ~/.qwen: no settings file at all (Qwen writes its own state there). */
function expectNoUserSettings(s: Scenario): void {
  const qwenHome = join(s.sb.home, '.qwen');
  const names = existsSync(qwenHome) ? readdirSync(qwenHome) : [];
  expect(names).not.toContain('settings.json');
}

/**
 * Qwen fires Notification idle_prompt with every turn's end (Stop, StopFailure, or a denial's
 * PostToolBatch), a moment after it or, for StopFailure, sometimes just before: waits for it, so the fixture always holds it, and checks it added no
 * transition (the session was idle already).
 */
function thenIdlePrompt(body: (s: Scenario) => Promise<void>) {
  return async (s: Scenario): Promise<void> => {
    await body(s);
    const before = await s.states();
    await waitUntil(
      'Notification idle_prompt after the turn',
      async () => {
        s.tap.sweep();
        // After the turn's prompt, in any order with the turn's end: Qwen fires StopFailure from a
        // separate helper process, so its idle_prompt may come first.
        const signals = s.tap.signals().filter((signal) => signal.sessionId === s.id);
        const turnStart = signals.findLastIndex((signal) => signal.event === 'user-prompt-submit');
        return signals.slice(turnStart + 1).some((signal) => signal.event === 'notification' && (signal.payload as { notification_type?: unknown }).notification_type === 'idle_prompt');
      },
      15_000,
    );
    expect(await s.states()).toEqual(before);
    expect(before.at(-1)).toBe('idle');
  };
}

describe('Qwen Code under ao spawn', () => {
  scenario(
    H,
    'plain-turn',
    { fixture: 'plain-turn', rollout: true, description: 'TUI under ao spawn: `ao send hi`, one plain text turn.' },
    thenIdlePrompt(async (s) => {
      await plainTurn(s);
      expectNoUserSettings(s);
    }),
  );

  scenario(
    H,
    'tool-allowed',
    {
      fixture: 'tool-allowed',
      rollout: true,
      description:
        'TUI with `--allowed-tools run_shell_command`: the model runs a shell loop that waits for the test to release it, then `touch mock_tool_ran.txt` without a dialog; after the batch Qwen fires UserPromptSubmit with an empty prompt (a continuation), then Stop.',
    },
    thenIdlePrompt(toolAllowed({ spawnArgs: ['--allowed-tools', 'run_shell_command'], prompt: 'please MOCK_TOOL MOCK_SLOW run it', tool: { name: 'run_shell_command', id: /^toolu_/ } })),
  );

  scenario(
    H,
    'permission-approved',
    { fixture: 'permission-approved', description: 'TUI, approval mode default: the shell call opens the permission dialog; ao approves it (1, allow once); the turn finishes.' },
    thenIdlePrompt(permissionApproved(/Allow execution of/)),
  );

  scenario(
    H,
    'permission-denied',
    {
      fixture: 'permission-denied',
      // Two turns and a TUI that takes ~40 s to start on a loaded 2-core machine: a hang guard, not a timing assertion.
      timeoutMs: 240_000,
      description: 'TUI, approval mode default: the shell call opens the permission dialog; ao denies it (Esc). Qwen reports the refused call in PostToolBatch (status cancelled), then Notification idle_prompt; then a new prompt.',
    },
    thenIdlePrompt(async (s) => {
      await spawnReady(s);
      await s.send('please MOCK_TOOL run it');
      await s.waitForState('blocked');
      await s.waitForScreen(/Allow execution of/);
      await answerPermission(s, 'deny');
      await s.waitForState('idle');
      expect(await s.states()).toEqual(['active', 'blocked', 'active', 'idle']);
      const events = await s.events();
      // The hooks said it (PostToolBatch cancelled → permission-denied): ao deny had nothing to record.
      expect(events.find((e) => e.event === 'permission-denied')).toMatchObject({ type: 'transition', from: 'blocked', to: 'active', data: { reason: 'cancelled' } });
      expect(events.filter((e) => e.event === 'permission-answered')).toEqual([]);
      await s.send('hi');
      await s.waitForState('idle');
      expect(await s.states()).toEqual(['active', 'blocked', 'active', 'idle', 'active', 'idle']);
      expect(existsSync(join(s.sb.proj, 'mock_tool_ran.txt'))).toBe(false);
    }),
  );

  scenario(
    H,
    'question',
    { fixture: 'question', description: 'TUI: the model asks with ask_user_question (Red / Blue); `ao send <id> 2` picks Blue; the turn finishes.' },
    thenIdlePrompt(async (s) => {
      await spawnReady(s);
      await s.send('MOCK_ASK please');
      const asking = await s.waitForState('waiting_input');
      expect(asking).toMatchObject({ status: 'needs_input', needsInputReason: 'question' });
      await s.waitForScreen(/Which colour should the mock use\?/);
      // Answering a question is acknowledged by the session leaving waiting_input.
      const sent = await s.ao(['send', s.id, '2', '--json']);
      expect(sent.exitCode, sent.stdout).toBe(0);
      expect(JSON.parse(sent.stdout)).toMatchObject({ delivered: true, acknowledged: true });
      await s.waitForState('idle');
      expect(await s.states()).toEqual(['active', 'waiting_input', 'active', 'idle']);
      expect(await s.screen()).toMatch(/Colour\W+Blue/);
    }),
  );

  scenario(
    H,
    'killed-mid-turn',
    { fixture: 'killed-mid-turn', description: 'TUI started with the prompt (--prompt-interactive): the model never answers (the turn hangs); the qwen process is killed with SIGKILL.' },
    killedMidTurn,
  );

  scenario(
    H,
    'killed-while-blocked',
    { fixture: 'killed-while-blocked', description: 'TUI: the shell call opens the permission dialog; the qwen process is killed with SIGKILL while it is open.' },
    killedWhileBlocked,
  );

  scenario(
    H,
    'api-error',
    { fixture: 'api-error', description: 'TUI: the model API answers HTTP 400 to the turn; Qwen fires StopFailure, then Notification idle_prompt.' },
    thenIdlePrompt(apiErrorReported),
  );
});
