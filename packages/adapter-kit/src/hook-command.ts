import { shellJoin } from './shell-quote.js';

/**
 * The shell command a native hook runs: `'<abs ao>' hooks <harness> <event> [--session <id> --home <AO_HOME>]`.
 * `--session` is only for agents adopted with `ao register`: they were not started with ao's
 * environment, so the hook names its session and the AO_HOME that registered it (without it, a
 * custom AO_HOME's signals would land in ~/.ao). Which session a signal finally belongs to when
 * `AO_SESSION_ID` is also set is decided at ingestion: docs/signal-path.md.
 */
export function hookCommand(aoCommand: string, harness: string, event: string, sessionId?: string, aoHome?: string): string {
  const words = [aoCommand, 'hooks', harness, event];
  if (sessionId) {
    words.push('--session', sessionId);
    if (aoHome) words.push('--home', aoHome);
  }
  return shellJoin(words);
}

/** One shell word as shellQuote writes it: bare safe characters, or single-quoted with `'\''` escapes. */
const QUOTED_WORD = String.raw`(?:[A-Za-z0-9_@%+=:,./-]+|'(?:[^']|'\\'')*')`;
const SESSION_SUFFIX = String.raw`( --session ([A-Za-z0-9_-]+)( --home ${QUOTED_WORD})?)?`;

/**
 * Recognises a hook command written by any ao installation for this harness, whatever the path
 * of that installation: `<…/ao> hooks <harness> <event>…`. Used to find (and replace or remove)
 * our own entries among the user's.
 */
export function isAoHookCommand(command: unknown, harness: string): boolean {
  if (typeof command !== 'string') return false;
  const escaped = harness.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|/|')ao'? hooks ${escaped} [a-z0-9._-]+${SESSION_SUFFIX}$`).test(command.trim());
}

/** The session id carried by an ao hook command's `--session` argument, if any. */
export function hookCommandSessionId(command: string): string | undefined {
  return new RegExp(`${SESSION_SUFFIX}$`).exec(command.trim())?.[2];
}
