// Claude Code (the real TUI binary, pinned in harness-versions.json) under `ao spawn`, against the
// mock model server: the state sequences ao records, scenario by scenario.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { apiErrorReported, killedMidTurn, killedWhileBlocked, permissionApproved, plainTurn, toolAllowed } from './lib/shared-scenarios.js';
import { TOOL_RELEASE_FILE } from './mock-model-server.mjs';
import { answerPermission, hasPermissionCommands, scenario, spawnReady } from './lib/scenario.js';

const H = 'claude-code';

describe('Claude Code under ao spawn', () => {
  scenario(H, 'plain-turn', { fixture: 'plain-turn', rollout: true, description: 'TUI under ao spawn: `ao send hi`, one plain text turn.' }, plainTurn);

  scenario(
    H,
    'tool-allowed',
    {
      fixture: 'tool-allowed',
      rollout: true,
      description: 'TUI with `--allowedTools Bash`: the model runs a shell loop that waits for the test to release it, then `touch mock_tool_ran.txt` without a dialog, then replies.',
    },
    toolAllowed({ spawnArgs: ['--allowedTools', 'Bash'], prompt: 'please MOCK_TOOL MOCK_SLOW run it', tool: { name: 'Bash', id: /^toolu_/ } }),
  );

  scenario(
    H,
    'permission-approved',
    { fixture: 'permission-approved', description: 'TUI, default permission mode: the Bash call opens the permission dialog; ao approves it; the turn finishes.' },
    permissionApproved(/Do you want to proceed/),
  );

  scenario(
    H,
    'permission-denied',
    {
      fixture: 'permission-denied',
      description: 'TUI, default permission mode: the Bash call opens the permission dialog; ao denies it (Esc). Claude fires no hook for a denial; then a new prompt.',
    },
    async (s) => {
      await spawnReady(s);
      await s.send('please MOCK_TOOL run it');
      await s.waitForState('blocked');
      await s.waitForScreen(/Do you want to proceed/);
      await answerPermission(s, 'deny');
      await s.waitForScreen(/Interrupted/);
      if (await hasPermissionCommands(s)) {
        // Claude reports nothing when its dialog is denied: `ao deny` records the answer itself.
        await s.waitForState('idle');
        expect(await s.states()).toEqual(['active', 'blocked', 'idle']);
        await s.send('hi');
      } else {
        // Keys alone: no hook, so ao still shows the dialog; `ao send` refuses without --force.
        expect((await s.status()).activityState).toBe('blocked');
        await s.send('hi', ['--force']);
      }
      await s.waitForState('idle');
      expect(await s.states()).toEqual((await hasPermissionCommands(s)) ? ['active', 'blocked', 'idle', 'active', 'idle'] : ['active', 'blocked', 'active', 'idle']);
      expect(existsSync(join(s.sb.proj, 'mock_tool_ran.txt'))).toBe(false);
    },
  );

  scenario(
    H,
    'question',
    {
      fixture: 'question',
      description: 'TUI: the model asks with AskUserQuestion (Red / Blue); `ao send <id> 2` picks Blue; the turn finishes. The dialog is held 7 s, past the 6 s Notification permission_prompt.',
    },
    async (s) => {
      await spawnReady(s);
      await s.send('MOCK_ASK please');
      const asking = await s.waitForState('waiting_input');
      expect(asking).toMatchObject({ status: 'needs_input', needsInputReason: 'question' });
      await s.waitForScreen(/Which colour should the mock use\?/);
      // Claude re-announces any open dialog as Notification permission_prompt after 6 s: the
      // question must stay a question.
      await s.waitForStatus('Notification permission_prompt', (status) => status.lastNotification !== null, 15_000);
      expect(await s.status()).toMatchObject({ activityState: 'waiting_input', needsInputReason: 'question' });
      // Answering a question is acknowledged by the session leaving waiting_input.
      const sent = await s.ao(['send', s.id, '2', '--json']);
      expect(sent.exitCode, sent.stdout).toBe(0);
      expect(JSON.parse(sent.stdout)).toMatchObject({ delivered: true, acknowledged: true });
      await s.waitForState('idle');
      expect(await s.states()).toEqual(['active', 'waiting_input', 'active', 'idle']);
      expect(await s.screen()).toMatch(/→ Blue/);
    },
  );

  scenario(
    H,
    'auto-mode-unchecked',
    {
      fixture: 'auto-mode-unchecked',
      description:
        "TUI in auto mode (`--permission-mode auto`, Claude's default since 2.1.2xx): the Bash call needs auto mode's server-side check, which cannot get through the mock gateway; Claude stops and asks to stay in auto mode or leave it (Notification agent_needs_input, no other hook); Enter stays; Claude then asks to approve the call itself (no PermissionRequest hook; a Notification permission_prompt reminder later); Yes runs it (PostToolUse); Stop.",
    },
    async (s) => {
      // The tool's loop ends at once when it runs: the test only has to see whether it ran.
      writeFileSync(join(s.sb.proj, TOOL_RELEASE_FILE), '');
      await spawnReady(s, ['--permission-mode', 'auto']);
      await s.send('please MOCK_TOOL MOCK_SLOW run it');
      const asking = await s.waitForState('waiting_input');
      expect(asking).toMatchObject({ status: 'needs_input', lastNotification: expect.stringMatching(/Auto mode can't check actions/) });
      await s.waitForScreen(/Enter to stay in auto mode/);
      await s.keys('\r');
      await s.waitForScreen(/so this one needs your approval[\s\S]*Do you want to proceed\?/);
      // Still waiting for the user: no hook said the dialog changed.
      expect((await s.status()).activityState).toBe('waiting_input');
      await s.keys('\u001b[B', '\r'); // "No" is preselected; "Yes" is below it
      await s.waitForState('idle', 60_000);
      // The PostToolUse of the approved call is not tied to the choice that opened waiting_input, so
      // ao shows waiting_input until Stop (docs/harnesses/claude-code.md, "Auto mode").
      expect(await s.states()).toEqual(['active', 'waiting_input', 'idle']);
      expect(existsSync(join(s.sb.proj, 'mock_tool_ran.txt'))).toBe(true);
    },
  );

  scenario(
    H,
    'nested-agent',
    {
      description:
        "TUI with `--allowedTools Bash`: the model's Bash call starts `claude -p hi` in another directory registered with ao register. The nested claude inherits AO_SESSION_ID; its signals belong to the registered session.",
    },
    async (s) => {
      const registeredDir = join(s.sb.root, 'registered');
      mkdirSync(registeredDir);
      const registered = await s.aoJson(['register', '--agent', H, '--cwd', registeredDir]);
      await spawnReady(s, ['--allowedTools', 'Bash']);
      await s.send(`please MOCK_TOOL MOCK_NESTED ${registeredDir}`);
      await s.waitForState('idle', 60_000);
      // The nested agent's Stop and SessionEnd did not end or exit the outer session's turn.
      expect(await s.states()).toEqual(['active', 'idle']);
      const nested = (await s.aoJson(['events', registered.id])) as { type: string; to?: string }[];
      expect(nested.filter((event) => event.type === 'transition').map((event) => event.to)).toEqual(['active', 'idle', 'exited']);
    },
  );

  scenario(
    H,
    'killed-mid-turn',
    { fixture: 'killed-mid-turn', description: 'TUI: the model never answers (the turn hangs); the claude process is killed with SIGKILL.' },
    killedMidTurn,
  );

  scenario(
    H,
    'killed-while-blocked',
    { fixture: 'killed-while-blocked', description: 'TUI: the Bash call opens the permission dialog; the claude process is killed with SIGKILL while it is open.' },
    killedWhileBlocked,
  );

  scenario(
    H,
    'api-error',
    { fixture: 'api-error', description: 'TUI: the model API answers HTTP 400 to the turn; Claude fires StopFailure.' },
    apiErrorReported,
  );
});
