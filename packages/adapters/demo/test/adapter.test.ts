import { readdirSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { AdapterRegistry } from '@ao/registry';
import { describe, expect, it } from 'vitest';
import defaultAdapter, { DEMO_AGENT_PATH, demoAdapter } from '../src/index.js';
import { tempDir } from './support.js';

const context = { aoCommand: '/opt/ao/bin/ao', aoHome: '/ao-home' };
const launchOptions = { cwd: '/project', aoCommand: context.aoCommand, aoHome: context.aoHome, sessionId: 's1', launchDir: '/ao-home/launch/s1' };

describe('the demo adapter', () => {
  it('is registered under the id demo, with no aliases', () => {
    expect(defaultAdapter).toBe(demoAdapter);
    expect(demoAdapter).toMatchObject({ id: 'demo', displayName: 'Demo agent', aliases: [], binary: 'node', hookCapable: true, signalsAtStartup: true });
    expect(new AdapterRegistry([demoAdapter]).get('demo')).toBe(demoAdapter);
  });

  it('installs nothing, removes nothing, and says why', () => {
    const dir = tempDir();
    for (const action of ['install', 'uninstall'] as const) {
      const result = demoAdapter.hooks[action](dir, context);
      expect(result).toMatchObject({ harness: 'demo', dir, changed: false, files: [] });
      expect(result.notes.join(' ')).toMatch(/no hook files|never writes/);
    }
    expect(demoAdapter.hooks.install(dir, { ...context, sessionId: 'abc' }).notes.join(' ')).toContain('AO_SESSION_ID=abc');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reports its hooks as always in place, with the reason and no problems', () => {
    const status = demoAdapter.hooks.status('/nowhere', { ...context, sessionId: 'abc' });
    expect(status).toMatchObject({ harness: 'demo', installed: true, files: [], problems: [], sessionId: 'abc' });
    expect((status as typeof status & { notes: string[] }).notes[0]).toContain('AO_SESSION_ID');
  });

  it('launches the compiled agent with the Node that runs ao', () => {
    expect(isAbsolute(DEMO_AGENT_PATH)).toBe(true);
    expect(DEMO_AGENT_PATH).toMatch(/[/\\]dist[/\\]demo-agent\.js$/);
    expect(demoAdapter.buildLaunch(launchOptions)).toEqual({ command: process.execPath, args: [DEMO_AGENT_PATH], env: {}, files: [] });
    expect(demoAdapter.buildLaunch({ ...launchOptions, prompt: '-n list the files', extraArgs: ['x'], binaryPath: '/usr/local/bin/node' })).toEqual({
      command: '/usr/local/bin/node',
      args: [DEMO_AGENT_PATH, 'x', '-n list the files'],
      env: {},
      files: [],
    });
    expect(demoAdapter.buildLaunch({ ...launchOptions, prompt: '' }).args).toEqual([DEMO_AGENT_PATH]);
  });
});
