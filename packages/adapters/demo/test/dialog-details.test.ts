import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dialogDetails, loadFixtures } from '@ao/adapter-kit/conformance';
import { demoAdapter } from '../src/index.js';

const fixtures = new Map(loadFixtures(join(import.meta.dirname, '..', 'fixtures')).map(({ fixture }) => [fixture.scenario, fixture]));
const detailsOf = (scenario: string) => dialogDetails(demoAdapter, fixtures.get(scenario)!);

describe('demo: what an open request shows of the recorded dialogs', () => {
  it.each(['permission-approved', 'permission-denied'])('%s: the permission dialog is about the command', (scenario) => {
    expect(detailsOf(scenario)).toEqual([{ event: 'permission-request', state: 'blocked', detail: 'touch demo.txt' }]);
  });

  it('question-answered: the elicitation shows its question', () => {
    expect(detailsOf('question-answered')).toEqual([{ event: 'elicitation', state: 'waiting_input', detail: 'Which branch should I use?' }]);
  });

  it('tour: both dialogs, each with what it is about', () => {
    expect(detailsOf('tour')).toEqual([
      { event: 'permission-request', state: 'blocked', detail: 'touch demo.txt' },
      { event: 'elicitation', state: 'waiting_input', detail: 'Which branch should I use?' },
    ]);
  });
});
