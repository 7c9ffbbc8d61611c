import { shellJoin } from './shell-quote.js';

/**
 * The shell command a native hook runs: `'<abs ao>' hooks <harness> <event> [--session <id>]`.
 * `--session` is only for agents adopted with `ao register`; `AO_SESSION_ID` in the environment wins.
 */
export function hookCommand(aoCommand: string, harness: string, event: string, sessionId?: string): string {
  const words = [aoCommand, 'hooks', harness, event];
  if (sessionId) words.push('--session', sessionId);
  return shellJoin(words);
}

/**
 * Recognises a hook command written by any ao installation for this harness, whatever the path
 * of that installation: `<…/ao> hooks <harness> <event>…`. Used to find (and replace or remove)
 * our own entries among the user's.
 */
export function isAoHookCommand(command: unknown, harness: string): boolean {
  if (typeof command !== 'string') return false;
  const escaped = harness.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|/|')ao'? hooks ${escaped} [a-z0-9._-]+( --session [A-Za-z0-9_-]+)?$`).test(command.trim());
}

/** The session id carried by an ao hook command's `--session` argument, if any. */
export function hookCommandSessionId(command: string): string | undefined {
  return /--session ([A-Za-z0-9_-]+)$/.exec(command.trim())?.[1];
}
