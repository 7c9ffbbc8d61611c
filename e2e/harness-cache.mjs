#!/usr/bin/env node
// The real harness binaries the end-to-end suite drives, installed from npm at the versions pinned in
// e2e/harness-versions.json (the one place they are pinned), into a cache directory that survives
// between runs:
//
//   ${AO_HARNESS_CACHE:-$HOME/.cache/ao-e2e-harnesses}/<platform>-<arch>-<hash of the pins>/
//       node_modules/.bin/{claude,codex,opencode,gemini}
//       .ao-harnesses.json            written last: the install is complete and matches the pins
//
// Changing a pin changes the key, so the next run installs the new set beside the old one (which is
// then removed). An install goes into a temporary sibling and is renamed into place once verified:
// an interrupted install never looks complete, and two concurrent runs cannot corrupt each other.
//
//   node e2e/harness-cache.mjs install   install if missing (no-op when cached); prints the directory
//   node e2e/harness-cache.mjs dir       print the directory the suite will use, or exit 1
//
// AO_HARNESS_DIR=<dir> bypasses the cache: a directory with node_modules/ holding the pinned versions
// (e.g. the recorder's .cache/harnesses).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const E2E_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.dirname(E2E_DIR);
export const PINS_FILE = path.join(E2E_DIR, "harness-versions.json");
const MARKER = ".ao-harnesses.json";

/** `{ "<npm package>": "<exact version>" }`. */
export function readPins() {
  const pins = JSON.parse(fs.readFileSync(PINS_FILE, "utf8"));
  for (const [name, version] of Object.entries(pins)) {
    if (!/^\d+\.\d+\.\d+$/.test(String(version))) throw new Error(`${PINS_FILE}: ${name} must be pinned to an exact version, got "${version}"`);
  }
  return pins;
}

export function cacheRoot(env = process.env) {
  return env.AO_HARNESS_CACHE || path.join(env.HOME || os.homedir(), ".cache", "ao-e2e-harnesses");
}

export function cacheKey(pins = readPins()) {
  const canonical = JSON.stringify(Object.keys(pins).sort().map((name) => [name, pins[name]]));
  return `${process.platform}-${process.arch}-${createHash("sha256").update(canonical).digest("hex").slice(0, 16)}`;
}

/** The problems with an install directory (empty when it holds exactly the pinned versions). */
export function checkInstall(dir, pins = readPins()) {
  const problems = [];
  for (const [name, version] of Object.entries(pins)) {
    const manifest = path.join(dir, "node_modules", name, "package.json");
    let installed;
    try {
      installed = JSON.parse(fs.readFileSync(manifest, "utf8")).version;
    } catch {
      problems.push(`${name} is not installed in ${dir}`);
      continue;
    }
    if (installed !== version) problems.push(`${name} is ${installed} in ${dir}, pinned ${version}`);
  }
  for (const bin of ["claude", "codex", "opencode", "gemini"]) {
    if (!fs.existsSync(path.join(dir, "node_modules", ".bin", bin))) problems.push(`node_modules/.bin/${bin} is missing in ${dir}`);
  }
  return problems;
}

/** The directory the suite uses: AO_HARNESS_DIR, else the cache entry for the pins. */
export function harnessDir(env = process.env) {
  return env.AO_HARNESS_DIR ? path.resolve(env.AO_HARNESS_DIR) : path.join(cacheRoot(env), cacheKey());
}

/** `{ dir, binDir, pins }` when the pinned harnesses are in place, else `{ dir, problems }`. */
export function resolveHarnesses(env = process.env) {
  const pins = readPins();
  const dir = harnessDir(env);
  const problems = checkInstall(dir, pins);
  if (!env.AO_HARNESS_DIR && problems.length === 0 && !fs.existsSync(path.join(dir, MARKER))) problems.push(`${dir} is an unfinished install`);
  return problems.length === 0 ? { dir, binDir: path.join(dir, "node_modules", ".bin"), pins } : { dir, problems };
}

/** Installs the pinned harnesses into the cache unless they are there already. Returns the directory. */
export function install(env = process.env, log = (line) => process.stderr.write(`[harness-cache] ${line}\n`)) {
  const pins = readPins();
  if (env.AO_HARNESS_DIR) {
    const problems = checkInstall(path.resolve(env.AO_HARNESS_DIR), pins);
    if (problems.length > 0) throw new Error(`AO_HARNESS_DIR: ${problems.join("; ")}`);
    return path.resolve(env.AO_HARNESS_DIR);
  }
  const root = cacheRoot(env);
  const key = cacheKey(pins);
  const dir = path.join(root, key);
  if (fs.existsSync(path.join(dir, MARKER)) && checkInstall(dir, pins).length === 0) {
    log(`cached: ${dir}`);
    return dir;
  }
  fs.mkdirSync(root, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(root, `.tmp-${key}-`));
  const started = Date.now();
  try {
    fs.writeFileSync(
      path.join(tmp, "package.json"),
      `${JSON.stringify({ name: "ao-e2e-harnesses", private: true, description: "pinned by ao's e2e/harness-versions.json", dependencies: pins }, null, 2)}\n`,
    );
    log(`installing ${Object.entries(pins).map(([n, v]) => `${n}@${v}`).join(" ")} into ${dir}`);
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", "--no-update-notifier"], {
      cwd: tmp,
      stdio: ["ignore", "inherit", "inherit"],
      env: installEnv(env),
    });
    const problems = checkInstall(tmp, pins);
    if (problems.length > 0) throw new Error(`the install does not match the pins: ${problems.join("; ")}`);
    fs.writeFileSync(path.join(tmp, MARKER), `${JSON.stringify({ pins, installedAt: new Date().toISOString() }, null, 2)}\n`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(tmp, dir);
  } catch (error) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  log(`installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  // Older pin sets are ~1 GB each: keep only the current one (and installs still in progress).
  for (const name of fs.readdirSync(root)) {
    if (name !== key && !name.startsWith(".tmp-") && fs.existsSync(path.join(root, name, MARKER))) {
      log(`removing the old set ${name}`);
      fs.rmSync(path.join(root, name), { recursive: true, force: true });
    }
  }
  return dir;
}

/** The caller's environment minus what `npm run` exports about the repository (its prefix, workspace, package). */
function installEnv(env) {
  const out = {};
  for (const [name, value] of Object.entries(env)) {
    if (/^(npm_package_|npm_lifecycle_|npm_config_(local_prefix|prefix|global|workspaces?|include_workspace_root)$|INIT_CWD$)/i.test(name)) continue;
    out[name] = value;
  }
  return out;
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const command = process.argv[2] ?? "dir";
  try {
    if (command === "install") {
      process.stdout.write(`${install()}\n`);
    } else if (command === "dir") {
      const resolved = resolveHarnesses();
      if (!resolved.binDir) {
        process.stderr.write(`${resolved.problems.join("\n")}\nrun: node e2e/harness-cache.mjs install\n`);
        process.exit(1);
      }
      process.stdout.write(`${resolved.dir}\n`);
    } else {
      process.stderr.write("usage: node e2e/harness-cache.mjs install|dir\n");
      process.exit(2);
    }
  } catch (error) {
    process.stderr.write(`[harness-cache] ${error.message}\n`);
    process.exit(1);
  }
}
