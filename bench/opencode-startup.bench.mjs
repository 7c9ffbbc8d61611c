/**
 * `ao spawn --agent opencode` to its first signal (ao's plugin loaded), next to OpenCode's own start:
 * the same TUI started directly, until it sends its prompt to the model. Both as a new user offline
 * would: a fresh HOME whose OpenCode config dir holds only their opencode.json, the npm registry
 * unreachable (the mock answers 503, which npm retries like a refused connection), the model on
 * 127.0.0.1 (e2e/mock-model-server.mjs). Any npm install OpenCode waits for shows here as a ratio
 * far above 1 (docs/harnesses/opencode.md, "The npm install"). Needs the pinned harnesses
 * (`node e2e/harness-cache.mjs install`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pty from 'node-pty';
import { resolveHarnesses } from '../e2e/harness-cache.mjs';
import { startMockModelServer } from '../e2e/mock-model-server.mjs';
import { opencodeMockConfig } from '../e2e/opencode-mock-config.mjs';
import { AO, sleep } from './bench-home.mjs';
import { median } from './stats.mjs';

const TARGET_RATIO = 1.5;
const WAIT_MS = 180_000;

/** The user's world: HOME, XDG dirs, a git project, OpenCode's config holding only opencode.json; nothing leaves 127.0.0.1. */
function sandbox(mockUrl, binDir) {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'ao-bench-opencode-')));
  const home = join(root, 'home');
  const proj = join(root, 'proj');
  const aoHome = join(root, 'ao');
  const configDir = join(home, '.config', 'opencode');
  for (const dir of [proj, join(root, 'tmp'), join(aoHome, 'spool'), configDir]) mkdirSync(dir, { recursive: true });
  const env = {
    PATH: `${binDir}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    LANG: 'C.UTF-8',
    TERM: 'xterm-256color',
    HOME: home,
    TMPDIR: join(root, 'tmp'),
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_STATE_HOME: join(home, '.local', 'state'),
    AO_HOME: aoHome,
    npm_config_registry: `${mockUrl}/npm-registry/`,
    OPENCODE_DISABLE_MODELS_FETCH: '1',
    OPENCODE_DISABLE_AUTOUPDATE: '1',
    OPENCODE_DISABLE_SHARE: '1',
    OPENCODE_DISABLE_LSP_DOWNLOAD: '1',
    DO_NOT_TRACK: '1',
  };
  const config = opencodeMockConfig(mockUrl);
  writeFileSync(join(configDir, 'opencode.json'), `${JSON.stringify(config, null, 2)}\n`);
  execFileSync('git', ['init', '-q'], { cwd: proj, env, stdio: 'ignore' });
  return { root, proj, aoHome, env };
}

async function waitFor(what, predicate) {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const value = predicate();
    if (value) return value;
    await sleep(10);
  }
  throw new Error(`opencode startup bench: no ${what} within ${WAIT_MS / 1000} s`);
}

/** When the first chat request of this run reached the mock: OpenCode took the prompt and is working on it. */
function firstModelRequest(mock, from) {
  return () => mock.requests.slice(from).some((request) => request.method === 'POST' && request.path.endsWith('/chat/completions'));
}

function firstPluginSignal(spool) {
  return () => {
    for (const name of readdirSync(spool)) {
      if (name.startsWith('.')) continue;
      try {
        if (readFileSync(join(spool, name), 'utf8').includes('plugin.init')) return true;
      } catch {
        // consumed meanwhile
      }
    }
    return false;
  };
}

function kill(pid) {
  try {
    if (pid) process.kill(pid, 'SIGKILL');
  } catch {
    // gone
  }
}

/** OpenCode alone: its TUI in a terminal with `--prompt=hi`, until the prompt reaches the model. */
async function openCodeAlone(mock, binDir) {
  const box = sandbox(mock.url, binDir);
  const from = mock.requests.length;
  const start = performance.now();
  const term = pty.spawn(join(binDir, 'opencode'), ['--prompt=hi'], { cols: 120, rows: 40, cwd: box.proj, env: box.env });
  term.onData(() => {});
  try {
    await waitFor('model request from OpenCode alone', firstModelRequest(mock, from));
    return performance.now() - start;
  } finally {
    kill(term.pid);
    await sleep(200);
    rmSync(box.root, { recursive: true, force: true });
  }
}

/** `ao spawn --agent opencode --prompt hi`: to ao's first signal, and to the prompt reaching the model. */
async function underAo(mock, binDir) {
  const box = sandbox(mock.url, binDir);
  const from = mock.requests.length;
  const start = performance.now();
  const result = spawnSync(AO, ['spawn', '--agent', 'opencode', '--cwd', box.proj, '--no-daemon', '--prompt', 'hi', '--json'], { env: box.env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`ao spawn --agent opencode: ${result.stdout}${result.stderr}`);
  const view = JSON.parse(result.stdout);
  try {
    await waitFor('plugin.init signal', firstPluginSignal(join(box.aoHome, 'spool')));
    const signal = performance.now() - start;
    await waitFor('model request under ao', firstModelRequest(mock, from));
    return { signal, model: performance.now() - start };
  } finally {
    kill(view.pid);
    kill(view.hostPid);
    await sleep(200);
    rmSync(box.root, { recursive: true, force: true });
  }
}

export async function benchOpencodeStartup(rounds = Number(process.env.AO_BENCH_OPENCODE_ROUNDS ?? 3)) {
  const name = 'ao spawn --agent opencode → first signal (offline, new user)';
  const harnesses = resolveHarnesses();
  if (!harnesses.binDir || !existsSync(join(harnesses.binDir, 'opencode'))) {
    return { name, skipped: `the pinned harnesses are not installed (node e2e/harness-cache.mjs install)` };
  }
  const mock = await startMockModelServer({ scenario: 'auto' });
  const alone = [];
  const signal = [];
  const model = [];
  try {
    for (let round = 0; round < rounds; round++) {
      alone.push(await openCodeAlone(mock, harnesses.binDir));
      const spawned = await underAo(mock, harnesses.binDir);
      signal.push(spawned.signal);
      model.push(spawned.model);
    }
  } finally {
    await mock.close();
  }
  const ratio = median(signal) / median(alone);
  return {
    name,
    signalP50: median(signal),
    modelP50: median(model),
    baseline: median(alone),
    ratio,
    target: `≤ ${TARGET_RATIO}× OpenCode's own start`,
    pass: ratio <= TARGET_RATIO,
  };
}
