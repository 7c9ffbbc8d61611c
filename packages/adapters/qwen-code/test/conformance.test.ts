import { join } from 'node:path';
import { describeAdapterConformance } from '@ao/adapter-kit/conformance';
import { qwenCodeAdapter } from '../src/index.js';

/** A project's own .qwen/settings.json: the user's hooks (on events ao uses too) and keys ao knows nothing of. */
const USER_SETTINGS = `{
  "model": { "name": "qwen3-coder-plus" },
  "hooks": {
    "Stop": [{ "hooks": [{ "type": "command", "command": "notify-send done" }] }],
    "PreToolUse": [{ "matcher": "run_shell_command", "hooks": [{ "type": "command", "command": "./audit.sh", "timeout": 5 }] }],
    "PreCompact": [{ "hooks": [{ "type": "command", "command": "echo compacting" }] }]
  },
  "futureKey": [1, 2, 3]
}
`;

describeAdapterConformance(qwenCodeAdapter, {
  fixturesDir: join(import.meta.dirname, '..', 'fixtures'),
  // Recorded by e2e/qwen-code.e2e.test.ts: the payloads ao's own hooks received from the TUI under
  // `ao spawn` (ao's own process-exited / permission-answered left out). Per signal: a state,
  // '-' (mapped, no state) or null (not mapped). Every installed event is mapped.
  expectedStates: {
    // SessionStart, UserPromptSubmit, Stop, Notification idle_prompt
    'e2e-plain-turn': ['-', 'active', 'idle', 'idle'],
    // … PreToolUse, PostToolUse, PostToolBatch (agent-busy), UserPromptSubmit "" (a continuation: no state), Stop, idle_prompt
    'e2e-tool-allowed': ['-', 'active', 'active', 'active', 'active', '-', 'idle', 'idle'],
    // … PermissionRequest, Notification permission_prompt (no state: it cannot tell a question), PreToolUse, PostToolUse, PostToolBatch, UserPromptSubmit "", Stop, idle_prompt
    'e2e-permission-approved': ['-', 'active', 'blocked', '-', 'active', 'active', 'active', '-', 'idle', 'idle'],
    // … PermissionRequest, permission_prompt, PostToolBatch{cancelled} (permission-denied), idle_prompt (no Stop); then `hi`: UserPromptSubmit, Stop, idle_prompt
    'e2e-permission-denied': ['-', 'active', 'blocked', '-', 'active', 'idle', 'active', 'idle', 'idle'],
    // … PermissionRequest(ask_user_question) = the question, permission_prompt, PreToolUse, PostToolUse (answered), PostToolBatch, UserPromptSubmit "", Stop, idle_prompt
    'e2e-question': ['-', 'active', 'waiting_input', '-', 'active', 'active', 'active', '-', 'idle', 'idle'],
    // SessionStart, UserPromptSubmit (the --prompt-interactive prompt); then SIGKILL: nothing more
    'e2e-killed-mid-turn': ['-', 'active'],
    // SessionStart, UserPromptSubmit, PermissionRequest, permission_prompt; then SIGKILL of the
    // process ao started: Qwen's cli.js child, left behind, fired SessionEnd{prompt_input_exit} as
    // the terminal went (after ao's own process-exited, so it changed nothing)
    'e2e-killed-while-blocked': ['-', 'active', 'blocked', '-', 'exited'],
    // SessionStart, UserPromptSubmit, StopFailure, idle_prompt
    'e2e-api-error': ['-', 'active', 'idle', 'idle'],
  },
  userFiles: { '.qwen/settings.json': USER_SETTINGS, '.qwen/QWEN.md': '# my project notes\n' },
  promptArgument: (prompt) => `--prompt-interactive=${prompt}`,
});
