/** An inclusive range of harness versions (semver `x.y.z`), as `{ min: '2.1.197', max: '2.1.332' }`. */
export interface VersionRange {
  min: string;
  max: string;
}

/**
 * Which versions of the harness an adapter was tested with, and how to read the installed one.
 * Outside the range, hook names, payload shapes and dialogs may have changed: `ao doctor` warns
 * that states may be wrong.
 */
export interface HarnessVersions {
  /** The npm package the harness ships as: its pin in e2e/harness-versions.json must lie in `tested`. */
  npmPackage: string;
  /** The versions the adapter was tested with (its fixtures and the e2e suite), both ends included. */
  tested: VersionRange;
  /** The version in the output of `<binary> --version`; null when the output shows none. */
  parseVersionOutput(output: string): string | null;
}
