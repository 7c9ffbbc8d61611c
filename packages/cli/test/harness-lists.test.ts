import { describe, expect, it } from 'vitest';
import { createDefaultRegistry } from '../src/adapters.js';
import { runAo, tempDir } from './ao-harness.js';

/**
 * Every list of harness names ao prints comes from the one registry list
 * (packages/cli/src/adapters.ts): a harness added there appears in help, errors and doctor alike.
 */
const ids = createDefaultRegistry().ids();

/** The harness ids the `--agent` line of a help text lists: "--agent <harness>  a, b or c (aliases allowed)". */
function listedHarnesses(help: string): string[] {
  const lines = help.split('\n');
  const at = lines.findIndex((text) => text.trimStart().startsWith('--agent <harness>'));
  if (at < 0) throw new Error(`no --agent option in:\n${help}`);
  // commander wraps a long description onto lines indented past the option names: join them back.
  const indent = (text: string) => text.length - text.trimStart().length;
  let end = at + 1;
  while (end < lines.length && lines[end]!.trim() !== '' && indent(lines[end]!) > indent(lines[at]!) + 2) end += 1;
  const line = lines.slice(at, end).map((text, i) => (i === 0 ? text : text.trim())).join(' ');
  const list = /--agent <harness>\s+(.*) \(aliases allowed\)/.exec(line)?.[1];
  if (!list) throw new Error(`the --agent help lists no harnesses: ${line}`);
  return list.split(/, | or /);
}

describe('harness names', () => {
  it.each(['spawn', 'register', 'install-hooks', 'uninstall-hooks', 'check-hooks'])('ao %s --help lists exactly the registry ids', async (command) => {
    const result = await runAo(tempDir('ao-home-'), [command, '--help']);
    expect(result.exitCode).toBe(0);
    expect(listedHarnesses(result.stdout)).toEqual(ids);
  });

  it('ao help register lists them too, and so does the help printed after a missing --agent', async () => {
    const aoHome = tempDir('ao-home-');
    expect(listedHarnesses((await runAo(aoHome, ['help', 'register'])).stdout)).toEqual(ids);
    const missing = await runAo(aoHome, ['register']);
    expect(missing.exitCode).toBe(2);
    expect(listedHarnesses(missing.stderr)).toEqual(ids);
  });

  it('an unknown harness is refused with the registry ids', async () => {
    const result = await runAo(tempDir('ao-home-'), ['spawn', '--agent', 'nope', '--dry-run', '--json']);
    expect(JSON.parse(result.stdout)).toEqual({ error: { code: 'unknown_harness', message: `unknown harness "nope"; known harnesses: ${ids.join(', ')}` } });
  });

  it('ao doctor checks the binary and hooks of exactly the registry ids', async () => {
    const result = await runAo(tempDir('ao-home-'), ['doctor', '--json'], { env: { PATH: '/usr/bin:/bin', HOME: tempDir('ao-user-home-') } });
    const names = (JSON.parse(result.stdout) as { checks: { name: string }[] }).checks.map((check) => check.name);
    expect(names.filter((name) => name.endsWith(' binary'))).toEqual(ids.map((id) => `${id} binary`));
    expect(names.filter((name) => name.endsWith(' hooks'))).toEqual(ids.map((id) => `${id} hooks`));
  });
});
