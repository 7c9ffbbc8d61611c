// Shared helpers for the fixture recorders (record/claude-code.mjs, record/codex.mjs, record/opencode.mjs).
// Plain Node ESM, no dependencies. Needs: git, tmux (for TUI scenarios).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn, execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startMockModelServer } from "../mock-model-server.mjs";

export const RECORD_DIR = path.dirname(fileURLToPath(import.meta.url));
export const E2E_DIR = path.dirname(RECORD_DIR);
export const REPO_ROOT = path.dirname(E2E_DIR);
export const HARNESS_DIR = process.env.AO_HARNESS_DIR ?? path.join(REPO_ROOT, ".cache", "harnesses");
export const BIN_DIR = path.join(HARNESS_DIR, "node_modules", ".bin");
export const HOOK_LOGGER = path.join(RECORD_DIR, "hook-logger.mjs");
export const VERSIONS = JSON.parse(fs.readFileSync(path.join(E2E_DIR, "harness-versions.json"), "utf8"));

export const FAKE_HOME = "/e2e-home";
export const FAKE_PROJECT = "/e2e-home/project";
/** The mock listens on a random port; fixtures show this stable URL instead. */
export const FAKE_MOCK_URL = "http://127.0.0.1:18080";

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const log = (...a) => console.error("[record]", ...a);

/** Throw-away sandbox: <root>/{home,proj,tmp}; proj is a git repo with one commit. */
export function makeSandbox(harness, scenario) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `aorec-${harness}-${scenario}-`));
  const home = path.join(root, "home");
  const proj = path.join(root, "proj");
  const tmp = path.join(root, "tmp");
  for (const d of [home, proj, tmp]) fs.mkdirSync(d, { recursive: true });
  const git = (...args) =>
    execFileSync("git", ["-c", "user.name=ao", "-c", "user.email=ao@example.invalid", ...args], {
      cwd: proj,
      env: { ...process.env, HOME: home },
      stdio: "ignore",
    });
  git("init", "-q");
  fs.writeFileSync(path.join(proj, "README.md"), "# mock project\n");
  git("add", "README.md");
  git("commit", "-q", "-m", "init");
  return { root, home, proj, tmp, hookLog: path.join(root, "hooks.jsonl"), mockLog: path.join(root, "mock.jsonl") };
}

/** Base env: throw-away HOME / XDG / TMPDIR, PATH kept (node, git). */
export function baseEnv(sb) {
  return {
    PATH: process.env.PATH,
    LANG: "C.UTF-8",
    TERM: "xterm-256color",
    HOME: sb.home,
    TMPDIR: sb.tmp,
    XDG_CONFIG_HOME: path.join(sb.home, ".config"),
    XDG_DATA_HOME: path.join(sb.home, ".local", "share"),
    XDG_CACHE_HOME: path.join(sb.home, ".cache"),
    XDG_STATE_HOME: path.join(sb.home, ".local", "state"),
    HOOK_LOG: sb.hookLog,
  };
}

/** Run a command non-interactively (stdin = /dev/null) in its own process group, with a timeout. */
export function runNonInteractive(cmd, args, { cwd, env, timeoutMs = 90_000 }) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => {
      log(`timeout: killing pgid ${child.pid}`);
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {}
    }, timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      // reap anything left in the group (e.g. detached helpers)
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {}
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** A TUI driven inside a private tmux server (own socket). */
export class Tui {
  constructor(sb, { cols = 160, rows = 48 } = {}) {
    this.sb = sb;
    this.sock = `aorec-${process.pid}-${Date.now()}`;
    this.cols = cols;
    this.rows = rows;
  }
  tmux(...args) {
    return execFileSync("tmux", ["-L", this.sock, "-f", "/dev/null", ...args], { encoding: "utf8" });
  }
  /** Start `cmd args` with `env` in `cwd` (a small wrapper script carries env and cwd). */
  start(cmd, args, { cwd, env }) {
    const q = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;
    const script = path.join(this.sb.root, "tui-run.sh");
    const lines = ["#!/bin/bash", "cd " + q(cwd)];
    for (const [k, v] of Object.entries(env)) lines.push(`export ${k}=${q(v)}`);
    lines.push(`exec ${[cmd, ...args].map(q).join(" ")} 2> ${q(path.join(this.sb.root, "tui-stderr.txt"))}`);
    fs.writeFileSync(script, lines.join("\n") + "\n", { mode: 0o755 });
    this.tmux("new-session", "-d", "-s", "rec", "-x", String(this.cols), "-y", String(this.rows), `bash ${q(script)}`);
    this.tmux("set-option", "-t", "rec", "remain-on-exit", "on");
    this.serverPid = Number(this.tmux("display-message", "-p", "-t", "rec", "#{pid}").trim());
    this.panePid = Number(this.tmux("display-message", "-p", "-t", "rec", "#{pane_pid}").trim());
  }
  screen() {
    try {
      return this.tmux("capture-pane", "-p", "-t", "rec");
    } catch {
      return "";
    }
  }
  dead() {
    try {
      return this.tmux("display-message", "-p", "-t", "rec", "#{pane_dead}").trim() === "1";
    } catch {
      return true;
    }
  }
  type(text) {
    this.tmux("send-keys", "-t", "rec", "-l", text);
  }
  keys(...keys) {
    this.tmux("send-keys", "-t", "rec", ...keys);
  }
  async waitScreen(re, timeoutMs = 30_000) {
    const t0 = Date.now();
    while (Date.now() - t0 < timeoutMs) {
      const s = this.screen();
      if (re.test(s)) return s;
      await sleep(200);
    }
    const s = this.screen();
    fs.writeFileSync(path.join(this.sb.root, "screen-timeout.txt"), s);
    throw new Error(`timeout waiting for ${re} on screen:\n${s}`);
  }
  async waitExit(timeoutMs = 10_000) {
    const t0 = Date.now();
    while (Date.now() - t0 < timeoutMs) {
      if (this.dead()) return true;
      await sleep(200);
    }
    return false;
  }
  /** Kill the pane's process group and the private tmux server, by pid. */
  kill() {
    for (const pid of [this.panePid]) {
      if (!pid) continue;
      try {
        process.kill(-pid, "SIGKILL");
      } catch {}
      try {
        process.kill(pid, "SIGKILL");
      } catch {}
    }
    if (this.serverPid) {
      try {
        process.kill(this.serverPid, "SIGTERM");
      } catch {}
    }
  }
}

/** Wait until the hook log contains a record matching pred (or timeout). */
export async function waitHook(sb, pred, timeoutMs = 30_000) {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    const hit = readHookLog(sb).find(pred);
    if (hit) return hit;
    await sleep(150);
  }
  throw new Error(`timeout waiting for hook (${pred})`);
}

export function readHookLog(sb) {
  if (!fs.existsSync(sb.hookLog)) return [];
  return fs
    .readFileSync(sb.hookLog, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

export const kebab = (s) => s.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
const slug = (p) => p.replace(/[^a-zA-Z0-9]/g, "-");

/** Replace sandbox paths by stable fake ones (also Claude's project slug in transcript paths). */
export function scrub(value, sb) {
  let s = JSON.stringify(value);
  const pairs = [
    [sb.proj, FAKE_PROJECT],
    [slug(sb.proj), slug(FAKE_PROJECT)],
    [sb.home, FAKE_HOME],
    [sb.tmp, "/tmp"],
    [sb.root, "/e2e-home/.sandbox"],
  ];
  if (sb.mockUrl) pairs.unshift([sb.mockUrl, FAKE_MOCK_URL]);
  for (const [from, to] of pairs) s = s.split(from).join(to);
  return JSON.parse(s);
}

/**
 * Write packages/adapters/<harness>/fixtures/<scenario>.json from the hook log.
 * @param {{harness:string, scenario:string, description:string, sb:object, eventName:(n:string)=>string, drop?:(r:object)=>boolean}} o
 */
export function writeFixture({ harness, scenario, description, sb, eventName = kebab, drop = () => false }) {
  const versionKey = { "claude-code": "@anthropic-ai/claude-code", codex: "@openai/codex", opencode: "opencode-ai" }[harness];
  const records = readHookLog(sb);
  // order by the time the hook fired; stable for equal timestamps (file order)
  const sorted = records.map((r, i) => ({ r, i })).sort((a, b) => (a.r.at < b.r.at ? -1 : a.r.at > b.r.at ? 1 : a.i - b.i));
  const signals = sorted
    .map(({ r }) => r)
    .filter((r) => !drop(r))
    .map((r) => ({ nativeEvent: r.nativeEvent, event: eventName(r.nativeEvent), payload: scrub(r.payload, sb) }));
  const fixture = { harness, harnessVersion: VERSIONS[versionKey], scenario, description, signals };
  const out = path.join(REPO_ROOT, "packages", "adapters", harness, "fixtures", `${scenario}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(fixture, null, 2) + "\n");
  log(`wrote ${path.relative(REPO_ROOT, out)}: ${signals.map((s) => s.nativeEvent + detail(s.payload)).join(" → ")}`);
  return fixture;
}

function detail(p) {
  if (!p || typeof p !== "object") return "";
  const d =
    p.notification_type ??
    p.reason ??
    p.source ??
    (p.hook_event_name === "StopFailure" ? p.error : undefined) ??
    p.properties?.status?.type ??
    p.properties?.reply;
  return d ? `(${d})` : "";
}

/** Start the mock, run fn, always close the mock and (unless keep) delete the sandbox. */
export async function withMock(sb, fn) {
  const mock = await startMockModelServer({ scenario: "auto", log: sb.mockLog });
  sb.mockUrl = mock.url;
  try {
    return await fn(mock);
  } finally {
    await mock.close();
  }
}

export function cleanup(sb) {
  if (process.env.AO_RECORD_KEEP) {
    log(`kept sandbox ${sb.root}`);
    return;
  }
  fs.rmSync(sb.root, { recursive: true, force: true });
}

/** Parse argv: scenario names to run (default: all). */
export function selectScenarios(all) {
  const want = process.argv.slice(2);
  if (want.length === 0) return Object.keys(all);
  for (const w of want) if (!all[w]) throw new Error(`unknown scenario ${w}; known: ${Object.keys(all).join(", ")}`);
  return want;
}

export async function main(harness, scenarios) {
  const names = selectScenarios(scenarios);
  let failed = 0;
  for (const name of names) {
    log(`=== ${harness} / ${name}`);
    try {
      await scenarios[name]();
    } catch (e) {
      failed++;
      log(`FAILED ${harness} / ${name}: ${e.stack ?? e}`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}
