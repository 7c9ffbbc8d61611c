#!/usr/bin/env node
// Record Claude Code hook fixtures against the mock model server.
//   node e2e/record/claude-code.mjs [scenario ...]     (default: all scenarios)
// Writes packages/adapters/claude-code/fixtures/<scenario>.json. AO_RECORD_KEEP=1 keeps the sandboxes.
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

const HARNESS = "claude-code";
const CLAUDE = path.join(BIN_DIR, "claude");

// All 30 hook events of Claude Code 2.1.197 (enum in the binary).
export const CLAUDE_EVENTS = [
  "PreToolUse", "PostToolUse", "PostToolUseFailure", "PostToolBatch", "Notification", "UserPromptSubmit",
  "UserPromptExpansion", "SessionStart", "SessionEnd", "Stop", "StopFailure", "SubagentStart", "SubagentStop",
  "PreCompact", "PostCompact", "PermissionRequest", "PermissionDenied", "Setup", "TeammateIdle", "TaskCreated",
  "TaskCompleted", "Elicitation", "ElicitationResult", "ConfigChange", "WorktreeCreate", "WorktreeRemove",
  "InstructionsLoaded", "CwdChanged", "FileChanged", "MessageDisplay",
];

function setup(scenario, { idleMs } = {}) {
  const sb = makeSandbox(HARNESS, scenario);
  const hooks = {};
  for (const ev of CLAUDE_EVENTS) {
    hooks[ev] = [
      { matcher: "*", hooks: [{ type: "command", command: `node "${HOOK_LOGGER}" claude-code ${ev}`, timeout: 10 }] },
    ];
  }
  fs.mkdirSync(path.join(sb.home, ".claude"), { recursive: true });
  fs.writeFileSync(path.join(sb.home, ".claude", "settings.json"), JSON.stringify({ hooks }, null, 2));
  const claudeJson = {
    hasCompletedOnboarding: true,
    projects: { [sb.proj]: { hasTrustDialogAccepted: true } },
  };
  if (idleMs) claudeJson.messageIdleNotifThresholdMs = idleMs;
  fs.writeFileSync(path.join(sb.home, ".claude.json"), JSON.stringify(claudeJson, null, 2));
  return sb;
}

function env(sb, mock) {
  return {
    ...baseEnv(sb),
    ANTHROPIC_BASE_URL: mock.url,
    ANTHROPIC_AUTH_TOKEN: "mock-token",
    DISABLE_TELEMETRY: "1",
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
    DISABLE_AUTOUPDATER: "1",
    DISABLE_ERROR_REPORTING: "1",
    CLAUDE_CODE_TMPDIR: sb.tmp,
  };
}

async function printScenario(scenario, description, prompt, extraArgs = []) {
  const sb = setup(scenario);
  await withMock(sb, async (mock) => {
    const r = await runNonInteractive(CLAUDE, ["-p", prompt, ...extraArgs], { cwd: sb.proj, env: env(sb, mock) });
    log(`exit ${r.code}; stdout: ${r.stdout.trim().slice(0, 200)}; stderr: ${r.stderr.trim().slice(0, 300)}`);
    await sleep(300);
  });
  writeFixture({ harness: HARNESS, scenario, description, sb });
  cleanup(sb);
}

/** Start the TUI, wait for the prompt box. */
async function startTui(sb, mock) {
  const tui = new Tui(sb);
  tui.start(CLAUDE, [], { cwd: sb.proj, env: env(sb, mock) });
  await waitHook(sb, (r) => r.nativeEvent === "SessionStart", 30_000);
  await tui.waitScreen(/❯|>/, 30_000);
  await sleep(1000);
  return tui;
}

async function submit(tui, text) {
  tui.type(text);
  await sleep(400);
  tui.keys("Enter");
}

async function exitCtrlD(tui, sb) {
  tui.keys("C-d");
  await sleep(300);
  tui.keys("C-d");
  await waitHook(sb, (r) => r.nativeEvent === "SessionEnd", 10_000).catch((e) => log(String(e.message)));
  await tui.waitExit(5000);
}

async function tuiPermission(scenario, approve, denyKey = "3") {
  // denial: short idle threshold, to see whether anything (idle_prompt) follows the interrupted turn
  const sb = setup(scenario, approve ? {} : { idleMs: 3000 });
  const description = denyKey === "Escape"
    ? "Interactive TUI (default permission mode): the model asks to run `touch mock_tool_ran.txt` with Bash, the permission dialog stays open ~8 s (Notification permission_prompt fires), the user presses Esc (cancel: the turn is interrupted, 'What should Claude do instead?'), 7 s pass with messageIdleNotifThresholdMs=3000, then Ctrl-D exits."
    : approve
    ? "Interactive TUI (default permission mode): the model asks to run `touch mock_tool_ran.txt` with Bash, the permission dialog stays open ~8 s (Notification permission_prompt fires), the user picks 'Yes', the turn finishes, then Ctrl-D exits."
    : "Interactive TUI (default permission mode): the model asks to run `touch mock_tool_ran.txt` with Bash, the permission dialog stays open ~8 s (Notification permission_prompt fires), the user picks '3. No' (the turn is interrupted, 'What should Claude do instead?'), 7 s pass with messageIdleNotifThresholdMs=3000, then Ctrl-D exits.";
  await withMock(sb, async (mock) => {
    const tui = await startTui(sb, mock);
    try {
      await submit(tui, "please MOCK_TOOL run it");
      await waitHook(sb, (r) => r.nativeEvent === "PermissionRequest", 30_000);
      const screen = await tui.waitScreen(/Do you want to proceed/, 15_000);
      fs.writeFileSync(path.join(sb.root, "screen-dialog.txt"), screen);
      await sleep(8000);
      if (approve) {
        tui.keys("1");
        await waitHook(sb, (r) => r.nativeEvent === "Stop" || r.nativeEvent === "StopFailure", 30_000);
      } else {
        tui.keys(denyKey);
        await sleep(7000);
      }
      await sleep(1500);
      fs.writeFileSync(path.join(sb.root, "screen-end.txt"), tui.screen());
      await exitCtrlD(tui, sb);
    } finally {
      tui.kill();
    }
  });
  writeFixture({ harness: HARNESS, scenario, description, sb });
  cleanup(sb);
}

const scenarios = {
  "plain-turn": () =>
    printScenario("plain-turn", "Non-interactive `claude -p hi`: one plain text turn, then the process exits.", "hi"),
  "tool-call-allowed": () =>
    printScenario(
      "tool-call-allowed",
      "Non-interactive `claude -p` with `--allowedTools Bash`: the model runs `touch mock_tool_ran.txt` with Bash (allowed without a dialog), then replies and the process exits.",
      "please MOCK_TOOL run it",
      ["--allowedTools", "Bash"],
    ),
  "print-tool-auto-denied": () =>
    printScenario(
      "print-tool-auto-denied",
      "Non-interactive `claude -p` in default permission mode: the model asks to run `touch mock_tool_ran.txt`; -p cannot ask so the call is refused without any permission hook, the model replies and the process exits.",
      "please MOCK_TOOL run it",
    ),
  "api-error": () =>
    printScenario(
      "api-error",
      "Non-interactive `claude -p`: the model API answers HTTP 400 (invalid_request_error), the turn ends with StopFailure instead of Stop and the process exits 1.",
      "please MOCK_FAIL now",
    ),
  "tui-permission-approved": () => tuiPermission("tui-permission-approved", true),
  "tui-permission-denied": () => tuiPermission("tui-permission-denied", false, "3"),
  "tui-permission-cancelled": () => tuiPermission("tui-permission-cancelled", false, "Escape"),
  "tui-api-error": async () => {
    const scenario = "tui-api-error";
    const sb = setup(scenario);
    await withMock(sb, async (mock) => {
      const tui = await startTui(sb, mock);
      try {
        await submit(tui, "please MOCK_FAIL now");
        await waitHook(sb, (r) => r.nativeEvent === "StopFailure" || r.nativeEvent === "Stop", 60_000);
        await sleep(1500);
        fs.writeFileSync(path.join(sb.root, "screen-end.txt"), tui.screen());
        await exitCtrlD(tui, sb);
      } finally {
        tui.kill();
      }
    });
    writeFixture({
      harness: HARNESS,
      scenario,
      description:
        "Interactive TUI: the model API answers HTTP 400 to the prompt, the turn ends with StopFailure, then Ctrl-D exits.",
      sb,
    });
    cleanup(sb);
  },
  "tui-idle-prompt": async () => {
    const scenario = "tui-idle-prompt";
    const sb = setup(scenario, { idleMs: 3000 });
    await withMock(sb, async (mock) => {
      const tui = await startTui(sb, mock);
      try {
        await submit(tui, "hi");
        await waitHook(sb, (r) => r.nativeEvent === "Stop", 30_000);
        await waitHook(sb, (r) => r.nativeEvent === "Notification" && r.payload?.notification_type === "idle_prompt", 20_000);
        await sleep(500);
        await exitCtrlD(tui, sb);
      } finally {
        tui.kill();
      }
    });
    writeFixture({
      harness: HARNESS,
      scenario,
      description:
        "Interactive TUI with messageIdleNotifThresholdMs=3000: prompt 'hi', the turn ends (Stop), Notification idle_prompt fires ~3 s later, then Ctrl-D exits (SessionEnd prompt_input_exit).",
      sb,
    });
    cleanup(sb);
  },
};

await main(HARNESS, scenarios);
