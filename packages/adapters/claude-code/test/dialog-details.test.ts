import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dialogDetails, loadFixtures } from '@ao/adapter-kit/conformance';
import { claudeCodeAdapter } from '../src/index.js';

const fixtures = new Map(loadFixtures(join(import.meta.dirname, '..', 'fixtures')).map(({ fixture }) => [fixture.scenario, fixture]));
const detailsOf = (scenario: string) => dialogDetails(claudeCodeAdapter, fixtures.get(scenario)!);
const derive = claudeCodeAdapter.derive.bind(claudeCodeAdapter);

describe('Claude Code: what an open request shows of the recorded dialogs', () => {
  it.each(['tui-permission-approved', 'tui-permission-denied', 'tui-permission-cancelled', 'e2e-permission-approved', 'e2e-killed-while-blocked'])(
    '%s: the permission dialog is about the command Bash was asked to run',
    (scenario) => {
      expect(detailsOf(scenario)).toEqual([{ event: 'permission-request', state: 'blocked', detail: 'touch mock_tool_ran.txt' }]);
    },
  );

  it('e2e-question: the AskUserQuestion dialog shows the question, not the tool', () => {
    expect(detailsOf('e2e-question')).toEqual([{ event: 'permission-request', state: 'waiting_input', detail: 'Which colour should the mock use?' }]);
  });

  it('takes the most telling tool_input key: command, file, path, URL, pattern, question, then description', () => {
    const detail = (tool_input: unknown) => derive('permission-request', { tool_name: 'X', tool_input })?.facts.toolDetail;
    expect(detail({ description: 'List files', command: 'ls -la' })).toBe('ls -la');
    expect(detail({ file_path: 'src/a.ts', content: 'x' })).toBe('src/a.ts');
    expect(detail({ path: 'src', pattern: 'TODO' })).toBe('src');
    expect(detail({ url: 'https://example.com', prompt: 'summarise' })).toBe('https://example.com');
    expect(detail({ pattern: '**/*.ts' })).toBe('**/*.ts');
    expect(detail({ description: 'Explore the code', prompt: 'long prompt' })).toBe('Explore the code');
    // a key of the wrong type is passed over, not fatal
    expect(detail({ command: ['ls'], file_path: 'b.txt' })).toBe('b.txt');
    expect(detail({ command: '   ' })).toBeUndefined();
    expect(detail('ls')).toBeUndefined();
    expect(detail(undefined)).toBeUndefined();
    // one line, capped like every fact
    expect(detail({ command: `echo a\necho ${'b'.repeat(2000)}` })).toMatch(/^echo a echo b+…$/);
    expect(detail({ command: 'x'.repeat(2000) })!.length).toBe(512);
  });
});
