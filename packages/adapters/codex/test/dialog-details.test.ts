import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dialogDetails, loadFixtures } from '@ao/adapter-kit/conformance';
import { codexAdapter } from '../src/index.js';

const fixtures = new Map(loadFixtures(join(import.meta.dirname, '..', 'fixtures')).map(({ fixture }) => [fixture.scenario, fixture]));
const detailsOf = (scenario: string) => dialogDetails(codexAdapter, fixtures.get(scenario)!);

describe('Codex: what an open request shows of the recorded dialogs', () => {
  it.each(['tui-permission-approved', 'tui-permission-denied', 'e2e-permission-approved', 'e2e-permission-denied', 'e2e-killed-while-blocked'])(
    '%s: the approval dialog is about the command to run outside the sandbox',
    (scenario) => {
      expect(detailsOf(scenario)).toEqual([{ event: 'permission-request', state: 'blocked', detail: 'touch mock_tool_ran.txt' }]);
    },
  );

  it('e2e-question: request_user_input shows its first question', () => {
    expect(detailsOf('e2e-question')).toEqual([{ event: 'pre-tool-use', state: 'waiting_input', detail: 'Which colour should the mock use?' }]);
  });
});
