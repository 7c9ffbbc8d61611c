import { join } from 'node:path';
import { describeAdapterConformance } from '@ao/registry/conformance';
import { FORWARDED_BUS_EVENTS, opencodeAdapter } from '../src/index.js';

describeAdapterConformance(opencodeAdapter, {
  fixturesDir: join(import.meta.dirname, '..', 'fixtures'),
  // The recordings hold every bus event, chatty ones included: only these are mapped.
  mappedEvents: [...FORWARDED_BUS_EVENTS, 'chat.message', 'tool.execute.before', 'tool.execute.after'],
  // Per mapped signal: a state, or '-' (mapped, no state).
  expectedStates: {
    // created, chat.message, busy ×2, session.error, (idle, session.idle) ×2
    'api-error': ['-', 'active', 'active', 'active', 'idle', 'idle', 'idle', 'idle', 'idle'],
    // created, chat.message, busy ×3, idle, session.idle
    'plain-turn': ['-', 'active', 'active', 'active', 'active', 'idle', 'idle'],
    // created, chat.message, busy ×2, tool before, asked, replied(reject: the turn goes on), idle, session.idle
    'run-permission-auto-rejected': ['-', 'active', 'active', 'active', 'active', 'blocked', 'active', 'idle', 'idle'],
    // created, chat.message, busy ×2, tool before, tool after, busy ×3, idle, session.idle
    'tool-call-allowed': ['-', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'idle', 'idle'],
    // created, chat.message, busy ×2, tool before, asked, replied(once), tool after, busy ×3, idle, session.idle
    'tui-permission-approved': ['-', 'active', 'active', 'active', 'active', 'blocked', 'active', 'active', 'active', 'active', 'active', 'idle', 'idle'],
    // as above, replied(reject), then straight to idle
    'tui-permission-denied': ['-', 'active', 'active', 'active', 'active', 'blocked', 'active', 'idle', 'idle'],
  },
  // The prompt goes through the TUI's --prompt option, as one word.
  promptArgument: (prompt) => `--prompt=${prompt}`,
  userFiles: {
    '.opencode/plugins/mine.js': 'export const Mine = async () => ({});\n',
    '.opencode/opencode.json': '{"permission":{"bash":"ask"},"plugin":["my-plugin"]}\n',
    '.opencode/.gitignore': 'node_modules\n',
  },
});
