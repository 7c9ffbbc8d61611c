import { join } from 'node:path';
import { describeAdapterConformance } from '@ao/adapter-kit/conformance';
import { geminiCliAdapter } from '../src/index.js';

describeAdapterConformance(geminiCliAdapter, {
  fixturesDir: join(import.meta.dirname, '..', 'fixtures'),
  // Per recorded signal: a state, '-' (mapped, no state) or null (not mapped). Recorded by
  // e2e/gemini-cli.e2e.test.ts: the payloads ao's own hooks received from the TUI under `ao spawn`.
  expectedStates: {
    // SessionStart, BeforeAgent, AfterAgent
    'e2e-plain-turn': ['-', 'active', 'idle'],
    // An HTTP 400: AfterAgent all the same (prompt_response "[no response text]", no error field)
    'e2e-api-error': ['-', 'active', 'idle'],
    // SessionStart, BeforeAgent; then SIGKILL: nothing more (the session host records the exit)
    'e2e-killed-mid-turn': ['-', 'active'],
    // … BeforeTool, Notification ToolPermission exec; then SIGKILL
    'e2e-killed-while-blocked': ['-', 'active', 'active', 'blocked'],
    // BeforeTool, Notification ToolPermission exec (the dialog), AfterTool, AfterAgent
    'e2e-permission-approved': ['-', 'active', 'active', 'blocked', 'active', 'idle'],
    // … Notification exec, Esc: nothing at all (ao deny records it); then the next prompt: BeforeAgent, AfterAgent
    'e2e-permission-denied': ['-', 'active', 'active', 'blocked', 'active', 'idle'],
    // BeforeTool(ask_user) = the question (with its text), Notification ask_user (the same dialog), AfterTool = the answer
    'e2e-question': ['-', 'active', 'waiting_input', 'waiting_input', 'active', 'idle'],
    // --approval-mode yolo: BeforeTool, AfterTool, no dialog
    'e2e-tool-allowed': ['-', 'active', 'active', 'active', 'idle'],
  },
  // Gemini's hooks travel with the launch: ao writes nothing into the project, whatever is there.
  userFiles: {
    '.gemini/settings.json': '{"hooks":{"AfterAgent":[{"hooks":[{"type":"command","command":"say done"}]}]}}\n',
    'GEMINI.md': '# my project\n',
  },
  promptArgument: (prompt) => `--prompt-interactive=${prompt}`,
});
