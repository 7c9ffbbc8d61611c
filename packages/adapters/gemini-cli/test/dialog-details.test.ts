import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dialogDetails, loadFixtures } from '@ao/adapter-kit/conformance';
import { geminiCliAdapter } from '../src/index.js';

const fixtures = new Map(loadFixtures(join(import.meta.dirname, '..', 'fixtures')).map(({ fixture }) => [fixture.scenario, fixture]));
const detailsOf = (scenario: string) => dialogDetails(geminiCliAdapter, fixtures.get(scenario)!);

describe('Gemini CLI: what an open request shows of the recorded dialogs', () => {
  it.each(['e2e-permission-approved', 'e2e-permission-denied', 'e2e-killed-while-blocked'])(
    "%s: the confirmation dialog is about the command, from the Notification's details",
    (scenario) => {
      expect(detailsOf(scenario)).toEqual([{ event: 'notification', state: 'blocked', detail: 'touch mock_tool_ran.txt' }]);
    },
  );

  it("e2e-question: BeforeTool(ask_user) opens the question with its text; the Notification that follows has none", () => {
    expect(detailsOf('e2e-question')).toEqual([
      { event: 'pre-tool-use', state: 'waiting_input', detail: 'Which colour should the mock use?' },
      { event: 'notification', state: 'waiting_input', detail: 'Tool requires confirmation' },
    ]);
  });
});
