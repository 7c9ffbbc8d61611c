import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { expect } from 'vitest';
import type { HarnessAdapter } from '@ao/registry';
import { type Sandbox, gitStatus, snapshotTree } from './sandbox.js';

/** Text a shell would mangle: spaces, both quotes, `$`, a backslash, a glob, a leading dash. */
export const AWKWARD_PROMPT = `-n it's "fine" $HOME \`pwd\` \\ *.ts; echo done`;
export const AWKWARD_ARGS = ['--flag', 'two words', `it's "quoted" $PATH`, ''];

function isInside(parent: string, path: string): boolean {
  const rel = relative(parent, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Runs the launch the way the session host does (argv, no shell) with a recorder in place of the
 * harness, in a clean repository: the prompt and every extra argument arrive as single words, in
 * order; the launch's files all live under launchDir; the project is left exactly as it was.
 */
export function checkLaunch(adapter: HarnessAdapter, sandbox: Sandbox, promptArgument: (prompt: string) => string = (prompt) => prompt): void {
  const project = sandbox.gitRepo();
  const aoHome = join(sandbox.dir(), 'ao home');
  const launchDir = join(aoHome, 'launches', 'conformance-1');
  const harness = sandbox.recorder(adapter.binary);
  const before = snapshotTree(project);
  const launch = adapter.buildLaunch({
    cwd: project,
    aoCommand: sandbox.recorder('ao').path,
    aoHome,
    sessionId: 'conformance-1',
    launchDir,
    prompt: AWKWARD_PROMPT,
    extraArgs: AWKWARD_ARGS,
    binaryPath: harness.path,
  });
  expect(launch.command, 'the launch must run binaryPath when given').toBe(harness.path);
  for (const file of launch.files) {
    expect(isInside(launchDir, file.path), `${file.path} is not under launchDir ${launchDir}`).toBe(true);
    mkdirSync(dirname(file.path), { recursive: true });
    if (file.linkTo !== undefined) symlinkSync(file.linkTo, file.path);
    else writeFileSync(file.path, file.content, { mode: file.mode ?? 0o644 });
  }
  for (const [key, value] of Object.entries(launch.env)) {
    expect(isAbsolute(value) && isInside(project, value), `${key}=${value} points into the project`).toBe(false);
  }
  execFileSync(launch.command, launch.args, { cwd: project, env: { ...process.env, ...launch.env }, stdio: 'ignore' });
  const [argv] = harness.calls();
  expect(argv, 'the harness was not started').toBeDefined();
  expect(argv!.filter((word) => word === promptArgument(AWKWARD_PROMPT)), `the prompt is not one word of ${JSON.stringify(argv)}`).toHaveLength(1);
  const start = argv!.indexOf(AWKWARD_ARGS[0]!);
  expect(argv!.slice(start, start + AWKWARD_ARGS.length), 'the extra arguments, in order, one word each').toEqual(AWKWARD_ARGS);
  expect(gitStatus(project), 'git status after the launch').toBe('');
  expect(snapshotTree(project), 'the project after the launch').toEqual(before);
}
