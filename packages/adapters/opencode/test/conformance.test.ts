import { join } from 'node:path';
import { describeAdapterConformance } from '@ao/adapter-kit/conformance';
import { FORWARDED_BUS_EVENTS, opencodeAdapter } from '../src/index.js';

describeAdapterConformance(opencodeAdapter, {
  fixturesDir: join(import.meta.dirname, '..', 'fixtures'),
  versionOutput: '1.18.33',
  // The recordings hold every bus event, chatty ones included: only these are mapped.
  // (plugin.init is ao's plugin announcing itself: only in the e2e recordings, which hold ao's plugin's signals.)
  mappedEvents: [...FORWARDED_BUS_EVENTS, 'plugin.init', 'chat.message', 'tool.execute.before', 'tool.execute.after'],
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

    // Recorded by e2e/opencode.e2e.test.ts: what ao's plugin forwarded from the TUI under `ao spawn`
    // (it skips repeated session.status values). Each starts plugin.init, session.created, chat.message, busy.
    // … session.error, then (idle, session.idle) ×2
    'e2e-api-error': ['-', '-', 'active', 'active', 'idle', 'idle', 'idle', 'idle', 'idle'],
    // … then SIGKILL: nothing more
    'e2e-killed-mid-turn': ['-', '-', 'active', 'active'],
    // … tool before, permission.asked; then SIGKILL
    'e2e-killed-while-blocked': ['-', '-', 'active', 'active', 'active', 'blocked'],
    // … tool before, asked, replied(once), tool after, busy, idle, session.idle
    'e2e-permission-approved': ['-', '-', 'active', 'active', 'active', 'blocked', 'active', 'active', 'active', 'idle', 'idle'],
    // … tool before, asked, replied(reject: the turn goes on), idle, session.idle
    'e2e-permission-denied': ['-', '-', 'active', 'active', 'active', 'blocked', 'active', 'idle', 'idle'],
    // … idle, session.idle
    'e2e-plain-turn': ['-', '-', 'active', 'active', 'idle', 'idle'],
    // … tool before (question), question.asked, question.replied, tool after, busy, idle, session.idle
    'e2e-question': ['-', '-', 'active', 'active', 'active', 'waiting_input', 'active', 'active', 'active', 'idle', 'idle'],
    // … tool before, tool after, busy, idle, session.idle
    'e2e-tool-allowed': ['-', '-', 'active', 'active', 'active', 'active', 'active', 'idle', 'idle'],
  },
  // The prompt goes through the TUI's --prompt option, as one word.
  promptArgument: (prompt) => `--prompt=${prompt}`,
  userFiles: {
    '.opencode/plugins/mine.js': 'export const Mine = async () => ({});\n',
    '.opencode/opencode.json': '{"permission":{"bash":"ask"},"plugin":["my-plugin"]}\n',
    '.opencode/.gitignore': 'node_modules\n',
  },
});
