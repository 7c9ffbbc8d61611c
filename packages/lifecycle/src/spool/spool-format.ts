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
  sessionId: string;
  launchId: string | null;
  capturedAt: string;
}

export function spoolFileName(capturedAtNs: string, pid: number): string {
  return `${capturedAtNs.padStart(19, '0')}-${pid}${SPOOL_SUFFIX}`;
}

/** Field order and spelling match the sh launcher's printf exactly. */
export function encodeSpoolHeader(header: SpoolHeaderFields): string {
  const launchId = header.launchId === null ? 'null' : `"${header.launchId}"`;
  return `{"v":1,"harness":"${header.harness}","event":"${header.event}","sessionId":"${header.sessionId}","launchId":${launchId},"capturedAt":"${header.capturedAt}"}`;
}
