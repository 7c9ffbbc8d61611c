import { join } from 'node:path';
import { describeAdapterConformance } from '@ao/registry/conformance';
import { geminiCliAdapter } from '../src/index.js';

describeAdapterConformance(geminiCliAdapter, {
  fixturesDir: join(import.meta.dirname, '..', 'fixtures'),
  // Per recorded signal: a state, '-' (mapped, no state) or null (not mapped). Recorded by
  // e2e/gemini-cli.e2e.test.ts: the payloads ao's own hooks received from the TUI under `ao spawn`.
  expectedStates: {
    // SessionStart, BeforeAgent, AfterAgent
    'e2e-plain-turn': ['-', 'active', 'idle'],
  },
  // Gemini's hooks travel with the launch: ao writes nothing into the project, whatever is there.
  userFiles: {
    '.gemini/settings.json': '{"hooks":{"AfterAgent":[{"hooks":[{"type":"command","command":"say done"}]}]}}\n',
    'GEMINI.md': '# my project\n',
  },
  promptArgument: (prompt) => `--prompt-interactive=${prompt}`,
});
