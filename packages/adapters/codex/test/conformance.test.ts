import { join } from 'node:path';
import { describeAdapterConformance } from '@ao/registry/conformance';
import { codexAdapter } from '../src/index.js';

describeAdapterConformance(codexAdapter, {
  fixturesDir: join(import.meta.dirname, '..', 'fixtures'),
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
  },
  // Codex's hooks travel on the command line: ao writes nothing, so the user's files stay as they are.
  userFiles: {
    '.codex/hooks.json': '{"hooks":{"Stop":[{"hooks":[{"type":"command","command":"say done"}]}]}}\n',
    '.codex/config.toml': 'model = "o3"\n',
  },
});
