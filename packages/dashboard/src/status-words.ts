import type { SessionObject } from '@ao/protocol';
import { groupOf, type Group } from './session-order.js';

/** How a group is headed in the list. */
export const GROUP_TITLES: Record<Group, string> = {
  permission: 'Waiting for your permission',
  question: 'Asking you a question',
  error: 'Stopped on an error',
  quiet: 'Quiet: worth a look',
  working: 'Working',
  idle: 'Idle',
  ended: 'Ended',
};

export interface StatusLabel {
  /** A symbol beside the words: never colour alone, never the symbol alone. */
  icon: string;
  words: string;
  /** CSS modifier for the badge's colour, which repeats what the words say. */
  tone: 'attention' | 'error' | 'warning' | 'busy' | 'calm' | 'ended';
}

export function statusLabel(session: SessionObject): StatusLabel {
  const group = groupOf(session);
  switch (group) {
    case 'permission':
      return { icon: '!', words: 'Needs permission', tone: 'attention' };
    case 'question':
      return { icon: '?', words: 'Asks a question', tone: 'attention' };
    case 'error':
      return { icon: '✕', words: 'Error', tone: 'error' };
    case 'quiet':
      return session.status === 'no_signal' ? { icon: '◌', words: 'No signal from its hooks', tone: 'warning' } : { icon: '◔', words: 'Working, but quiet for long', tone: 'warning' };
    case 'working':
      return { icon: '●', words: 'Working', tone: 'busy' };
    case 'idle':
      return { icon: '○', words: 'Idle', tone: 'calm' };
    case 'ended':
      return session.status === 'terminated' ? { icon: '■', words: `Terminated${session.terminatedReason ? ` (${session.terminatedReason})` : ''}`, tone: 'ended' } : { icon: '■', words: 'Exited', tone: 'ended' };
  }
}

/** What the session waits for, in one line: the tool and its command, or the question; else its last error. */
export function askText(session: SessionObject): string | null {
  const request = session.openRequest;
  if (request) {
    if (request.kind === 'question') return request.detail ?? 'a question (no text reported)';
    return [request.tool, request.detail].filter(Boolean).join(': ') || 'a permission (no details reported)';
  }
  return null;
}
