import { hookCommand } from '@ao/adapter-kit';
import { describe, expect, it } from 'vitest';
import { CLAUDE_HOOK_EVENTS, claudeCodeAdapter } from '../src/index.js';
import { fakeAo, runUnderBash } from '@ao/adapter-kit/conformance';

const options = {
  cwd: '/e2e-home/project',
  aoCommand: '/opt/ao install/bin/ao',
  aoHome: '/e2e-home/.ao',
  sessionId: 'sess-1',
  launchDir: '/e2e-home/.ao/launches/sess-1',
};

describe('Claude Code launch', () => {
  it('wires the hooks through --settings in ao’s launch directory, never in the repository', () => {
    const launch = claudeCodeAdapter.buildLaunch(options);
    expect(launch.command).toBe('claude');
    expect(launch.args).toEqual(['--settings', '/e2e-home/.ao/launches/sess-1/claude-settings.json']);
    expect(launch.files).toHaveLength(1);
    expect(launch.files[0]!.path).toBe('/e2e-home/.ao/launches/sess-1/claude-settings.json');
    const settings = JSON.parse(launch.files[0]!.content);
    expect(Object.keys(settings)).toEqual(['hooks']);
    for (const { native, event } of CLAUDE_HOOK_EVENTS) {
      // no --session: the session host's AO_SESSION_ID reaches the hooks through the environment
      expect(settings.hooks[native][0].hooks[0].command).toBe(hookCommand(options.aoCommand, 'claude-code', event));
    }
  });

  it('passes extra arguments, then the prompt after "--" so it is never taken for an option', () => {
    const launch = claudeCodeAdapter.buildLaunch({
      ...options,
      prompt: '--help me',
      extraArgs: ['--allowedTools', 'Bash', 'Edit'],
      binaryPath: '/usr/local/bin/claude',
    });
    expect(launch.command).toBe('/usr/local/bin/claude');
    expect(launch.args).toEqual(['--settings', `${options.launchDir}/claude-settings.json`, '--allowedTools', 'Bash', 'Edit', '--', '--help me']);
  });

  it('its hook commands run under bash with an awkward ao path', () => {
    const ao = fakeAo();
    const launch = claudeCodeAdapter.buildLaunch({ ...options, aoCommand: ao.aoCommand });
    runUnderBash(JSON.parse(launch.files[0]!.content).hooks.Stop[0].hooks[0].command, ao.log, '{}');
    expect(ao.calls()[0]!.argv).toEqual(['hooks', 'claude-code', 'stop']);
  });
});
