import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HookInstallError } from '@ao/registry';
import { describe, expect, it } from 'vitest';
import { PLUGIN_MARKER, opencodeAdapter, readPluginSettings, renderOpencodePlugin } from '../src/index.js';
import { fakeAo, git, gitRepo, gitStatus, tempDir } from '@ao/adapter-kit/conformance';

const hooks = opencodeAdapter.hooks;

function setup(sessionId?: string) {
  const dir = gitRepo();
  const ao = fakeAo();
  const context = { aoCommand: ao.aoCommand, aoHome: join(tempDir(), 'ao-home'), ...(sessionId ? { sessionId } : {}) };
  return { dir, ao, context, plugin: join(dir, '.opencode', 'plugins', 'ao.js') };
}

describe('OpenCode plugin installer', () => {
  it('writes the marked plugin, git-ignored, says plainly what OpenCode will do, and leaves no trace on uninstall', () => {
    const { dir, context, plugin } = setup('sess-1');
    const result = hooks.install(dir, context);
    expect(result.changed).toBe(true);
    const source = readFileSync(plugin, 'utf8');
    expect(source.split('\n')[0]).toBe(PLUGIN_MARKER);
    expect(readPluginSettings(source)).toEqual({ aoCommand: context.aoCommand, sessionId: 'sess-1', aoHome: context.aoHome });
    expect(gitStatus(dir)).toBe('');
    expect(result.notes.join('\n')).toMatch(/waits for its npm install of @opencode-ai\/plugin into .*\.opencode.*about 70 s.*npm install @opencode-ai\/plugin/);

    const status = hooks.status(dir, context);
    expect(status).toMatchObject({ installed: true, sessionId: 'sess-1' });
    expect(status.problems.join('\n')).toMatch(/holds every start for about 70 s/);

    expect(hooks.uninstall(dir, context).changed).toBe(true);
    expect(existsSync(join(dir, '.opencode'))).toBe(false);
    expect(gitStatus(dir)).toBe('');
  });

  it('names each config dir an OpenCode started there would wait for, until the SDK is installed there (the one-time fix)', () => {
    const { dir, context } = setup('sess-2');
    const xdg = tempDir();
    const saved = process.env.XDG_CONFIG_HOME;
    process.env.XDG_CONFIG_HOME = xdg;
    try {
      const global = join(xdg, 'opencode');
      mkdirSync(global, { recursive: true });
      const notes = hooks.install(dir, context).notes.join('\n');
      expect(notes).toContain(`${join(dir, '.opencode')} and ${global}`);
      expect(notes).toContain('npm install @opencode-ai/plugin');
      // what `npm install @opencode-ai/plugin` (or OpenCode online) leaves in each
      for (const configDir of [join(dir, '.opencode'), global]) {
        mkdirSync(join(configDir, 'node_modules', '@opencode-ai', 'plugin'), { recursive: true });
        writeFileSync(join(configDir, 'package.json'), JSON.stringify({ dependencies: { '@opencode-ai/plugin': '^1.18.33' } }));
        writeFileSync(join(configDir, 'package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: { '': { dependencies: { '@opencode-ai/plugin': '^1.18.33' } } } }));
      }
      expect(hooks.status(dir, context).problems).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.XDG_CONFIG_HOME;
      else process.env.XDG_CONFIG_HOME = saved;
    }
  });

  it("refuses a plugin file that is not ao's, and leaves it alone on uninstall too", () => {
    const { dir, context, plugin } = setup();
    mkdirSync(join(dir, '.opencode', 'plugins'), { recursive: true });
    writeFileSync(plugin, 'export const Mine = async () => ({});\n');
    expect(() => hooks.install(dir, context)).toThrow(HookInstallError);
    expect(() => hooks.install(dir, context)).toThrow(/not ao's plugin/);
    expect(readFileSync(plugin, 'utf8')).toBe('export const Mine = async () => ({});\n');
    expect(hooks.uninstall(dir, context).changed).toBe(false);
    expect(readFileSync(plugin, 'utf8')).toBe('export const Mine = async () => ({});\n');
    expect(hooks.status(dir, context).problems.join(' ')).toMatch(/not ao's plugin/);
  });

  it("keeps the user's other .opencode files, and their own .gitignore, using info/exclude", () => {
    const { dir, context } = setup();
    mkdirSync(join(dir, '.opencode', 'plugins'), { recursive: true });
    writeFileSync(join(dir, '.opencode', 'plugins', 'mine.js'), 'export const Mine = async () => ({});\n');
    writeFileSync(join(dir, '.opencode', '.gitignore'), 'node_modules\n');
    git(dir, 'add', '.opencode');
    git(dir, 'commit', '-q', '-m', 'user plugin');
    hooks.install(dir, context);
    expect(readFileSync(join(dir, '.opencode', '.gitignore'), 'utf8')).toBe('node_modules\n');
    expect(gitStatus(dir)).toBe('');
    hooks.uninstall(dir, context);
    expect(existsSync(join(dir, '.opencode', 'plugins', 'mine.js'))).toBe(true);
    expect(existsSync(join(dir, '.opencode', 'plugins', 'ao.js'))).toBe(false);
    expect(readFileSync(join(dir, '.git', 'info', 'exclude'), 'utf8')).not.toContain('ao-managed');
    expect(gitStatus(dir)).toBe('');
  });

  it('replaces an older ao plugin (other session, other ao) and status reports a mismatch', () => {
    const { dir, context, plugin } = setup('new');
    mkdirSync(join(dir, '.opencode', 'plugins'), { recursive: true });
    writeFileSync(plugin, renderOpencodePlugin({ aoCommand: '/old/ao', sessionId: 'old' }));
    expect(hooks.status(dir, context).problems.join('\n')).toMatch(/reports for session old, not new/);
    expect(hooks.status(dir, context).problems.join('\n')).toMatch(/another ao version or installation \(\/old\/ao\)/);
    hooks.install(dir, context);
    expect(readPluginSettings(readFileSync(plugin, 'utf8'))).toEqual({ aoCommand: context.aoCommand, sessionId: 'new', aoHome: context.aoHome });
    // an older ao plugin is never "restored": uninstall removes ao's plugin, whatever its version
    hooks.uninstall(dir, context);
    expect(existsSync(plugin)).toBe(false);
  });

  it("keeps its .gitignore after uninstall while OpenCode's npm files it caused are still there", () => {
    const { dir, context } = setup();
    hooks.install(dir, context);
    // what OpenCode's SDK install writes next to the plugin
    mkdirSync(join(dir, '.opencode', 'node_modules', '@opencode-ai'), { recursive: true });
    writeFileSync(join(dir, '.opencode', 'package.json'), '{"dependencies":{"@opencode-ai/plugin":"1.18.33"}}');
    expect(gitStatus(dir)).toBe('');
    const result = hooks.uninstall(dir, context);
    expect(result.notes.join(' ')).toMatch(/node_modules, package.json .* still exist/);
    expect(existsSync(join(dir, '.opencode', 'plugins', 'ao.js'))).toBe(false);
    expect(gitStatus(dir)).toBe('');
  });
});
