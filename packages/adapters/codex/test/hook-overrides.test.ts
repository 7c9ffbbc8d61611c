import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { hookCommand } from '@ao/adapter-kit';
import { describe, expect, it } from 'vitest';
import { CODEX_HOOK_EVENTS, codexAdapter, codexHookOverrides, tomlBasicString } from '../src/index.js';
import { fakeAo, gitRepo, runUnderBash, tempDir } from '@ao/adapter-kit/conformance';

/** Splits `-c key=value` pairs the way Codex does (at the first "=") and parses the value as TOML. */
function decode(args: string[]): Map<string, Array<{ hooks: Array<{ type: string; command: string; timeout: number }> }>> {
  const out = new Map();
  for (let i = 0; i < args.length; i += 2) {
    expect(args[i]).toBe('-c');
    const pair = args[i + 1]!;
    const at = pair.indexOf('=');
    out.set(pair.slice(0, at), (parse(`value = ${pair.slice(at + 1)}`) as { value: unknown }).value);
  }
  return out;
}

describe('Codex hook overrides', () => {
  it('give one -c per wired event, in the shape Codex reads, with the clamped timeouts', () => {
    const decoded = decode(codexHookOverrides('/opt/ao/bin/ao', 'sess-1'));
    expect([...decoded.keys()]).toEqual(CODEX_HOOK_EVENTS.map((e) => `hooks.${e.native}`));
    for (const { native, event } of CODEX_HOOK_EVENTS) {
      expect(decoded.get(`hooks.${native}`)).toEqual([
        {
          hooks: [
            { type: 'command', command: hookCommand('/opt/ao/bin/ao', 'codex', event, 'sess-1'), timeout: ['SessionEnd', 'Interrupt'].includes(native) ? 3 : 5 },
          ],
        },
      ]);
    }
  });

  it('survive TOML and then bash with spaces, both quotes and $ in the ao path', () => {
    const ao = fakeAo();
    expect(ao.aoCommand).toMatch(/ .*'.*".*\$/);
    const aoHome = join(tempDir(), "my ao's home");
    const decoded = decode(codexHookOverrides(ao.aoCommand, 'sess_9', aoHome));
    const command = decoded.get('hooks.PermissionRequest')![0]!.hooks[0]!.command;
    expect(command).toBe(hookCommand(ao.aoCommand, 'codex', 'permission-request', 'sess_9', aoHome));
    runUnderBash(command, ao.log, '{"tool_name":"Bash"}');
    expect(ao.calls()).toEqual([{ argv: ['hooks', 'codex', 'permission-request', '--session', 'sess_9', '--home', aoHome], stdin: '{"tool_name":"Bash"}' }]);
  });

  it('escape every character TOML forbids in a basic string', () => {
    const nasty = 'a\\b"c\u0000d\u001fe\u007ff\ng\th\'i$j\u00e9';
    expect((parse(`v = ${tomlBasicString(nasty)}`) as { v: string }).v).toBe(nasty);
  });
});

describe('Codex installer', () => {
  it('writes nothing and hands back the launch arguments, with a copy-pasteable command and the trust warning', () => {
    const dir = gitRepo();
    const ao = fakeAo();
    const context = { aoCommand: ao.aoCommand, aoHome: tempDir(), sessionId: 'sess-1' };
    const result = codexAdapter.hooks.install(dir, context);
    expect(result).toMatchObject({ harness: 'codex', changed: false, files: [] });
    expect(result.launchArgs).toEqual([...codexHookOverrides(ao.aoCommand, 'sess-1', context.aoHome), '--dangerously-bypass-hook-trust']);
    const commandLine = result.notes.find((note) => note.startsWith('codex '))!;
    // the printed command line, run through bash, gives Codex exactly launchArgs
    const echo = tempDir();
    runUnderBash(`printf '%s\\0' ${commandLine.slice('codex '.length)} > '${echo}/argv'`, ao.log);
    const argv = readFileSync(`${echo}/argv`, 'utf8').split('\0').slice(0, -1);
    expect(argv).toEqual(result.launchArgs);
    expect(result.notes.join(' ')).toMatch(/also lets any untrusted hooks of a trusted project run/);
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8' })).toBe('');

    expect(codexAdapter.hooks.uninstall(dir, context)).toMatchObject({ changed: false, files: [] });
    const status = codexAdapter.hooks.status(dir, context);
    expect(status.installed).toBe(false);
    expect(status.problems[0]).toMatch(/travel with the launch/);
  });
});
