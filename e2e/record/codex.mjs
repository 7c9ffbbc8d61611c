#!/usr/bin/env node
// Record Codex CLI hook fixtures against the mock model server.
//   node e2e/record/codex.mjs [scenario ...]     (default: all scenarios)
// Writes packages/adapters/codex/fixtures/<scenario>.json. AO_RECORD_KEEP=1 keeps the sandboxes.
// Hooks are passed per launch (`-c hooks.<Event>=[...]` + `--dangerously-bypass-hook-trust`).
import fs from "node:fs";
import path from "node:path";
import {
  BIN_DIR,
  HOOK_LOGGER,
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

const HARNESS = "codex";
const CODEX = path.join(BIN_DIR, "codex");

// The 12 hook events of codex-cli 0.169.0 (input schemas embedded in the binary).
export const CODEX_EVENTS = [
  "SessionStart", "UserPromptSubmit", "PreToolUse", "PermissionRequest", "PostToolUse", "PreCompact",
  "PostCompact", "Stop", "SubagentStart", "SubagentStop", "SessionEnd", "Interrupt",
];

function hookArgs() {
  const args = [];
  for (const ev of CODEX_EVENTS) {
    const timeout = ev === "SessionEnd" || ev === "Interrupt" ? 3 : 10;
    const command = `node \\"${HOOK_LOGGER}\\" codex ${ev}`;
    args.push("-c", `hooks.${ev}=[{hooks=[{type="command",command="${command}",timeout=${timeout}}]}]`);
  }
  args.push("--dangerously-bypass-hook-trust");
  return args;
}

function setup(scenario, mock) {
  const sb = makeSandbox(HARNESS, scenario);
  const codexHome = path.join(sb.home, ".codex");
  fs.mkdirSync(codexHome, { recursive: true });
  return { sb, codexHome };
}

function writeConfig(codexHome, sb, mock) {
  const toml = `model = "mock-model"
model_provider = "mock"
approval_policy = "on-request"
sandbox_mode = "workspace-write"
check_for_update_on_startup = false

[model_providers.mock]
name = "Mock LLM"
base_url = "${mock.url}/v1"
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

[projects."${sb.proj}"]
trust_level = "trusted"
`;
  fs.writeFileSync(path.join(codexHome, "config.toml"), toml);
}

function env(sb, codexHome) {
  return { ...baseEnv(sb), CODEX_HOME: codexHome, MOCK_API_KEY: "mock-key" };
}

async function execScenario(scenario, description, prompt) {
  const { sb, codexHome } = setup(scenario);
  await withMock(sb, async (mock) => {
    writeConfig(codexHome, sb, mock);
    const r = await runNonInteractive(CODEX, ["exec", ...hookArgs(), prompt], { cwd: sb.proj, env: env(sb, codexHome) });
    log(`exit ${r.code}; stdout: ${r.stdout.trim().slice(0, 300)}; stderr tail: ${r.stderr.trim().slice(-600)}`);
    await sleep(500);
  });
  writeFixture({ harness: HARNESS, scenario, description, sb });
  cleanup(sb);
}

async function tuiScenario(scenario, description, prompt, drive) {
  const { sb, codexHome } = setup(scenario);
  await withMock(sb, async (mock) => {
    writeConfig(codexHome, sb, mock);
    const tui = new Tui(sb);
    tui.start(CODEX, ["--no-daemon", ...hookArgs()], { cwd: sb.proj, env: env(sb, codexHome) });
    try {
      await tui.waitScreen(/›|context left|for shortcuts/, 30_000);
      await sleep(1000);
      fs.writeFileSync(path.join(sb.root, "screen-start.txt"), tui.screen());
      tui.type(prompt);
      await sleep(600);
      tui.keys("Enter");
      await drive(tui, sb);
      fs.writeFileSync(path.join(sb.root, "screen-end.txt"), tui.screen());
      tui.keys("C-c");
      await sleep(400);
      tui.keys("C-c");
      await waitHook(sb, (r) => r.nativeEvent === "SessionEnd", 10_000).catch((e) => log(String(e.message)));
      await tui.waitExit(5000);
    } finally {
      tui.kill();
    }
  });
  writeFixture({ harness: HARNESS, scenario, description, sb });
  cleanup(sb);
}

async function approval(tui, sb, key) {
  await waitHook(sb, (r) => r.nativeEvent === "PermissionRequest", 30_000);
  const screen = await tui.waitScreen(/Would you like to run|proceed/i, 15_000);
  fs.writeFileSync(path.join(sb.root, "screen-dialog.txt"), screen);
  await sleep(8000);
  tui.keys(key);
}

const scenarios = {
  "plain-turn": () =>
    execScenario("plain-turn", "Non-interactive `codex exec hi`: one plain text turn, then the process exits.", "hi"),
  "tool-call-allowed": () =>
    execScenario(
      "tool-call-allowed",
      "Non-interactive `codex exec` (sandbox workspace-write, approval never): the model runs `touch mock_tool_ran.txt` via exec_command inside the sandbox, then replies and the process exits.",
      "please MOCK_TOOL run it",
    ),
  "api-error": () =>
    execScenario(
      "api-error",
      "Non-interactive `codex exec`: the model API answers HTTP 400, the turn fails (no Stop) and the process exits 1.",
      "please MOCK_FAIL now",
    ),
  "exec-escalation-refused": () =>
    execScenario(
      "exec-escalation-refused",
      "Non-interactive `codex exec` (approval never): the model asks to run `touch mock_tool_ran.txt` with sandbox_permissions require_escalated; exec cannot ask, so the command is not run (no PermissionRequest, no PostToolUse), the model replies and the process exits.",
      "please MOCK_TOOL MOCK_ESCALATE run it",
    ),
  "tui-permission-approved": () =>
    tuiScenario(
      "tui-permission-approved",
      "Interactive TUI (`codex --no-daemon`, approval_policy on-request): the model asks to run `touch mock_tool_ran.txt` outside the sandbox (require_escalated), the approval dialog stays open ~8 s, the user presses y, the turn finishes, then Ctrl-C Ctrl-C exits.",
      "please MOCK_TOOL run it",
      async (tui, sb) => {
        await approval(tui, sb, "y");
        await waitHook(sb, (r) => r.nativeEvent === "Stop", 30_000);
        await sleep(1500);
      },
    ),
  "tui-permission-denied": () =>
    tuiScenario(
      "tui-permission-denied",
      "Interactive TUI (`codex --no-daemon`, approval_policy on-request): the model asks to run `touch mock_tool_ran.txt` outside the sandbox (require_escalated), the approval dialog stays open ~8 s, the user presses Esc (No), then Ctrl-C Ctrl-C exits.",
      "please MOCK_TOOL run it",
      async (tui, sb) => {
        await approval(tui, sb, "Escape");
        await waitHook(sb, (r) => r.nativeEvent === "Stop" || r.nativeEvent === "Interrupt", 10_000).catch((e) =>
          log(String(e.message)),
        );
        await sleep(3000);
      },
    ),
  "tui-api-error": () =>
    tuiScenario(
      "tui-api-error",
      "Interactive TUI (`codex --no-daemon`): the model API answers HTTP 400 to the prompt, the turn fails, then Ctrl-C Ctrl-C exits.",
      "please MOCK_FAIL now",
      async () => {
        await sleep(5000);
      },
    ),
};

await main(HARNESS, scenarios);
