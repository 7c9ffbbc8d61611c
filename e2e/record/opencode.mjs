#!/usr/bin/env node
// Record OpenCode plugin-event fixtures against the mock model server.
//   node e2e/record/opencode.mjs [scenario ...]     (default: all scenarios)
// Writes packages/adapters/opencode/fixtures/<scenario>.json. AO_RECORD_KEEP=1 keeps the sandboxes.
// The recorder plugin (opencode-recorder-plugin.js) is installed in the sandbox's global config dir,
// pre-seeded (package.json + package-lock.json + empty node_modules) so OpenCode skips its offline-hanging
// npm install of @opencode-ai/plugin.
import fs from "node:fs";
import path from "node:path";
import {
  BIN_DIR,
  RECORD_DIR,
  Tui,
  baseEnv,
  cleanup,
  log,
  main,
  makeSandbox,
  runNonInteractive,
  sleep,
  waitHook,
  withMock,
  writeFixture,
} from "./lib.mjs";

const HARNESS = "opencode";
const OPENCODE = path.join(BIN_DIR, "opencode");
const NOISY = new Set(["message.part.delta", "message.part.updated", "plugin.added"]);

function setup(scenario, mock, { permission } = {}) {
  const sb = makeSandbox(HARNESS, scenario);
  const dir = path.join(sb.home, ".config", "opencode");
  fs.mkdirSync(path.join(dir, "plugins"), { recursive: true });
  fs.mkdirSync(path.join(dir, "node_modules"), { recursive: true });
  fs.copyFileSync(path.join(RECORD_DIR, "opencode-recorder-plugin.js"), path.join(dir, "plugins", "ao-recorder.js"));
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ dependencies: { "@opencode-ai/plugin": "*" } }));
  fs.writeFileSync(
    path.join(dir, "package-lock.json"),
    JSON.stringify({ lockfileVersion: 3, packages: { "": { dependencies: { "@opencode-ai/plugin": "*" } } } }),
  );
  const config = {
    $schema: "https://opencode.ai/config.json",
    provider: {
      mock: {
        npm: "@ai-sdk/openai-compatible",
        name: "Mock LLM",
        options: { baseURL: `${mock.url}/v1`, apiKey: "mock-key" },
        models: { "mock-model": { name: "Mock Model", tool_call: true, limit: { context: 128000, output: 4096 } } },
      },
    },
    model: "mock/mock-model",
    small_model: "mock/mock-model",
    autoupdate: false,
    share: "disabled",
  };
  if (permission) config.permission = permission;
  fs.writeFileSync(path.join(dir, "opencode.json"), JSON.stringify(config, null, 2));
  return sb;
}

function env(sb) {
  return {
    ...baseEnv(sb),
    OPENCODE_DISABLE_MODELS_FETCH: "1",
    OPENCODE_DISABLE_AUTOUPDATE: "1",
    OPENCODE_DISABLE_SHARE: "1",
    OPENCODE_DISABLE_LSP_DOWNLOAD: "1",
  };
}

const fixture = (scenario, description, sb) =>
  writeFixture({
    harness: HARNESS,
    scenario,
    description,
    sb,
    eventName: (n) => n,
    drop: (r) => NOISY.has(r.nativeEvent),
  });

async function runScenario(scenario, description, prompt, { permission, extraArgs = [] } = {}) {
  let sb;
  await withMockLate(scenario, { permission }, async (s) => {
    sb = s;
    const r = await runNonInteractive(OPENCODE, ["run", ...extraArgs, prompt], { cwd: sb.proj, env: env(sb), timeoutMs: 60_000 });
    log(`exit ${r.code}; stdout: ${r.stdout.trim().slice(0, 300)}; stderr tail: ${r.stderr.trim().slice(-400)}`);
    await sleep(300);
  });
  fixture(scenario, description, sb);
  cleanup(sb);
}

/** The mock's URL goes into the config, so the sandbox is created once the mock listens. */
async function withMockLate(scenario, opts, fn) {
  const { startMockModelServer } = await import("../mock-model-server.mjs");
  const mock = await startMockModelServer({ scenario: "auto" });
  const sb = setup(scenario, mock, opts);
  sb.mockUrl = mock.url;
  try {
    await fn(sb, mock);
  } finally {
    fs.writeFileSync(sb.mockLog, mock.requests.map((r) => JSON.stringify(r)).join("\n") + "\n");
    await mock.close();
  }
  return sb;
}

async function tuiPermission(scenario, description, answer) {
  let sb;
  await withMockLate(scenario, { permission: { bash: "ask" } }, async (s) => {
    sb = s;
    const tui = new Tui(sb);
    tui.start(OPENCODE, [], { cwd: sb.proj, env: env(sb) });
    try {
      await tui.waitScreen(/ctrl\+p|tab agents|Build/i, 40_000);
      await sleep(2000);
      fs.writeFileSync(path.join(sb.root, "screen-start.txt"), tui.screen());
      tui.type("please MOCK_TOOL run it");
      await sleep(600);
      tui.keys("Enter");
      await waitHook(sb, (r) => r.nativeEvent === "permission.asked", 30_000);
      await sleep(1000);
      fs.writeFileSync(path.join(sb.root, "screen-dialog.txt"), tui.screen());
      await sleep(7000);
      await answer(tui);
      await waitHook(sb, (r) => r.nativeEvent === "session.idle", 30_000).catch((e) => log(String(e.message)));
      await sleep(2000);
      fs.writeFileSync(path.join(sb.root, "screen-end.txt"), tui.screen());
      tui.keys("C-c");
      await sleep(500);
      if (!tui.dead()) tui.keys("C-c");
      await tui.waitExit(8000);
      await sleep(500);
    } finally {
      tui.kill();
    }
  });
  fixture(scenario, description, sb);
  cleanup(sb);
}

const scenarios = {
  "plain-turn": () =>
    runScenario("plain-turn", "Non-interactive `opencode run hi`: one plain text turn, then the process exits.", "hi"),
  "tool-call-allowed": () =>
    runScenario(
      "tool-call-allowed",
      "Non-interactive `opencode run` with default permissions (bash allowed): the model runs `touch mock_tool_ran.txt` with the bash tool, then replies and the process exits.",
      "please MOCK_TOOL run it",
    ),
  "run-permission-auto-rejected": () =>
    runScenario(
      "run-permission-auto-rejected",
      "Non-interactive `opencode run` with permission bash=ask: the bash call asks permission, `run` auto-rejects it, the tool fails and the turn ends.",
      "please MOCK_TOOL run it",
      { permission: { bash: "ask" } },
    ),
  "api-error": () =>
    runScenario(
      "api-error",
      "Non-interactive `opencode run`: the model API answers HTTP 400, the session reports session.error and the process exits.",
      "please MOCK_FAIL now",
    ),
  "tui-permission-approved": () =>
    tuiPermission(
      "tui-permission-approved",
      "Interactive TUI with permission bash=ask: the model asks to run `touch mock_tool_ran.txt`, the permission dialog stays open ~8 s, the user picks 'Allow once', the turn finishes, then Ctrl-C exits (no event at exit).",
      async (tui) => tui.keys("Enter"),
    ),
  "tui-permission-denied": () =>
    tuiPermission(
      "tui-permission-denied",
      "Interactive TUI with permission bash=ask: the model asks to run `touch mock_tool_ran.txt`, the permission dialog stays open ~8 s, the user picks 'Reject', then Ctrl-C exits (no event at exit).",
      async (tui) => {
        tui.keys("Right");
        await sleep(300);
        tui.keys("Right");
        await sleep(300);
        tui.keys("Enter");
      },
    ),
};

await main(HARNESS, scenarios);
