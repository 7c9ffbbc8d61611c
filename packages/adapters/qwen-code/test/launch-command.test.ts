import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hookCommand } from '@ao/adapter-kit';
import { fakeAo, runUnderBash, tempDir } from '@ao/adapter-kit/conformance';
import { describe, expect, it } from 'vitest';
import { OFFLINE_SETTINGS, QWEN_HOOK_EVENTS, helperFiredHookCommand, qwenCodeAdapter } from '../src/index.js';

const options = {
  cwd: '/e2e-home/project',
  aoCommand: '/opt/ao install/bin/ao',
  aoHome: '/e2e-home/.ao',
  sessionId: 'sess-1',
  launchDir: '/e2e-home/.ao/launches/sess-1',
};
const settingsFile = '/e2e-home/.ao/launches/sess-1/qwen-system-settings.json';

describe('Qwen Code launch', () => {
  it('wires the hooks and the offline switches through a system settings file in ao’s launch directory, nothing else', () => {
    const launch = qwenCodeAdapter.buildLaunch(options);
    expect(launch.command).toBe('qwen');
    expect(launch.env).toEqual({ QWEN_CODE_SYSTEM_SETTINGS_PATH: settingsFile });
    expect(launch.args).toEqual(['--approval-mode', 'default']);
    expect(launch.files.map((file) => file.path)).toEqual([settingsFile]);
    const settings = JSON.parse(launch.files[0]!.content);
    expect(settings).toEqual({ hooks: expect.any(Object), ...OFFLINE_SETTINGS });
    expect(settings).toMatchObject({ telemetry: { enabled: false }, privacy: { usageStatisticsEnabled: false }, general: { enableAutoUpdate: false } });
    expect(Object.keys(settings.hooks)).toEqual(QWEN_HOOK_EVENTS.map(({ native }) => native));
    for (const { native, event } of QWEN_HOOK_EVENTS) {
      // no --session: the session host's AO_SESSION_ID reaches the hooks through the environment
      // (but StopFailure, run by a helper process: below); Qwen's timeout is in seconds
      const command = native === 'StopFailure' ? helperFiredHookCommand(options.aoCommand, 'stop-failure') : hookCommand(options.aoCommand, 'qwen-code', event);
      expect(settings.hooks[native]).toEqual([{ hooks: [{ type: 'command', command, timeout: 10 }] }]);
    }
  });

  it('starts interactive with the prompt as one --prompt-interactive= word (a positional prompt would run one-shot)', () => {
    const launch = qwenCodeAdapter.buildLaunch({ ...options, prompt: '--help me', extraArgs: ['--allowed-tools', 'run_shell_command'], binaryPath: '/usr/local/bin/qwen' });
    expect(launch.command).toBe('/usr/local/bin/qwen');
    expect(launch.args).toEqual(['--approval-mode', 'default', '--allowed-tools', 'run_shell_command', '--prompt-interactive=--help me']);
  });

  it.each([[['--approval-mode', 'yolo']], [['--approval-mode=plan']], [['-y']], [['--yolo']]])('keeps the approval mode the user chose: %j', (extraArgs) => {
    expect(qwenCodeAdapter.buildLaunch({ ...options, extraArgs }).args).toEqual(extraArgs);
  });

  it('its hook commands run under bash with an awkward ao path', () => {
    const ao = fakeAo();
    const launch = qwenCodeAdapter.buildLaunch({ ...options, aoCommand: ao.aoCommand });
    runUnderBash(JSON.parse(launch.files[0]!.content).hooks.PostToolBatch[0].hooks[0].command, ao.log, '{}');
    expect(ao.calls()[0]!.argv).toEqual(['hooks', 'qwen-code', 'post-tool-batch']);
  });

  it('StopFailure, which Qwen runs from a helper process, names its session as an argument and hides AO_SESSION_ID from ao', () => {
    const dir = tempDir('ao-qwen-launch-');
    const aoCommand = join(dir, 'bin dir $x', 'ao');
    const log = join(dir, 'calls.jsonl');
    mkdirSync(join(dir, 'bin dir $x'));
    writeFileSync(aoCommand, `#!${process.execPath}\nrequire('fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify({ argv: process.argv.slice(2), env: process.env.AO_SESSION_ID ?? null }));\n`, { mode: 0o755 });
    const launch = qwenCodeAdapter.buildLaunch({ ...options, aoCommand });
    const command = JSON.parse(launch.files[0]!.content).hooks.StopFailure[0].hooks[0].command;
    execFileSync('bash', ['-c', command], { env: { ...process.env, AO_SESSION_ID: 'sess-42' }, input: '{}' });
    expect(JSON.parse(readFileSync(log, 'utf8'))).toEqual({ argv: ['hooks', 'qwen-code', 'stop-failure', '--session', 'sess-42'], env: '' });
  });
});
