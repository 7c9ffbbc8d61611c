import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAoPlugin, npmInstallSkipped, opencodeAdapter, readPluginSettings, writeOpencodeConfigDir } from '../src/index.js';
import { tempDir } from '@ao/registry/conformance';

const options = { cwd: '/p', aoCommand: '/opt/ao/bin/ao', aoHome: '/h', sessionId: 's', launchDir: '/h/launches/s' };

describe('OpenCode launch', () => {
  it("points OPENCODE_CONFIG_DIR at ao's own config dir and passes the prompt as one word", () => {
    const launch = opencodeAdapter.buildLaunch({ ...options, prompt: '-v fix it', extraArgs: ['--model', 'mock/m'] });
    expect(launch.command).toBe('opencode');
    expect(launch.args).toEqual(['--model', 'mock/m', '--prompt=-v fix it']);
    expect(launch.env).toEqual({ OPENCODE_CONFIG_DIR: '/h/launches/s/opencode-config' });
    expect(launch.files.every((file) => file.path.startsWith('/h/launches/s/opencode-config/'))).toBe(true);
    const plugin = launch.files.find((file) => file.path.endsWith('/plugins/ao.js'))!;
    expect(isAoPlugin(plugin.content)).toBe(true);
    // no --session: the plugin reports only under AO_SESSION_ID, which ao hooks reads itself
    expect(readPluginSettings(plugin.content)).toEqual({ aoCommand: '/opt/ao/bin/ao' });
    expect(opencodeAdapter.buildLaunch(options).args).toEqual([]);
  });

  it('writes a config dir OpenCode will not npm-install into nor write a .gitignore into', () => {
    const dir = join(tempDir(), 'opencode-config');
    const written = writeOpencodeConfigDir(dir, { aoCommand: '/opt/ao/bin/ao' });
    expect(written).toHaveLength(5);
    expect(readdirSync(dir).sort()).toEqual(['.gitignore', 'node_modules', 'package-lock.json', 'package.json', 'plugins']);
    expect(statSync(join(dir, 'node_modules')).isDirectory()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))).toEqual({ dependencies: { '@opencode-ai/plugin': '*' } });
    expect(JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8'))).toEqual({
      lockfileVersion: 3,
      packages: { '': { dependencies: { '@opencode-ai/plugin': '*' } } },
    });
    expect(npmInstallSkipped(dir)).toBe(true);
    expect(npmInstallSkipped(tempDir())).toBe(false);
  });
});
