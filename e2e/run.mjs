#!/usr/bin/env node
// `npm run test:e2e [-- --latest] [-- <vitest arguments>]`: installs the harnesses (e2e/harness-cache.mjs)
// and runs the end-to-end suite (e2e/vitest.config.ts).
//
// --latest (or AO_E2E_LATEST=1): the same suite on whatever is newest on npm for each pinned
// package (`npm view <package> version`, installed into the same cache beside the pinned ones). The
// committed fixtures are left alone; each scenario's signals, states and rollout go to
// .cache/e2e-latest/records/, and a drift report against the committed fixtures (event sequences,
// payload keys and types, state sequences) is printed at the end and written to
// .cache/e2e-latest/drift-report.md (and .json). The exit code is the suite's.
import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { install, readPins, REPO_ROOT } from "./harness-cache.mjs";
import { compareHarness, renderReport } from "./lib/drift.mjs";
import { harnessOfPackage } from "./lib/harness-packages.mjs";

/** Which adapter (packages/adapters/<id>) records each pinned package's fixtures. */

const LATEST_DIR = path.join(REPO_ROOT, ".cache", "e2e-latest");
const log = (line) => process.stderr.write(`[test:e2e] ${line}\n`);

/** `{ package: newest version }`, asked of the registry in parallel. */
async function latestVersions(pins) {
  const run = promisify(execFile);
  const entries = await Promise.all(
    Object.keys(pins).map(async (name) => {
      const { stdout } = await run("npm", ["view", name, "version", "--no-update-notifier"], { timeout: 120_000 });
      const version = stdout.trim().split("\n").pop();
      if (!/^\d+\.\d+\.\d+$/.test(version ?? "")) throw new Error(`npm view ${name} version answered "${stdout.trim()}"`);
      return [name, version];
    }),
  );
  return Object.fromEntries(entries);
}

function runVitest(args, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, "node_modules", "vitest", "vitest.mjs"), "run", "--config", path.join(REPO_ROOT, "e2e", "vitest.config.ts"), ...args], {
      cwd: REPO_ROOT,
      env,
      stdio: "inherit",
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const readJson = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : null);
const readJsonl = (file) =>
  fs.existsSync(file)
    ? fs.readFileSync(file, "utf8").split("\n").filter((line) => line.trim() !== "").map((line) => JSON.parse(line))
    : null;

/** Each harness's latest records next to the committed fixtures they are compared with. */
function collect(pinned, latest, recordsDir) {
  const results = [];
  for (const [name, harness] of Object.entries(harnessOfPackage())) {
    if (!(name in pinned)) continue;
    const dir = path.join(recordsDir, harness);
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort() : [];
    const fixtures = path.join(REPO_ROOT, "packages", "adapters", harness, "fixtures");
    const scenarios = files.map((file) => {
      const record = readJson(path.join(dir, file));
      const committed = record.fixture ? readJson(path.join(fixtures, `e2e-${record.fixture}.json`)) : null;
      if (committed) committed.rollout = readJsonl(path.join(fixtures, "rollouts", `e2e-${record.fixture}.jsonl`));
      return { committed, record };
    });
    results.push(compareHarness({ harness, pinned: pinned[name], latest: latest[name], scenarios }));
  }
  return results;
}

async function main() {
  const args = process.argv.slice(2);
  const latestMode = args.includes("--latest") || process.env.AO_E2E_LATEST === "1";
  const vitestArgs = args.filter((arg) => arg !== "--latest");
  if (!latestMode) {
    install();
    return runVitest(vitestArgs, process.env);
  }

  const pinned = readPins();
  const started = Date.now();
  const latest = await latestVersions(pinned);
  log(`newest on npm: ${Object.entries(latest).map(([n, v]) => `${n}@${v}${v === pinned[n] ? " (pinned)" : ` (pinned ${pinned[n]})`}`).join(", ")}`);
  const recordsDir = path.join(LATEST_DIR, "records");
  fs.rmSync(recordsDir, { recursive: true, force: true });
  fs.mkdirSync(recordsDir, { recursive: true });
  const pinsFile = path.join(LATEST_DIR, "pins.json");
  fs.writeFileSync(pinsFile, `${JSON.stringify(latest, null, 2)}\n`);
  const env = { ...process.env, AO_HARNESS_PINS: pinsFile, AO_E2E_FIXTURES: "0", AO_E2E_DRIFT_DIR: recordsDir };
  install(env);
  log(`versions and install: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const code = await runVitest(vitestArgs, env);

  const results = collect(pinned, latest, recordsDir);
  const report = renderReport(results);
  fs.writeFileSync(path.join(LATEST_DIR, "drift-report.md"), report);
  fs.writeFileSync(path.join(LATEST_DIR, "drift-report.json"), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`\n${report}\n`);
  log(`drift report: ${path.relative(process.cwd(), path.join(LATEST_DIR, "drift-report.md"))} (records in ${path.relative(process.cwd(), recordsDir)})`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`[test:e2e] ${error.message}\n`);
    process.exit(1);
  },
);
