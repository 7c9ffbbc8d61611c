import { join } from 'node:path';
import { describeAdapterConformance } from '@ao/adapter-kit/conformance';
import { codexAdapter } from '../src/index.js';

describeAdapterConformance(codexAdapter, {
  fixturesDir: join(import.meta.dirname, '..', 'fixtures'),
  versionOutput: 'codex-cli 0.169.0',
  // Per recorded signal: a state, '-' (mapped, no state) or null (not mapped).
  expectedStates: {
    // An API error ends the turn with no Stop and no other hook: ao shows the turn running until the
    // session ends (exec exits at once; in the TUI the display falls back to `stale`).
    'api-error': ['-', 'active', 'exited'],
    'tui-api-error': ['-', 'active', 'exited'],
    // exec cannot ask: PreToolUse, no PermissionRequest, no PostToolUse, then Stop
    'exec-escalation-refused': ['-', 'active', 'active', 'idle', 'exited'],
    'plain-turn': ['-', 'active', 'idle', 'exited'],
    'tool-call-allowed': ['-', 'active', 'active', 'active', 'idle', 'exited'],
    'tui-permission-approved': ['-', 'active', 'active', 'blocked', 'active', 'idle', 'exited'],
    // Esc in the approval dialog interrupts the turn: Interrupt, no Stop
    'tui-permission-denied': ['-', 'active', 'active', 'blocked', 'idle', 'exited'],

    // Recorded by e2e/codex.e2e.test.ts: the payloads ao's own hooks received from the TUI under
    // `ao spawn` (ao's own process-exited/permission-answered left out).
    // SessionStart, UserPromptSubmit, and nothing else: the API error is only in the rollout
    // (fixtures/rollouts/e2e-api-error.jsonl, read by transcript-probe.ts)
    'e2e-api-error': ['-', 'active'],
    // SessionStart, UserPromptSubmit; then SIGKILL (no SessionEnd)
    'e2e-killed-mid-turn': ['-', 'active'],
    'e2e-killed-while-blocked': ['-', 'active', 'active', 'blocked'],
    'e2e-permission-approved': ['-', 'active', 'active', 'blocked', 'active', 'idle'],
    // … PermissionRequest, Esc: Interrupt (no Stop); then the next prompt: UserPromptSubmit, Stop
    'e2e-permission-denied': ['-', 'active', 'active', 'blocked', 'idle', 'active', 'idle'],
    'e2e-plain-turn': ['-', 'active', 'idle'],
    // Plan mode: PreToolUse(request_user_input) = the question, PostToolUse = the answer, Stop
    'e2e-question': ['-', 'active', 'waiting_input', 'active', 'idle'],
    'e2e-tool-allowed': ['-', 'active', 'active', 'active', 'idle'],
  },
  // Codex's hooks travel on the command line: ao writes nothing, so the user's files stay as they are.
  userFiles: {
    '.codex/hooks.json': '{"hooks":{"Stop":[{"hooks":[{"type":"command","command":"say done"}]}]}}\n',
    '.codex/config.toml': 'model = "o3"\n',
  },
});
