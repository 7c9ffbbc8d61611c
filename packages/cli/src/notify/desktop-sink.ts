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

/**
 * Looks once for the desktop's notification command; null when there is none. On Linux and the
 * BSDs a graphical session is needed too (DISPLAY or WAYLAND_DISPLAY): notify-send installed on a
 * server reached over ssh has nothing to show notifications on, and would only fail.
 */
export function findDesktopCommand(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): DesktopCommand | null {
  const kind = platform === 'darwin' ? 'osascript' : platform === 'linux' || platform === 'freebsd' || platform === 'openbsd' ? 'notify-send' : null;
  if (kind === null) return null;
  if (kind === 'notify-send' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return null;
  const path = findBinary(kind, env.PATH ?? '');
  return path === null ? null : { kind, path };
}

/** Why findDesktopCommand found none, as a sentence fragment for `ao notify ls`, `test` and `ao doctor`. */
export function whyNoDesktop(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'darwin') return 'osascript is not on PATH';
  if (platform !== 'linux' && platform !== 'freebsd' && platform !== 'openbsd') return `ao has no desktop notifications on ${platform}`;
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return 'no graphical session here (DISPLAY and WAYLAND_DISPLAY are unset)';
  return 'notify-send is not on PATH (it comes with libnotify-bin or libnotify)';
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
