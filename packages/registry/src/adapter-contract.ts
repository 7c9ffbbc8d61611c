import type { Deriver, SessionUsage, TurnOutcome } from '@ao/activity-dispatch';
import type { AdapterDoctorCheck } from './adapter-doctor.js';
import type { HarnessVersions } from './harness-versions.js';
import type { AdapterSpecificationVersion } from './specification-version.js';

/** What an installer needs to know about this ao installation and the session being wired. */
export interface HookContext {
  /** Absolute path of this installation's `ao` launcher; hook commands name it. */
  aoCommand: string;
  /** `$AO_HOME`: where install manifests (for byte-exact uninstall) are kept. */
  aoHome: string;
  /**
   * The session the hooks report for. Set for `ao register` (the adopted agent lacks ao's
   * environment, so the id travels as `--session`); unset for hooks that read `AO_SESSION_ID`.
   */
  sessionId?: string;
}

export interface HookInstallResult {
  harness: string;
  dir: string;
  /** False when the hooks were already installed exactly so (install twice = install once). */
  changed: boolean;
  /** Files written or removed. */
  files: string[];
  /** For harnesses wired per launch (Codex): the arguments the agent must be started with. */
  launchArgs?: string[];
  /** Sentences for the user: what was done, what they must still do. */
  notes: string[];
}

export interface HookStatus {
  harness: string;
  dir: string;
  /** True when every hook ao needs is in place. */
  installed: boolean;
  /** The hook files ao looked at. */
  files: string[];
  /** Clear sentences describing anything wrong; empty when all is well. */
  problems: string[];
  /** The session id the installed hooks report for, when they carry one. */
  sessionId?: string;
  /**
   * Sentences about how the harness reports when all is well (e.g. the demo agent, which needs no
   * hook files): `ao doctor` shows the first instead of "installed in <dir>".
   */
  notes?: string[];
}

export interface HookInstaller {
  install(dir: string, context: HookContext): HookInstallResult;
  uninstall(dir: string, context: HookContext): HookInstallResult;
  status(dir: string, context: HookContext): HookStatus;
}

/** A file the launch needs (e.g. a settings or plugin file in an ao-owned directory). */
export interface LaunchFile {
  path: string;
  content: string;
  mode?: number;
  /**
   * Makes the entry a symbolic link to this path instead of a file holding `content`: a harness
   * whose per-launch home must still reach the user's own files (Gemini CLI) links them, never copies.
   */
  linkTo?: string;
}

export interface LaunchOptions {
  cwd: string;
  aoCommand: string;
  aoHome: string;
  sessionId: string;
  /** An ao-owned directory for this launch's files (never inside the user's repository). */
  launchDir: string;
  prompt?: string;
  extraArgs?: string[];
  /** Path or name of the harness binary; defaults to the adapter's `binary`. */
  binaryPath?: string;
}

export interface LaunchCommand {
  command: string;
  args: string[];
  /** Environment additions (not the whole environment). */
  env: Record<string, string>;
  files: LaunchFile[];
}

/**
 * The keys that answer a harness's permission dialog, exactly as typed into its terminal (no
 * Enter is added). A string of several key presses (an arrow key is one escape sequence) is
 * typed one key at a time, as a person would: a TUI may take a burst for a paste.
 */
export interface PermissionKeys {
  /** Allows the request once (never "always"). */
  approve: string;
  /** Refuses it. */
  deny: string;
}

/** One harness's adapter: everything ao knows about it lives in one package. */
export interface HarnessAdapter extends Deriver {
  /** The version of this contract the adapter was written against; the registry refuses any other. */
  readonly specificationVersion: AdapterSpecificationVersion;
  readonly id: string;
  readonly displayName: string;
  readonly aliases: readonly string[];
  /**
   * Executable name looked up on PATH. The one place the adapter names it: its launch command runs
   * `binaryPath` or else this, and `ao doctor` asks it for `--version`.
   */
  readonly binary: string;
  /**
   * The harness versions the adapter was tested with and how to read the installed one; `null` for
   * a harness that has no version of its own to check (the demo agent is ao's).
   */
  readonly versions: HarnessVersions | null;
  /** Whether the harness reports through hooks at all. */
  readonly hookCapable: boolean;
  /**
   * Whether a hook fires when the harness starts, before any prompt. Only then does silence after
   * launch mean the hooks are not wired (the `no_signal` display status). Codex fires nothing
   * until the first prompt.
   */
  readonly signalsAtStartup: boolean;
  readonly hooks: HookInstaller;
  buildLaunch(options: LaunchOptions): LaunchCommand;
  /**
   * How `ao approve` / `ao deny` answer the harness's permission dialog. Required, so that every
   * adapter decides (and says where the keys were verified) instead of `ao approve` finding out
   * at run time that nobody did; `null` for a harness with no dialog ao can answer.
   */
  readonly permissionKeys: PermissionKeys | null;
  /** Input typed before the harness has been up this long is lost (OpenCode: ~4 s). */
  readonly inputReadyDelayMs?: number;
  /** What the harness's screen shows once it takes input (its prompt); typed text before that is lost. */
  readonly inputReadyPattern?: RegExp;
  /**
   * Called by `ao spawn` for a directory ao itself created (a worktree), so that the harness does
   * not stop at a "do you trust this folder?" dialog nobody asked for. Returns the files written.
   */
  trustCreatedDirectory?(dir: string, env: NodeJS.ProcessEnv): string[];
  /**
   * Reads how the last turn ended from the harness's transcript (the `transcriptPath` its hooks
   * report), for harnesses that do not always say so through a hook. Null when it cannot tell.
   */
  readTurnOutcome?(transcriptPath: string): TurnOutcome | null;
  /**
   * Checks of the user's setup that only this harness needs (e.g. Claude Code's
   * `disableAllHooks`), shown by `ao doctor` after its binary and hooks lines. `env` is the
   * environment ao runs in (HOME, the harness's config dir variables). Must not throw or write.
   */
  doctorChecks?(env: NodeJS.ProcessEnv): AdapterDoctorCheck[];
  /**
   * Short sentences ao shows about a session of this harness (`ao status`): known limits of what
   * the harness reports, e.g. "Claude Code fires no hook when its dialog is denied; ao deny
   * records the answer". Each is one sentence a user can read without the docs.
   */
  readonly statusNotes?: readonly string[];
  /**
   * What the session has spent so far (docs/store.md, "Usage"), read when ao ingests a signal that
   * ends a turn, never on the hook path. Null when the harness does not tell. A transcript must be
   * read as `readTurnOutcome` reads it (regular-file.ts: lstat, no blocking open, bounded bytes).
   */
  readUsage?(source: UsageSource): UsageReading | null;
}

/** What `readUsage` reads from. */
export interface UsageSource {
  /** The transcript the session's hooks reported (the `transcriptPath` fact), if any. */
  transcriptPath: string | null;
  /**
   * The session's facts as the store keeps them after the turn-ending signal (`nativeSessionId`,
   * `model`, `transcriptPath`, `lastError`…: docs/store.md, `facts`), a copy.
   */
  facts: Readonly<Record<string, unknown>>;
  /** The native payload of the turn-ending signal (OpenCode's plugin reports usage in it). */
  payload?: unknown;
  /**
   * What this adapter's previous read of the same session left (its `checkpoint`), so that a long
   * transcript is read on from where the last read stopped instead of from the start. Null at first.
   */
  checkpoint?: UsageCheckpoint | null;
}

/**
 * Where a reader stopped: opaque to ao, stored with the session and handed back on the next read.
 * Must survive JSON (it is stored as JSON).
 */
export type UsageCheckpoint = Record<string, unknown>;

/** A `SessionUsage`, plus where to read on next time (readers that read everything each time omit it). */
export type UsageReading = SessionUsage & { checkpoint?: UsageCheckpoint };
