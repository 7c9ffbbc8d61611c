#!/usr/bin/env node
// Checks each adapter's permissionKeys against the real, pinned harnesses: starts each one with
// `ao spawn` against the mock model server, waits for its permission dialog (`blocked`), answers
// it with `ao approve` or `ao deny`, and checks what followed: approve → the tool ran and the
// session left `blocked`; deny → the tool did not run and the session left `blocked`.
//   node e2e/record/answer-dialogs.mjs [harness ...]      (default: claude-code codex opencode)
// Needs the harnesses in .cache/harnesses (see README.md here) and a built ao (npx turbo run build).
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { BIN_DIR, REPO_ROOT, baseEnv, log, makeSandbox, sleep } from "./lib.mjs";
import { startMockModelServer } from "../mock-model-server.mjs";

const AO = path.join(REPO_ROOT, "packages", "cli", "bin", "ao");

function ao(env, args) {
  try {
    return execFileSync(AO, [...args, "--json"], { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    return error.stdout || JSON.stringify({ error: { message: String(error.stderr) } });
  }
}
const aoJson = (env, args) => JSON.parse(ao(env, args));

/** Each harness's own config in the sandbox: the mock provider, dialogs on, no first-run screens. */
const HARNESS_SETUP = {
  "claude-code"(sb, mock) {
    fs.writeFileSync(path.join(sb.home, ".claude.json"), JSON.stringify({ hasCompletedOnboarding: true, projects: { [sb.proj]: { hasTrustDialogAccepted: true } } }));
    return { ANTHROPIC_BASE_URL: mock.url, ANTHROPIC_AUTH_TOKEN: "mock-token", DISABLE_TELEMETRY: "1", CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1", DISABLE_AUTOUPDATER: "1", DISABLE_ERROR_REPORTING: "1", CLAUDE_CODE_TMPDIR: sb.tmp };
  },
  codex(sb, mock) {
    const codexHome = path.join(sb.home, ".codex");
    fs.mkdirSync(codexHome, { recursive: true });
    fs.writeFileSync(
      path.join(codexHome, "config.toml"),
      [
        'model = "mock-model"', 'model_provider = "mock"', 'approval_policy = "on-request"', 'sandbox_mode = "workspace-write"',
        "check_for_update_on_startup = false", "[model_providers.mock]", 'name = "Mock LLM"', `base_url = "${mock.url}/v1"`,
        'wire_api = "responses"', 'env_key = "MOCK_API_KEY"', "request_max_retries = 0", "stream_max_retries = 0",
        "[analytics]", "enabled = false", "[feedback]", "enabled = false", "[otel]", 'exporter = "none"',
        `[projects."${sb.proj}"]`, 'trust_level = "trusted"', "",
      ].join("\n"),
    );
    return { CODEX_HOME: codexHome, MOCK_API_KEY: "mock-key" };
  },
  opencode(sb, mock) {
    const dir = path.join(sb.home, ".config", "opencode");
    fs.mkdirSync(dir, { recursive: true });
    const model = { name: "Mock Model", tool_call: true, limit: { context: 128000, output: 4096 } };
    const provider = { mock: { npm: "@ai-sdk/openai-compatible", name: "Mock LLM", options: { baseURL: `${mock.url}/v1`, apiKey: "mock-key" }, models: { "mock-model": model } } };
    fs.writeFileSync(path.join(dir, "opencode.json"), JSON.stringify({ provider, model: "mock/mock-model", small_model: "mock/mock-model", autoupdate: false, share: "disabled", permission: { bash: "ask" } }));
    return { OPENCODE_DISABLE_MODELS_FETCH: "1", OPENCODE_DISABLE_AUTOUPDATE: "1", OPENCODE_DISABLE_SHARE: "1", OPENCODE_DISABLE_LSP_DOWNLOAD: "1" };
  },
};

async function answerDialog(harness, answer) {
  const mock = await startMockModelServer({ scenario: "auto" });
  const sb = makeSandbox(harness, answer);
  const env = { ...baseEnv(sb), PATH: `${BIN_DIR}:${process.env.PATH}`, AO_HOME: path.join(sb.root, "ao-home"), ...HARNESS_SETUP[harness](sb, mock) };
  const { id } = aoJson(env, ["spawn", "--agent", harness, "--cwd", sb.proj, "--no-daemon", "--prompt", "please MOCK_TOOL run it"]);
  try {
    const deadline = Date.now() + 90_000;
    while (aoJson(env, ["status", id]).activityState !== "blocked") {
      if (Date.now() > deadline) return { ok: false, detail: "the permission dialog never opened" };
      await sleep(300);
    }
    const answered = aoJson(env, [answer, id]);
    await sleep(3000); // let the turn finish
    const ran = fs.existsSync(path.join(sb.proj, "mock_tool_ran.txt"));
    const events = aoJson(env, ["events", id]).filter((e) => e.type === "transition").map((e) => `${e.event}→${e.to}`);
    const ok = answered.answered === answer && answered.activityState !== "blocked" && ran === (answer === "approve");
    return { ok, detail: `${JSON.stringify(answered)}; tool ran: ${ran}; ${events.join(", ")}` };
  } finally {
    ao(env, ["kill", id, "--grace", "1"]);
    await mock.close();
    await sleep(1500); // a harness may still be writing into its sandbox as it dies
    if (!process.env.AO_RECORD_KEEP) fs.rmSync(sb.root, { recursive: true, force: true, maxRetries: 5, retryDelay: 300 });
  }
}

let failed = 0;
for (const harness of process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(HARNESS_SETUP)) {
  for (const answer of ["approve", "deny"]) {
    const { ok, detail } = await answerDialog(harness, answer);
    if (!ok) failed++;
    log(`${ok ? "ok  " : "FAIL"} ${harness} ${answer}: ${detail}`);
  }
}
process.exit(failed ? 1 : 0);
