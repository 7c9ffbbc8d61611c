/**
 * The spool record format, shared by the Node capture path, the POSIX-sh capture path in the `ao`
 * launcher (which must write byte-identical records) and ingestion.
 *
 * A record is one file: a JSON header line, a newline, then the payload bytes exactly as the
 * harness sent them. Names are `<capturedAt ns, 19 digits>-<pid>.sig`: a lexical sort is capture
 * order. Writers create a dot-prefixed temp file and rename it; readers never open dot files.
 */
export const SPOOL_SUFFIX = '.sig';
export const SPOOL_NAME_PATTERN = /^[0-9]{19,20}-[0-9]+\.sig$/;
/** Payload bytes kept per signal; the rest of a bigger stdin is not read. */
export const PAYLOAD_CAP_BYTES = 4 * 1024 * 1024;

export interface SpoolHeaderFields {
  harness: string;
  event: string;
  /** The session the hook named: `AO_SESSION_ID` when set, else its `--session` argument. */
  sessionId: string;
  launchId: string | null;
  capturedAt: string;
  /**
   * The hook's `--session` argument when it had one (hooks `ao register` installs carry it). With
   * `sessionId` it tells whether the environment and the argument disagreed: the signal then
   * belongs to whichever session's agent fired it (docs/signal-path.md, "Which session a signal
   * belongs to"). Absent in records written before this field existed.
   */
  sessionArg?: string | null;
  /**
   * The pid of the process that fired the hook (the hook's nearest ancestor that is not a shell),
   * read from /proc when `AO_SESSION_ID` is set; null where it cannot be read or for ao's own
   * records (process exits, turn ends), which no agent fires.
   */
  firer?: number | null;
}

export function spoolFileName(capturedAtNs: string, pid: number): string {
  return `${capturedAtNs.padStart(19, '0')}-${pid}${SPOOL_SUFFIX}`;
}

/** Field order and spelling match the sh launcher's printf exactly. */
export function encodeSpoolHeader(header: SpoolHeaderFields): string {
  const quoted = (value: string | null | undefined) => (value === null || value === undefined ? 'null' : `"${value}"`);
  const firer = header.firer === null || header.firer === undefined ? 'null' : String(header.firer);
  return (
    `{"v":1,"harness":"${header.harness}","event":"${header.event}","sessionId":"${header.sessionId}",` +
    `"launchId":${quoted(header.launchId)},"capturedAt":"${header.capturedAt}","sessionArg":${quoted(header.sessionArg)},"firer":${firer}}`
  );
}
