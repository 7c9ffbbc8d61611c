import { lstatSync, mkdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotTree, tempDir } from '@ao/adapter-kit/conformance';
import { OFFLINE_SWITCHES, buildGeminiCliLaunch, geminiHomeOf } from '../src/index.js';

const AO = '/opt/ao dir/bin/ao';

/** A user's own Gemini home: settings with comments and their own hook, auth, history, extensions. */
function userHome(): { home: string; dir: string } {
  const home = tempDir('ao-gemini-user-');
  const dir = join(home, '.gemini');
  mkdirSync(join(dir, 'tmp', 'proj', 'chats'), { recursive: true });
  mkdirSync(join(dir, 'extensions', 'theirs'), { recursive: true });
  writeFileSync(
    join(dir, 'settings.json'),
    `{
  // the user's own choices
  "security": { "auth": { "selectedType": "oauth-personal" } },
  "hooks": { "AfterAgent": [{ "hooks": [{ "type": "command", "command": "notify-send done" }] }] },
  "privacy": { "usageStatisticsEnabled": true, "keep": 1 },
  "ui": { "theme": "GitHub" }
}
`,
  );
  writeFileSync(join(dir, 'oauth_creds.json'), '{"secret":"token"}\n', { mode: 0o600 });
  writeFileSync(join(dir, 'google_accounts.json'), '{}\n');
  return { home, dir };
}

function launch(env: Record<string, string>) {
  const launchDir = join(tempDir('ao-gemini-launch-'), 'launch');
  const result = buildGeminiCliLaunch({ cwd: '/p', aoCommand: AO, aoHome: '/ao', sessionId: 's1', launchDir, prompt: 'hi', extraArgs: ['-m', 'x'] }, env);
  return { launchDir, result };
}

describe('Gemini CLI launch: a per-launch Gemini home, the user\'s own files linked, never copied or written', () => {
  it("runs gemini with GEMINI_CLI_HOME in the launch dir, trust for this launch, in one process, the prompt as one --prompt-interactive word", () => {
    const { home } = userHome();
    const { launchDir, result } = launch({ HOME: home });
    expect(result.env).toEqual({ GEMINI_CLI_HOME: geminiHomeOf(launchDir), GEMINI_CLI_TRUST_WORKSPACE: 'true', GEMINI_CLI_NO_RELAUNCH: 'true' });
    expect(result.args).toEqual(['-m', 'x', '--prompt-interactive=hi']);
  });

  it("settings.json is the user's settings plus ao's hooks (after theirs) and the offline switches", () => {
    const { home } = userHome();
    const { launchDir, result } = launch({ HOME: home });
    const file = result.files.find((f) => f.path === join(geminiHomeOf(launchDir), '.gemini', 'settings.json'))!;
    expect(file.mode).toBe(0o600);
    const settings = JSON.parse(file.content);
    expect(settings.security).toEqual({ auth: { selectedType: 'oauth-personal' } });
    expect(settings.ui).toEqual({ theme: 'GitHub' });
    expect(settings.hooks.AfterAgent).toEqual([
      { hooks: [{ type: 'command', command: 'notify-send done' }] },
      { matcher: '*', hooks: [{ type: 'command', name: 'ao stop', command: "'/opt/ao dir/bin/ao' hooks gemini-cli stop", timeout: 10_000 }] },
    ]);
    expect(Object.keys(settings.hooks).sort()).toEqual(['AfterAgent', 'AfterTool', 'BeforeAgent', 'BeforeTool', 'Notification', 'SessionEnd', 'SessionStart']);
    for (const [section, key] of OFFLINE_SWITCHES) expect(settings[section][key], `${section}.${key}`).toBe(false);
    expect(settings.privacy.keep).toBe(1);
  });

  it("links every other entry of the user's ~/.gemini (auth, history, extensions): no copy of a secret", () => {
    const { home, dir } = userHome();
    const { launchDir, result } = launch({ HOME: home });
    const links = result.files.filter((f) => f.linkTo !== undefined);
    expect(links.map((f) => [f.path, f.linkTo])).toEqual(
      ['extensions', 'google_accounts.json', 'oauth_creds.json', 'tmp'].map((name) => [join(geminiHomeOf(launchDir), '.gemini', name), join(dir, name)]),
    );
    expect(result.files.some((f) => f.content.includes('token'))).toBe(false);
  });

  it("finds the user's Gemini home where Gemini does: $GEMINI_CLI_HOME before $HOME", () => {
    const { home, dir } = userHome();
    const { result } = launch({ HOME: '/nonexistent', GEMINI_CLI_HOME: home });
    expect(result.files.find((f) => f.path.endsWith('oauth_creds.json'))?.linkTo).toBe(join(dir, 'oauth_creds.json'));
  });

  it("a user without ~/.gemini, or with a settings.json that is not JSON, gets ao's layer alone", () => {
    const empty = launch({ HOME: tempDir() }).result;
    expect(empty.files).toHaveLength(1);
    expect(JSON.parse(empty.files[0]!.content).hooks.BeforeAgent).toHaveLength(1);
    const { home, dir } = userHome();
    writeFileSync(join(dir, 'settings.json'), '{ not json');
    const broken = launch({ HOME: home }).result;
    expect(Object.keys(JSON.parse(broken.files[0]!.content)).sort()).toEqual(['general', 'hooks', 'privacy', 'telemetry']);
  });

  it("building the launch writes nothing: the user's directory stays byte for byte", () => {
    const { home, dir } = userHome();
    const before = snapshotTree(dir);
    launch({ HOME: home });
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('takes no system settings layer: Gemini honours those only when root owns them and every directory above', () => {
    const { home } = userHome();
    const { result } = launch({ HOME: home });
    expect(Object.keys(result.env).filter((key) => key.startsWith('GEMINI_CLI_SYSTEM_'))).toEqual([]);
  });
});

describe('the spawned launch on disk (as ao spawn writes it)', () => {
  it("the links reach the user's files and Gemini reads its settings from the launch's own file", async () => {
    const { home, dir } = userHome();
    const { result } = launch({ HOME: home });
    const { symlinkSync } = await import('node:fs');
    const { dirname } = await import('node:path');
    for (const file of result.files) {
      mkdirSync(dirname(file.path), { recursive: true });
      if (file.linkTo !== undefined) symlinkSync(file.linkTo, file.path);
      else writeFileSync(file.path, file.content, { mode: file.mode });
    }
    const creds = result.files.find((f) => f.path.endsWith('oauth_creds.json'))!;
    expect(lstatSync(creds.path).isSymbolicLink()).toBe(true);
    expect(readlinkSync(creds.path)).toBe(join(dir, 'oauth_creds.json'));
    expect(readFileSync(creds.path, 'utf8')).toBe('{"secret":"token"}\n');
  });
});
