import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dialogDetails, loadFixtures } from '@ao/adapter-kit/conformance';
import { opencodeAdapter } from '../src/index.js';

const fixtures = new Map(loadFixtures(join(import.meta.dirname, '..', 'fixtures')).map(({ fixture }) => [fixture.scenario, fixture]));
const detailsOf = (scenario: string) => dialogDetails(opencodeAdapter, fixtures.get(scenario)!);

describe('OpenCode: what an open request shows of the recorded dialogs', () => {
  it.each(['tui-permission-approved', 'tui-permission-denied', 'run-permission-auto-rejected', 'e2e-permission-approved', 'e2e-killed-while-blocked'])(
    '%s: permission.asked is about the command (its metadata.command)',
    (scenario) => {
      expect(detailsOf(scenario)).toEqual([{ event: 'permission.asked', state: 'blocked', detail: 'touch mock_tool_ran.txt' }]);
    },
  );

  it('e2e-question: question.asked shows its first question', () => {
    expect(detailsOf('e2e-question')).toEqual([{ event: 'question.asked', state: 'waiting_input', detail: 'Which colour should the mock use?' }]);
  });

  it('without metadata.command, the patterns asked for', () => {
    const facts = opencodeAdapter.derive('permission.asked', { type: 'permission.asked', properties: { permission: 'edit', patterns: ['src/a.ts', 'src/b.ts'] } })!.facts;
    expect(facts.toolDetail).toBe('src/a.ts src/b.ts');
  });
});
