// A throw-away world per scenario: HOME, XDG dirs, TMPDIR, AO_HOME and a git project, plus each
// harness's own configuration pointing at the scenario's mock model server on 127.0.0.1.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { opencodeMockConfig } from '../opencode-mock-config.mjs';

export type HarnessId = 'claude-code' | 'codex' | 'opencode' | 'qwen-code' | 'gemini-cli';

export interface Sandbox {
  root: string;
  home: string;
  proj: string;
  tmp: string;
  aoHome: string;
  /** The complete environment every `ao` command of the scenario runs with (and `ao spawn` hands to the harness). */
  env: Record<string, string>;
}

export interface SandboxOptions {
  harness: HarnessId;
  scenario: string;
  /** The mock model server's base URL (`http://127.0.0.1:<port>`). */
  mockUrl: string;
  /** Directory holding the harness binaries (`claude`, `codex`, `opencode`). */
  binDir: string;
  /** OpenCode: the `permission` block of its config (e.g. `{ bash: 'ask' }`). */
  opencodePermission?: Record<string, string>;
}

/** Telemetry, update checks, crash reports and model catalogues off: nothing leaves 127.0.0.1. */
const QUIET_ENV: Record<string, string> = {
  DISABLE_TELEMETRY: '1',
  CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
  DISABLE_AUTOUPDATER: '1',
  DISABLE_ERROR_REPORTING: '1',
  OPENCODE_DISABLE_MODELS_FETCH: '1',
  OPENCODE_DISABLE_AUTOUPDATE: '1',
  OPENCODE_DISABLE_SHARE: '1',
  OPENCODE_DISABLE_LSP_DOWNLOAD: '1',
  DO_NOT_TRACK: '1',
  NO_UPDATE_NOTIFIER: '1',
};

export function createSandbox(options: SandboxOptions): Sandbox {
  // realpath: harnesses report resolved paths (macOS /private/tmp, symlinked TMPDIRs), the scrubber must match them.
  const root = realpathSync(mkdtempSync(join(tmpdir(), `ao-e2e-${options.harness}-${options.scenario}-`)));
  const home = join(root, 'home');
  const proj = join(root, 'proj');
  const tmp = join(root, 'tmp');
  const aoHome = join(root, 'ao');
  for (const dir of [home, proj, tmp, aoHome, join(aoHome, 'spool')]) mkdirSync(dir, { recursive: true });

  const env: Record<string, string> = {
    PATH: `${options.binDir}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    LANG: 'C.UTF-8',
    TERM: 'xterm-256color',
    HOME: home,
    TMPDIR: tmp,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_STATE_HOME: join(home, '.local', 'state'),
    AO_HOME: aoHome,
    ...QUIET_ENV,
  };

  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=ao e2e', '-c', 'user.email=e2e@example.invalid', ...args], { cwd: proj, env, stdio: 'ignore' });
  git('init', '-q');
  writeFileSync(join(proj, 'README.md'), '# mock project\n');
  git('add', 'README.md');
  git('commit', '-q', '-m', 'init');

  if (options.harness === 'claude-code') configureClaude(home, proj, tmp, options.mockUrl, env);
  if (options.harness === 'codex') configureCodex(home, proj, options.mockUrl, env);
  if (options.harness === 'opencode') configureOpencode(home, options.mockUrl, options.opencodePermission, env);
  if (options.harness === 'qwen-code') configureQwen(options.mockUrl, env);
  if (options.harness === 'gemini-cli') configureGemini(home, options.mockUrl, env);
  return { root, home, proj, tmp, aoHome, env };
}

function configureClaude(home: string, proj: string, tmp: string, mockUrl: string, env: Record<string, string>): void {
  // No onboarding, the project trusted (else the TUI stops at "Is this a project you trust?").
  writeFileSync(join(home, '.claude.json'), `${JSON.stringify({ hasCompletedOnboarding: true, projects: { [proj]: { hasTrustDialogAccepted: true } } }, null, 2)}\n`);
  // A user who chose the permission dialogs: since 2.1.2xx Claude's default mode is `auto`, which
  // asks a server-side classifier instead of the user, and the classifier cannot be reached through
  // the mock (docs/harnesses/claude-code.md, "Auto mode"). The auto-mode scenario passes
  // `--permission-mode auto`.
  mkdirSync(join(home, '.claude'), { recursive: true });
  writeFileSync(join(home, '.claude', 'settings.json'), `${JSON.stringify({ permissions: { defaultMode: 'default' } }, null, 2)}\n`);
  Object.assign(env, {
    ANTHROPIC_BASE_URL: mockUrl,
    // A token, not ANTHROPIC_API_KEY: the key triggers a "use this API key?" dialog in the TUI.
    ANTHROPIC_AUTH_TOKEN: 'mock-token',
    CLAUDE_CODE_TMPDIR: tmp,
  });
}

function configureCodex(home: string, proj: string, mockUrl: string, env: Record<string, string>): void {
  const codexHome = join(home, '.codex');
  mkdirSync(codexHome, { recursive: true });
  const toml = `model = "mock-model"
model_provider = "mock"
approval_policy = "on-request"
sandbox_mode = "workspace-write"
check_for_update_on_startup = false

[model_providers.mock]
name = "Mock LLM"
base_url = "${mockUrl}/v1"
wire_api = "responses"
env_key = "MOCK_API_KEY"
request_max_retries = 0
stream_max_retries = 0

[analytics]
enabled = false

[feedback]
enabled = false

[otel]
exporter = "none"

[projects.${JSON.stringify(proj)}]
trust_level = "trusted"
`;
  writeFileSync(join(codexHome, 'config.toml'), toml);
  Object.assign(env, { CODEX_HOME: codexHome, MOCK_API_KEY: 'mock-key' });
}

/** OpenCode's global config dir in the sandbox: the user's own, holding only their opencode.json. */
export const opencodeUserConfigDir = (home: string) => join(home, '.config', 'opencode');

function configureOpencode(home: string, mockUrl: string, permission: Record<string, string> | undefined, env: Record<string, string>): void {
  const dir = opencodeUserConfigDir(home);
  mkdirSync(dir, { recursive: true });
  // Offline, as the user's machine may be: OpenCode's npm installs reach the mock, which answers 503
  // (npm retries that like a refused connection). Nothing is seeded in the user's config dir: ao must
  // neither need that nor write there (e2e/lib/opencode-user-config.ts checks it after every scenario).
  env.npm_config_registry = `${mockUrl}/npm-registry/`;
  const config: Record<string, unknown> = opencodeMockConfig(mockUrl);
  if (permission) config.permission = permission;
  writeFileSync(join(dir, 'opencode.json'), `${JSON.stringify(config, null, 2)}\n`);
}

function configureQwen(mockUrl: string, env: Record<string, string>): void {
  // The three select Qwen's OpenAI auth type: no settings file, no login dialog. Nothing is written
  // into ~/.qwen; ao's launch adds its hooks and the offline switches (docs/harnesses/qwen-code.md).
  Object.assign(env, { OPENAI_BASE_URL: `${mockUrl}/v1`, OPENAI_API_KEY: 'mock-key', OPENAI_MODEL: 'mock-model' });
}

/**
 * Gemini CLI: a user whose ~/.gemini/settings.json chose API-key auth (with a custom base URL
 * Gemini otherwise picks an auth type the TUI answers with a login dialog). The offline switches
 * and the hooks are ao's layer (packages/adapters/gemini-cli), not the user's.
 */
export const GEMINI_USER_MEMORY = 'The user prefers answers that mention AO_E2E_USER_MEMORY.';

function configureGemini(home: string, mockUrl: string, env: Record<string, string>): void {
  const dir = join(home, '.gemini');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'settings.json'), `${JSON.stringify({ security: { auth: { selectedType: 'gemini-api-key' } } }, null, 2)}\n`);
  // Their global memory: the launch's Gemini home links it (GEMINI_USER_MEMORY reaching the model proves the link).
  writeFileSync(join(dir, 'GEMINI.md'), `${GEMINI_USER_MEMORY}\n`);
  Object.assign(env, { GOOGLE_GEMINI_BASE_URL: mockUrl, GEMINI_API_KEY: 'mock-key' });
}
