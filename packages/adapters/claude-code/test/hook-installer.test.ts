import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HookInstallError } from '@ao/registry';
import { hookCommand } from '@ao/adapter-kit';
import { describe, expect, it } from 'vitest';
import { CLAUDE_HOOK_EVENTS, claudeCodeAdapter } from '../src/index.js';
import { fakeAo, git, gitRepo, gitStatus, runUnderBash, tempDir } from '@ao/adapter-kit/conformance';

const hooks = claudeCodeAdapter.hooks;

function setup(sessionId?: string) {
  const dir = gitRepo();
  const ao = fakeAo();
  const context = { aoCommand: ao.aoCommand, aoHome: join(tempDir(), 'ao-home'), ...(sessionId ? { sessionId } : {}) };
  const settings = join(dir, '.claude', 'settings.local.json');
  const read = () => JSON.parse(readFileSync(settings, 'utf8'));
  return { dir, ao, context, settings, read };
}

const USER_FILE = `{
    "permissions": {
        "allow": ["Bash(npm test:*)"]
    },
    "hooks": {
        "Stop": [
            { "hooks": [ { "type": "command", "command": "notify-send done" } ] }
        ],
        "PreToolUse": [
            { "matcher": "Bash", "hooks": [ { "type": "command", "command": "./audit.sh", "timeout": 5 } ] }
        ],
        "PreCompact": [
            { "hooks": [ { "type": "command", "command": "echo compacting" } ] }
        ]
    },
    "env": { "FOO": "bar" },
    "futureKey": [1, 2, 3]
}`;

describe('Claude Code hook installer', () => {
  it('installs one ao hook per mapped event, git-ignored, and removes every trace on uninstall', () => {
    const { dir, context, settings, read } = setup('sess-1');
    const result = hooks.install(dir, context);
    expect(result.changed).toBe(true);
    const written = read();
    expect(Object.keys(written.hooks).sort()).toEqual(CLAUDE_HOOK_EVENTS.map((e) => e.native).sort());
    for (const { native, event } of CLAUDE_HOOK_EVENTS) {
      expect(written.hooks[native]).toEqual([
        { hooks: [{ type: 'command', command: hookCommand(context.aoCommand, 'claude-code', event, 'sess-1', context.aoHome), timeout: 10 }] },
      ]);
    }
    expect(readFileSync(join(dir, '.claude', '.gitignore'), 'utf8').split('\n')[0]).toBe('# managed by ao');
    expect(gitStatus(dir)).toBe('');
    expect(hooks.status(dir, context)).toMatchObject({ installed: true, problems: [], sessionId: 'sess-1' });

    const removed = hooks.uninstall(dir, context);
    expect(removed.changed).toBe(true);
    expect(existsSync(settings)).toBe(false);
    expect(existsSync(join(dir, '.claude'))).toBe(false);
    expect(gitStatus(dir)).toBe('');
    expect(readdirSync(join(context.aoHome, 'installs'))).toEqual([]);
  });

  it("keeps the user's hooks (same events too) and unknown keys, and gives their file back byte for byte", () => {
    const { dir, context, settings, read } = setup();
    mkdirSync(join(dir, '.claude'));
    writeFileSync(settings, USER_FILE);
    hooks.install(dir, context);
    const merged = read();
    expect(merged.permissions).toEqual({ allow: ['Bash(npm test:*)'] });
    expect(merged.env).toEqual({ FOO: 'bar' });
    expect(merged.futureKey).toEqual([1, 2, 3]);
    expect(merged.hooks.PreCompact).toEqual([{ hooks: [{ type: 'command', command: 'echo compacting' }] }]);
    expect(merged.hooks.Stop).toHaveLength(2);
    expect(merged.hooks.Stop[0]).toEqual({ hooks: [{ type: 'command', command: 'notify-send done' }] });
    expect(merged.hooks.Stop[1].hooks[0].command).toBe(hookCommand(context.aoCommand, 'claude-code', 'stop'));
    expect(merged.hooks.PreToolUse[0].matcher).toBe('Bash');
    // the user's 4-space indentation is kept
    expect(readFileSync(settings, 'utf8')).toContain('\n    "permissions"');

    expect(hooks.install(dir, context).changed).toBe(false);
    hooks.uninstall(dir, context);
    expect(readFileSync(settings, 'utf8')).toBe(USER_FILE);
  });

  it('after the user edited the file, uninstall removes only ao’s entries', () => {
    const { dir, context, settings, read } = setup();
    mkdirSync(join(dir, '.claude'));
    writeFileSync(settings, '{"model": "opus"}\n');
    hooks.install(dir, context);
    const edited = read();
    edited.theme = 'dark';
    edited.hooks.Stop.push({ hooks: [{ type: 'command', command: 'say done' }] });
    writeFileSync(settings, JSON.stringify(edited, null, 2));

    const result = hooks.uninstall(dir, context);
    expect(result.changed).toBe(true);
    expect(read()).toEqual({ model: 'opus', hooks: { Stop: [{ hooks: [{ type: 'command', command: 'say done' }] }] }, theme: 'dark' });

  });

  it('drops the "hooks" key on uninstall only when ao introduced it and nothing of the user is left in it', () => {
    const { dir, context, settings, read } = setup();
    mkdirSync(join(dir, '.claude'));
    writeFileSync(settings, '{"model": "opus"}\n');
    hooks.install(dir, context);
    writeFileSync(settings, JSON.stringify({ ...read(), extra: true }));
    hooks.uninstall(dir, context);
    expect(read()).toEqual({ model: 'opus', extra: true });

    writeFileSync(settings, '{"model": "opus", "hooks": {}}\n');
    hooks.install(dir, context);
    writeFileSync(settings, JSON.stringify({ ...read(), extra: true }));
    hooks.uninstall(dir, context);
    expect(read()).toEqual({ model: 'opus', hooks: {}, extra: true });
  });

  it('replaces an older ao entry (other path, other session) instead of adding a second one', () => {
    const { dir, context, settings, read } = setup('new-session');
    mkdirSync(join(dir, '.claude'));
    const old = (event: string) => ({ hooks: [{ type: 'command', command: hookCommand('/old/place/ao', 'claude-code', event, 'old-session'), timeout: 30 }] });
    writeFileSync(
      settings,
      JSON.stringify({ hooks: { Stop: [{ hooks: [{ type: 'command', command: 'mine' }] }, old('stop')], PreToolUse: [old('pre-tool-use')] } }),
    );
    hooks.install(dir, context);
    const merged = read();
    expect(merged.hooks.Stop).toEqual([
      { hooks: [{ type: 'command', command: 'mine' }] },
      { hooks: [{ type: 'command', command: hookCommand(context.aoCommand, 'claude-code', 'stop', 'new-session', context.aoHome), timeout: 10 }] },
    ]);
    expect(merged.hooks.PreToolUse).toHaveLength(1);
    // the original held ao entries: uninstall must not bring them back
    hooks.uninstall(dir, context);
    expect(read()).toEqual({ hooks: { Stop: [{ hooks: [{ type: 'command', command: 'mine' }] }] } });
  });

  it('refuses a malformed settings file and leaves it untouched', () => {
    for (const content of ['{ "hooks": ', '[1, 2]', '{"hooks": []}', '{"hooks": {"Stop": {"command": "x"}}}']) {
      const { dir, context, settings } = setup();
      mkdirSync(join(dir, '.claude'));
      writeFileSync(settings, content);
      expect(() => hooks.install(dir, context)).toThrow(HookInstallError);
      expect(readFileSync(settings, 'utf8')).toBe(content);
      expect(existsSync(join(dir, '.claude', '.gitignore'))).toBe(false);
      expect(existsSync(join(context.aoHome, 'installs'))).toBe(false);
    }
  });

  it('refuses to uninstall from a file the user broke since, and leaves it untouched', () => {
    const { dir, context, settings } = setup();
    hooks.install(dir, context);
    writeFileSync(settings, '{ oops');
    expect(() => hooks.uninstall(dir, context)).toThrow(/not valid JSON/);
    expect(readFileSync(settings, 'utf8')).toBe('{ oops');
  });

  it("leaves the user's own .claude/.gitignore alone and uses info/exclude, then takes its block out", () => {
    const { dir, context } = setup();
    mkdirSync(join(dir, '.claude'));
    writeFileSync(join(dir, '.claude', '.gitignore'), '*.log\n');
    git(dir, 'add', '.claude/.gitignore');
    git(dir, 'commit', '-q', '-m', 'user gitignore');
    const exclude = join(dir, '.git', 'info', 'exclude');
    const excludeBefore = readFileSync(exclude, 'utf8');

    hooks.install(dir, context);
    expect(readFileSync(join(dir, '.claude', '.gitignore'), 'utf8')).toBe('*.log\n');
    expect(readFileSync(exclude, 'utf8')).toContain('/.claude/settings.local.json');
    expect(gitStatus(dir)).toBe('');

    hooks.uninstall(dir, context);
    expect(readFileSync(exclude, 'utf8')).toBe(excludeBefore);
    expect(readFileSync(join(dir, '.claude', '.gitignore'), 'utf8')).toBe('*.log\n');
    expect(gitStatus(dir)).toBe('');
  });

  it('writes no .gitignore when the settings file is already ignored, nor outside a repository', () => {
    const { dir, context } = setup();
    writeFileSync(join(dir, '.gitignore'), '.claude/settings.local.json\n');
    git(dir, 'add', '.gitignore');
    git(dir, 'commit', '-q', '-m', 'ignore');
    hooks.install(dir, context);
    expect(existsSync(join(dir, '.claude', '.gitignore'))).toBe(false);
    expect(gitStatus(dir)).toBe('');

    const plain = tempDir();
    hooks.install(plain, context);
    expect(existsSync(join(plain, '.claude', 'settings.local.json'))).toBe(true);
    expect(existsSync(join(plain, '.claude', '.gitignore'))).toBe(false);
  });

  it('installed hook commands reach ao intact through JSON and bash, with the session id and the AO_HOME', () => {
    const { dir, ao, context: base, read } = setup('sess_42');
    const context = { ...base, aoHome: join(base.aoHome, "my ao's home") };
    hooks.install(dir, context);
    const command = read().hooks.Notification[0].hooks[0].command as string;
    runUnderBash(command, ao.log, '{"notification_type":"idle_prompt"}');
    expect(ao.calls()).toEqual([
      { argv: ['hooks', 'claude-code', 'notification', '--session', 'sess_42', '--home', context.aoHome], stdin: '{"notification_type":"idle_prompt"}' },
    ]);
    expect(hooks.status(dir, context)).toMatchObject({ installed: true, problems: [] });
  });

  it('status says plainly what is wrong', () => {
    const { dir, context, settings, read } = setup('sess-1');
    expect(hooks.status(dir, context)).toMatchObject({ installed: false });
    expect(hooks.status(dir, context).problems.join(' ')).toMatch(/not installed/);

    hooks.install(dir, context);
    const edited = read();
    delete edited.hooks.Stop;
    edited.disableAllHooks = true;
    writeFileSync(settings, JSON.stringify(edited));
    const status = hooks.status(dir, context);
    expect(status.installed).toBe(false);
    expect(status.problems.join('\n')).toMatch(/missing for Stop/);
    expect(status.problems.join('\n')).toMatch(/disableAllHooks.*silences ao's hooks/);

    const other = hooks.status(dir, { ...context, sessionId: 'someone-else' });
    expect(other.problems.join('\n')).toMatch(/report for session sess-1, not someone-else/);
  });

  it('refuses an ao command it could not recognise later, and a relative one', () => {
    const dir = gitRepo();
    const aoHome = join(tempDir(), 'h');
    expect(() => hooks.install(dir, { aoCommand: '/usr/local/bin/ao-dev', aoHome })).toThrow(/named "ao"/);
    expect(() => hooks.install(dir, { aoCommand: 'bin/ao', aoHome })).toThrow(/absolute/);
    expect(() => hooks.install(dir, { aoCommand: '/usr/bin/ao', aoHome, sessionId: 'bad id; rm -rf' })).toThrow(/session id/);
    expect(existsSync(join(dir, '.claude'))).toBe(false);
  });
});
