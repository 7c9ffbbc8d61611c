import { describe, expect, it } from 'vitest';
import { codexAdapter, codexHookOverrides } from '../src/index.js';

const options = { cwd: '/p', aoCommand: '/opt/ao/bin/ao', aoHome: '/h', sessionId: 's', launchDir: '/h/launches/s' };

describe('Codex launch', () => {
  it('starts without the daemon, with ao’s hooks and the trust bypass, and no --session', () => {
    const launch = codexAdapter.buildLaunch(options);
    expect(launch).toEqual({
      command: 'codex',
      args: ['--no-daemon', ...codexHookOverrides('/opt/ao/bin/ao'), '--dangerously-bypass-hook-trust'],
      env: {},
      files: [],
    });
    expect(launch.args.join(' ')).not.toContain('--session');
  });

  it('puts extra arguments before the prompt, and the prompt after "--"', () => {
    const launch = codexAdapter.buildLaunch({ ...options, extraArgs: ['-m', 'o3'], prompt: 'exec', binaryPath: '/bin/codex' });
    expect(launch.command).toBe('/bin/codex');
    expect(launch.args.slice(-4)).toEqual(['-m', 'o3', '--', 'exec']);
  });
});
