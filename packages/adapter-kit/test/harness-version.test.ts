import { describe, expect, it } from 'vitest';
import { describeRange, firstVersionIn, inTestedRange } from '../src/harness-version.js';

describe('harness versions', () => {
  it('reads the version from what each harness prints for --version', () => {
    expect(firstVersionIn('2.1.197 (Claude Code)\n')).toBe('2.1.197');
    expect(firstVersionIn('codex-cli 0.169.0')).toBe('0.169.0');
    expect(firstVersionIn('1.18.33')).toBe('1.18.33');
    expect(firstVersionIn('gemini 0.61.0-preview.1')).toBe('0.61.0-preview.1');
    expect(firstVersionIn('dev build')).toBeNull();
    expect(firstVersionIn('')).toBeNull();
  });

  it('compares as semver, both ends included (2.1.99 is before 2.1.197)', () => {
    const range = { min: '2.1.197', max: '2.1.332' };
    expect(inTestedRange('2.1.197', range)).toBe(true);
    expect(inTestedRange('2.1.332', range)).toBe(true);
    expect(inTestedRange('2.1.250', range)).toBe(true);
    expect(inTestedRange('2.1.99', range)).toBe(false);
    expect(inTestedRange('2.1.333', range)).toBe(false);
    expect(inTestedRange('2.1.332-beta.1', range)).toBe(true);
    expect(inTestedRange('2.1.197-beta.1', range)).toBe(false);
    expect(inTestedRange('not a version', range)).toBe(false);
  });

  it('says the range in words', () => {
    expect(describeRange({ min: '2.1.197', max: '2.1.332' })).toBe('2.1.197 to 2.1.332');
    expect(describeRange({ min: '1.18.33', max: '1.18.33' })).toBe('1.18.33');
  });
});
