// Only the three functions used, not the whole of semver (ranges, coercion): adapters load this
// module wherever ao loads its registry.
import semverGte from 'semver/functions/gte.js';
import semverLte from 'semver/functions/lte.js';
import semverValid from 'semver/functions/valid.js';
import type { VersionRange } from '@ao/registry';

/**
 * The first `x.y.z` version in a `--version` output (`2.1.197 (Claude Code)`, `codex-cli 0.169.0`,
 * `1.18.33`), with its pre-release tag if any; null when there is none.
 */
export function firstVersionIn(output: string): string | null {
  const match = /\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?/.exec(output);
  return match && semverValid(match[0]) !== null ? match[0] : null;
}

/**
 * Whether a version lies in a tested range, both ends included. Compared as semver (2.1.99 comes
 * before 2.1.197, and 2.1.200-beta before 2.1.200); a version that is not semver is outside.
 */
export function inTestedRange(version: string, range: VersionRange): boolean {
  if (semverValid(version) === null) return false;
  return semverGte(version, range.min) && semverLte(version, range.max);
}

/** `2.1.197 to 2.1.332`, or the one version when both ends are the same. */
export function describeRange(range: VersionRange): string {
  return range.min === range.max ? range.min : `${range.min} to ${range.max}`;
}
