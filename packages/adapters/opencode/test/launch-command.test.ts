import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HookInstallError } from '@ao/registry';
import { describe, expect, it } from 'vitest';
import { PLUGIN_MARKER, buildOpencodeLaunch, opencodeAdapter, shippedPluginPath } from '../src/index.js';

const options = { cwd: '/p', aoCommand: '/opt/ao/bin/ao', aoHome: '/h', sessionId: 's', launchDir: '/h/launches/s' };
const USER_ENV = { HOME: '/home/u', PATH: '/usr/bin' };

describe('OpenCode launch', () => {
  it("loads ao's shipped plugin by path through OPENCODE_CONFIG_CONTENT, writes no file and adds no config dir", () => {
    const launch = buildOpencodeLaunch({ ...options, prompt: '-v fix it', extraArgs: ['--model', 'mock/m'] }, USER_ENV);
    expect(launch.command).toBe('opencode');
    expect(launch.args).toEqual(['--model', 'mock/m', '--prompt=-v fix it']);
    expect(launch.files).toEqual([]);
    expect(Object.keys(launch.env).sort()).toEqual(['OPENCODE_CONFIG_CONTENT', 'npm_config_fetch_retries']);
    // a config dir of ao's would be one more npm install for OpenCode to wait for
    expect(launch.env).not.toHaveProperty('OPENCODE_CONFIG_DIR');
    const config = JSON.parse(launch.env.OPENCODE_CONFIG_CONTENT!);
    expect(config).toEqual({
      plugin: [[expect.stringMatching(/^file:\/\//), { aoCommand: '/opt/ao/bin/ao', launchedByAo: true, unsetEnv: ['npm_config_fetch_retries'] }]],
    });
    const file = fileURLToPath(config.plugin[0][0]);
    expect(file).toBe(shippedPluginPath());
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe(PLUGIN_MARKER);
    expect(opencodeAdapter.buildLaunch(options).args).toEqual([]);
  });

  it("turns npm's retries off for OpenCode's start, unless the user set them", () => {
    expect(buildOpencodeLaunch(options, USER_ENV).env.npm_config_fetch_retries).toBe('0');
    for (const own of [{ npm_config_fetch_retries: '5' }, { NPM_CONFIG_FETCH_RETRIES: '1' }]) {
      const launch = buildOpencodeLaunch(options, { ...USER_ENV, ...own });
      expect(launch.env).not.toHaveProperty('npm_config_fetch_retries');
      expect(JSON.parse(launch.env.OPENCODE_CONFIG_CONTENT!).plugin[0][1].unsetEnv).toEqual([]);
    }
  });

  it("keeps the user's own OPENCODE_CONFIG_CONTENT and adds ao's plugin to it", () => {
    const own = JSON.stringify({ model: 'a/b', plugin: ['their-plugin@1'] });
    const config = JSON.parse(buildOpencodeLaunch(options, { ...USER_ENV, OPENCODE_CONFIG_CONTENT: own }).env.OPENCODE_CONFIG_CONTENT!);
    expect(config.model).toBe('a/b');
    expect(config.plugin).toEqual(['their-plugin@1', [expect.stringMatching(/ao-plugin\.js$/), expect.objectContaining({ aoCommand: '/opt/ao/bin/ao' })]]);
    expect(() => buildOpencodeLaunch(options, { ...USER_ENV, OPENCODE_CONFIG_CONTENT: '{ // mine\n "model": "a/b" }' })).toThrow(HookInstallError);
    expect(() => buildOpencodeLaunch(options, { ...USER_ENV, OPENCODE_CONFIG_CONTENT: '[1]' })).toThrow(/not a JSON object/);
  });
});
