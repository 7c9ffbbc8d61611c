import { join } from 'node:path';
import { type ExpectedOutcome, describeAdapterConformance } from '@ao/adapter-kit/conformance';
import { demoAdapter } from '../src/index.js';

const TOOL: ExpectedOutcome[] = ['active', 'active', 'active', 'idle']; // UserPromptSubmit, PreToolUse, PostToolUse, Stop

describeAdapterConformance(demoAdapter, {
  fixturesDir: join(import.meta.dirname, '..', 'fixtures'),
  // Per recorded signal: a state, or '-' (mapped, no state).
  expectedStates: {
    'tool-turn': ['-', ...TOOL, 'exited'],
    // PreToolUse, PermissionRequest (blocked), PostToolUse once approved, Stop
    'permission-approved': ['-', 'active', 'active', 'blocked', 'active', 'idle', 'exited'],
    // PermissionDenied: the turn goes on (active), then Stop
    'permission-denied': ['-', 'active', 'active', 'blocked', 'active', 'idle', 'exited'],
    'question-answered': ['-', 'active', 'waiting_input', 'active', 'idle', 'exited'],
    // StopFailure ends the turn (idle) with the error as a fact
    'api-error': ['-', 'active', 'idle', 'exited'],
    tour: ['-', ...TOOL, 'active', 'active', 'blocked', 'active', 'idle', 'active', 'waiting_input', 'active', 'idle', 'exited'],
    'argv-prompt-then-exit': ['-', ...TOOL, 'exited'],
  },
});
