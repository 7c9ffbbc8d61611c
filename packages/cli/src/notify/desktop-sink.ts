import { execFile } from 'node:child_process';
import { findBinary } from '../spawn/find-binary.js';
import type { Priority } from './notification-kinds.js';
import type { OutgoingMessage } from './notification-text.js';
import { SEND_TIMEOUT_MS, type DeliveryResult, type Sink } from './sink.js';

/**
 * Desktop notifications: `notify-send` on Linux (urgency from the priority), `osascript`'s
 * `display notification` on macOS. A machine without them (a server, a container) has no desktop
 * sink, quietly: nothing is queued for it.
 */
export interface DesktopCommand {
  kind: 'notify-send' | 'osascript';
  path: string;
}

/** Looks once for the desktop's notification command; null when there is none. */
export function findDesktopCommand(platform: NodeJS.Platform = process.platform, pathVariable = process.env.PATH ?? ''): DesktopCommand | null {
  const kind = platform === 'darwin' ? 'osascript' : platform === 'linux' || platform === 'freebsd' || platform === 'openbsd' ? 'notify-send' : null;
  if (kind === null) return null;
  const path = findBinary(kind, pathVariable);
  return path === null ? null : { kind, path };
}

/** notify-send's urgency levels. */
const URGENCY: Readonly<Record<Priority, string>> = { urgent: 'critical', high: 'normal', low: 'low' };

/** The arguments that show `outgoing` (no shell: each is one argv entry, nothing is interpreted). */
export function desktopArguments(kind: DesktopCommand['kind'], outgoing: OutgoingMessage): string[] {
  if (kind === 'notify-send') {
    // `--` ends the options: a title that starts with "-" is still a title.
    return ['--app-name=ao', `--urgency=${URGENCY[outgoing.priority]}`, '--', outgoing.title, outgoing.message];
  }
  // The texts reach AppleScript as arguments, never as script source: no quoting to get wrong.
  return ['-e', 'on run argv', '-e', 'display notification (item 2 of argv) with title (item 1 of argv)', '-e', 'end run', outgoing.title, outgoing.message];
}

export function desktopSink(command: DesktopCommand): Sink {
  return {
    id: 'desktop',
    target: command.kind,
    minPriority: 'low',
    send: (outgoing, stop) =>
      new Promise<DeliveryResult>((resolve) => {
        execFile(command.path, desktopArguments(command.kind, outgoing), { timeout: SEND_TIMEOUT_MS, signal: stop, windowsHide: true }, (error, _stdout, stderr) => {
          if (error === null) return resolve({ ok: true });
          const why = String(stderr).trim().split('\n')[0] || error.message;
          resolve({ ok: false, error: `${command.kind} failed: ${why}`, permanent: false });
        });
      }),
  };
}
