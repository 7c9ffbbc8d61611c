import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aoJson, tempDir } from './ao-harness.js';
import { aoHomesCleanedAfterEach, waitFor } from './runtime-harness.js';

const newHome = aoHomesCleanedAfterEach();

/**
 * A user's machine with Gemini CLI: their ~/.gemini (settings, credentials) and, on PATH, a
 * stand-in `gemini` (the machine's edge) that reports what its launch gave it: its Gemini home,
 * where the credentials link points and what they hold, the hooks of its settings.
 */
function geminiUser() {
  const home = tempDir('ao-gemini-user-');
  const geminiDir = join(home, '.gemini');
  mkdirSync(geminiDir);
  writeFileSync(join(geminiDir, 'settings.json'), '{ "ui": { "theme": "GitHub" } }\n');
  writeFileSync(join(geminiDir, 'oauth_creds.json'), '{"secret":"user-token"}\n', { mode: 0o600 });
  const bin = tempDir('ao-gemini-bin-');
  const report = join(tempDir('ao-gemini-report-'), 'report.txt');
  writeFileSync(
    join(bin, 'gemini'),
    `#!/bin/sh
g="$GEMINI_CLI_HOME/.gemini"
{ echo "home=$GEMINI_CLI_HOME"; echo "trust=$GEMINI_CLI_TRUST_WORKSPACE"; echo "link=$(readlink "$g/oauth_creds.json")"; echo "creds=$(cat "$g/oauth_creds.json")"; echo "theme=$(grep -c GitHub "$g/settings.json")"; echo "hooks=$(grep -c 'hooks gemini-cli' "$g/settings.json")"; } > "${report}.tmp"
mv "${report}.tmp" "${report}"
`,
  );
  chmodSync(join(bin, 'gemini'), 0o755);
  const snapshot = () => Object.fromEntries(readdirSync(geminiDir).map((name) => [name, readFileSync(join(geminiDir, name), 'utf8')]));
  return { env: { HOME: home, PATH: `${bin}:/usr/bin:/bin` }, geminiDir, report, snapshot };
}

describe('ao spawn --agent gemini-cli: a per-launch Gemini home that links the user\'s files', () => {
  it('--dry-run names the settings file and the links, and writes nothing', async () => {
    const aoHome = newHome();
    const user = geminiUser();
    const project = tempDir('ao-project-');
    const plan = await aoJson(aoHome, ['spawn', '--agent', 'gemini', '--cwd', project, '--dry-run'], { env: user.env });
    const gemini = plan.env.GEMINI_CLI_HOME as string;
    expect(plan.files).toEqual([
      { path: join(gemini, '.gemini', 'settings.json'), mode: 0o600, bytes: expect.any(Number) },
      { path: join(gemini, '.gemini', 'oauth_creds.json'), linkTo: join(user.geminiDir, 'oauth_creds.json') },
    ]);
    expect(existsSync(join(aoHome, 'sessions'))).toBe(false);
  });

  it("Gemini starts with the user's credentials through a link, their settings plus ao's hooks, and their ~/.gemini untouched", async () => {
    const aoHome = newHome();
    const user = geminiUser();
    const before = user.snapshot();
    const project = tempDir('ao-project-');
    const spawned = await aoJson(aoHome, ['spawn', '--agent', 'gemini-cli', '--cwd', project, '--no-daemon'], { env: user.env });
    const report = await waitFor('the stand-in gemini to report', async () => (existsSync(user.report) ? readFileSync(user.report, 'utf8') : undefined));
    const gemini = join(aoHome, 'sessions', spawned.id, 'launch', 'gemini-home');
    expect(report).toBe(
      [`home=${gemini}`, 'trust=true', `link=${join(user.geminiDir, 'oauth_creds.json')}`, 'creds={"secret":"user-token"}', 'theme=1', 'hooks=7', ''].join('\n'),
    );
    expect(lstatSync(join(gemini, '.gemini', 'oauth_creds.json')).isSymbolicLink()).toBe(true);
    expect(user.snapshot()).toEqual(before);
    expect(readdirSync(project)).toEqual([]);
  });
});
