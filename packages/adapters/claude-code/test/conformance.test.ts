import { join } from 'node:path';
import { describeAdapterConformance } from '@ao/adapter-kit/conformance';
import { claudeCodeAdapter } from '../src/index.js';

/** A user's own settings.local.json: their hooks (on events ao uses too) and keys ao knows nothing of. */
const USER_SETTINGS = `{
    "permissions": { "allow": ["Bash(npm test:*)"] },
    "hooks": {
        "Stop": [{ "hooks": [{ "type": "command", "command": "notify-send done" }] }],
        "PreToolUse": [{ "matcher": "Bash", "hooks": [{ "type": "command", "command": "./audit.sh", "timeout": 5 }] }],
        "PreCompact": [{ "hooks": [{ "type": "command", "command": "echo compacting" }] }]
    },
    "env": { "FOO": "bar" },
    "futureKey": [1, 2, 3]
}
`;

describeAdapterConformance(claudeCodeAdapter, {
  fixturesDir: join(import.meta.dirname, '..', 'fixtures'),
  versionOutput: '2.1.197 (Claude Code)',
  // Per recorded signal: a state, '-' (mapped, no state) or null (not mapped).
  expectedStates: {
    // SessionStart, UserPromptSubmit, MessageDisplay, StopFailure, SessionEnd(other)
    'api-error': ['-', 'active', null, 'idle', 'exited'],
    // SessionStart, UserPromptSubmit, MessageDisplay, Stop, SessionEnd(other)
    'plain-turn': ['-', 'active', null, 'idle', 'exited'],
    // -p cannot ask: PreToolUse then PostToolBatch with the refusal, no permission hook at all
    'print-tool-auto-denied': ['-', 'active', 'active', null, null, 'idle', 'exited'],
    'tool-call-allowed': ['-', 'active', 'active', 'active', null, null, 'idle', 'exited'],
    'tui-api-error': ['-', 'active', 'idle', 'exited'],
    // MessageDisplay, Stop, then Notification idle_prompt after the (shortened) idle threshold
    'tui-idle-prompt': ['-', 'active', null, 'idle', 'idle', 'exited'],
    // PreToolUse, PermissionRequest, Notification permission_prompt 6 s later (a reminder: no
    // state, see derivation-table.ts), PostToolUse once approved
    'tui-permission-approved': ['-', 'active', 'active', 'blocked', '-', 'active', null, null, 'idle', 'exited'],
    // Esc or "No" in the dialog: Claude fires no hook at all (no PermissionDenied, no Stop, no
    // idle_prompt), so the hooks alone leave ao `blocked` (ao deny records the answer itself).
    'tui-permission-cancelled': ['-', 'active', 'active', 'blocked', '-', 'exited'],
    'tui-permission-denied': ['-', 'active', 'active', 'blocked', '-', 'exited'],

    // Recorded by e2e/claude-code.e2e.test.ts: the payloads ao's own hooks received from the TUI
    // under `ao spawn` (only the events ao installs; ao's own process-exited/permission-answered left out).
    // SessionStart, UserPromptSubmit, StopFailure
    'e2e-api-error': ['-', 'active', 'idle'],
    // SessionStart, UserPromptSubmit; then SIGKILL (no SessionEnd)
    'e2e-killed-mid-turn': ['-', 'active'],
    // SessionStart, UserPromptSubmit, PreToolUse, PermissionRequest; then SIGKILL
    'e2e-killed-while-blocked': ['-', 'active', 'active', 'blocked'],
    // … PermissionRequest, the permission_prompt reminder (approved after its 6 s on a loaded
    // machine; within them it does not come), PostToolUse, Stop
    'e2e-permission-approved': ['-', 'active', 'active', 'blocked', '-', 'active', 'idle'],
    // 2.1.332 in auto mode, classifier unreachable: PreToolUse, Notification agent_needs_input (the
    // choice; the approval dialog after it fires no hook), PostToolUse once approved, Stop
    'e2e-auto-mode-unchecked': ['-', 'active', 'active', 'waiting_input', 'active', 'idle'],
    // … PermissionRequest, denied (no hook at all), then the next prompt: UserPromptSubmit, Stop
    'e2e-permission-denied': ['-', 'active', 'active', 'blocked', 'active', 'idle'],
    // SessionStart, UserPromptSubmit, Stop
    'e2e-plain-turn': ['-', 'active', 'idle'],
    // PreToolUse(AskUserQuestion), PermissionRequest(AskUserQuestion) = the question,
    // Notification permission_prompt 6 s later (a reminder), PostToolUse once answered, Stop
    'e2e-question': ['-', 'active', 'active', 'waiting_input', '-', 'active', 'idle'],
    // SessionStart, UserPromptSubmit, PreToolUse, PostToolUse, Stop
    'e2e-tool-allowed': ['-', 'active', 'active', 'active', 'idle'],
  },
  userFiles: { '.claude/settings.local.json': USER_SETTINGS, '.claude/agents/reviewer.md': '# my reviewer agent\n' },
});
