/**
 * Who may read what ao creates. `$AO_HOME` holds the user's prompts, tool payloads, terminal
 * output and transcripts (keys and tokens among them), so every ao process runs with umask 077:
 * each file it creates is 0600 and each directory 0700, whatever the user's umask and whatever
 * the mode of an `$AO_HOME` that already existed (the sh hook path does the same). What belongs
 * to the user — the agent ao starts, the hook settings it writes into their project, git's work in
 * their repository — is created under the umask the user had, kept here. See docs/architecture.md.
 */
export const PRIVATE_UMASK = 0o077;

let userUmask: number | undefined;

/** Switches this process to the private umask, first thing at an entry; returns the user's. */
export function adoptPrivateUmask(): number {
  rememberUsersUmask(process.umask(PRIVATE_UMASK));
  return userUmask!;
}

/** For an entry that switched to PRIVATE_UMASK itself (main.ts): the umask it started with. */
export function rememberUsersUmask(umask: number): void {
  userUmask ??= umask;
}

/** The umask this process started with (the user's, for `ao` run from their shell). */
export function usersUmask(): number {
  if (userUmask !== undefined) return userUmask;
  // Never adopted (ao's code used as a library): the current umask is the user's. Reading it means setting it.
  const current = process.umask(PRIVATE_UMASK);
  process.umask(current);
  return current;
}

/**
 * Runs `create` under `umask`, then puts the previous one back. The umask is process-wide: only
 * synchronous work belongs in `create` (starting a child process is: it inherits the umask at
 * fork), or ao's own files created meanwhile would get the user's umask.
 */
export function withUmask<T>(umask: number, create: () => T): T {
  const previous = process.umask(umask);
  try {
    return create();
  } finally {
    process.umask(previous);
  }
}

/** `create` under the user's own umask: for what ao writes into the user's files and repositories. */
export function asUser<T>(create: () => T): T {
  return userUmask === undefined ? create() : withUmask(userUmask, create);
}
