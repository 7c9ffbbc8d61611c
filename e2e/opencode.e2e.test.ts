// OpenCode (the real TUI binary, pinned in harness-versions.json) under `ao spawn`, against the
// mock model server: the state sequences ao records, scenario by scenario. ao's plugin is loaded by
// path (OPENCODE_CONFIG_CONTENT); the sandbox's global config dir holds only the user's
// opencode.json (the mock provider), the npm registry is unreachable, and after every scenario that
// dir must be as it was and npm tried once (lib/opencode-user-config.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { apiErrorReported, killedMidTurn, killedWhileBlocked, permissionApproved, plainTurn, toolAllowed } from './lib/shared-scenarios.js';
import { answerPermission, scenario, spawnReady } from './lib/scenario.js';

const H = 'opencode';
const ASK_BASH = { bash: 'ask' };

describe('OpenCode under ao spawn', () => {
  scenario(H, 'plain-turn', { fixture: 'plain-turn', description: 'TUI under ao spawn: `ao send hi`, one plain text turn.' }, plainTurn);

  scenario(
    H,
    'tool-allowed',
    {
      fixture: 'tool-allowed',
      description: 'TUI, default permissions (bash allowed): the model runs a shell loop that waits for the test to release it, then `env > mock_tool_env.txt && touch mock_tool_ran.txt` with the bash tool, then replies.',
    },
    async (s) => {
      await toolAllowed({ prompt: 'please MOCK_TOOL MOCK_SLOW MOCK_ENV run it', tool: { name: 'bash', id: /^call_mock_/ } })(s);
      // The tool's shell has the user's environment and ao's session, not what ao set only for OpenCode's start.
      const env = readFileSync(join(s.sb.proj, 'mock_tool_env.txt'), 'utf8').split('\n');
      expect(env).toContain(`AO_SESSION_ID=${s.id}`);
      expect(env).toContain(`npm_config_registry=${s.sb.env.npm_config_registry}`);
      expect(env.filter((line) => /^npm_config_fetch_retries=/i.test(line))).toEqual([]);
    },
  );

  scenario(
    H,
    'permission-approved',
    {
      fixture: 'permission-approved',
      opencodePermission: ASK_BASH,
      description: 'TUI with permission bash=ask: the bash call opens the permission dialog; ao approves it (Allow once); the turn finishes.',
    },
    permissionApproved(/Permission required/),
  );

  scenario(
    H,
    'permission-denied',
    {
      fixture: 'permission-denied',
      opencodePermission: ASK_BASH,
      description: 'TUI with permission bash=ask: the bash call opens the permission dialog; ao denies it (Reject); OpenCode reports the reply and ends the turn.',
    },
    async (s) => {
      await spawnReady(s);
      await s.send('please MOCK_TOOL run it');
      await s.waitForState('blocked');
      await s.waitForScreen(/Permission required/);
      await answerPermission(s, 'deny');
      await s.waitForState('idle');
      expect(await s.states()).toEqual(['active', 'blocked', 'active', 'idle']);
      const replied = (await s.events()).find((e) => e.event === 'permission-replied');
      expect(replied).toMatchObject({ type: 'transition', from: 'blocked', to: 'active', data: { reason: 'reject' } });
      expect(existsSync(join(s.sb.proj, 'mock_tool_ran.txt'))).toBe(false);
    },
  );

  scenario(
    H,
    'question',
    { fixture: 'question', description: 'TUI: the model asks with the question tool (Red / Blue); `ao send <id> 2` answers; the turn finishes.' },
    async (s) => {
      await spawnReady(s);
      await s.send('MOCK_ASK please');
      const asking = await s.waitForState('waiting_input');
      expect(asking).toMatchObject({ status: 'needs_input', needsInputReason: 'question', lastNotification: 'Which colour should the mock use?' });
      await s.waitForScreen(/Which colour should the mock use\?/);
      const sent = await s.ao(['send', s.id, '2', '--json']);
      expect(sent.exitCode, sent.stdout).toBe(0);
      expect(JSON.parse(sent.stdout)).toMatchObject({ delivered: true, acknowledged: true });
      await s.waitForState('idle');
      expect(await s.states()).toEqual(['active', 'waiting_input', 'active', 'idle']);
    },
  );

  scenario(
    H,
    'killed-mid-turn',
    { fixture: 'killed-mid-turn', description: 'TUI started with --prompt: the model never answers (the turn hangs); the opencode process is killed with SIGKILL.' },
    killedMidTurn,
  );

  scenario(
    H,
    'killed-while-blocked',
    {
      fixture: 'killed-while-blocked',
      opencodePermission: ASK_BASH,
      description: 'TUI with permission bash=ask: the permission dialog opens; the opencode process is killed with SIGKILL while it is open.',
    },
    killedWhileBlocked,
  );

  scenario(
    H,
    'api-error',
    { fixture: 'api-error', description: 'TUI: the model API answers HTTP 400 to the turn; OpenCode reports session.error, then idle.' },
    apiErrorReported,
  );
});
