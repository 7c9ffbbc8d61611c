import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trustClaudeFolder } from '../src/folder-trust.js';

describe("pre-accepting Claude Code's folder trust for a directory ao created", () => {
  it('adds the project entry and keeps everything else in the state file', () => {
    const home = mkdtempSync(join(tmpdir(), 'claude-home-'));
    const state = join(home, '.claude.json');
    writeFileSync(state, JSON.stringify({ numStartups: 4, projects: { '/other': { allowedTools: ['Bash'] }, '/wt': { history: [1] } } }, null, 2));
    expect(trustClaudeFolder('/wt', { HOME: home })).toEqual([state]);
    expect(JSON.parse(readFileSync(state, 'utf8'))).toEqual({
      numStartups: 4,
      projects: { '/other': { allowedTools: ['Bash'] }, '/wt': { history: [1], hasTrustDialogAccepted: true } },
    });
    // Already accepted: nothing written.
    const before = readFileSync(state, 'utf8');
    expect(trustClaudeFolder('/wt', { HOME: home })).toEqual([]);
    expect(readFileSync(state, 'utf8')).toBe(before);
  });

  it('creates the state file when there is none, and honours CLAUDE_CONFIG_DIR', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claude-config-'));
    trustClaudeFolder('/wt', { CLAUDE_CONFIG_DIR: dir, HOME: '/nonexistent' });
    expect(JSON.parse(readFileSync(join(dir, '.claude.json'), 'utf8'))).toEqual({ projects: { '/wt': { hasTrustDialogAccepted: true } } });
  });

  it('leaves a state file that is not JSON untouched', () => {
    const home = mkdtempSync(join(tmpdir(), 'claude-home-'));
    writeFileSync(join(home, '.claude.json'), '{ broken');
    expect(trustClaudeFolder('/wt', { HOME: home })).toEqual([]);
    expect(readFileSync(join(home, '.claude.json'), 'utf8')).toBe('{ broken');
  });
});
