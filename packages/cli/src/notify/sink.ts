import type { Priority } from './notification-kinds.js';
import type { OutgoingMessage } from './notification-text.js';
import type { SinkId } from './notification-store.js';

/** How one send went. `permanent`: sending the same again cannot succeed (the receiver refused it). */
export type DeliveryResult = { ok: true } | { ok: false; error: string; permanent: boolean };

/** Somewhere notifications go: the desktop, or one configured webhook. */
export interface Sink {
  id: SinkId;
  /** What to name it to a user: the webhook's URL, or the desktop command. */
  target: string;
  /** Only notifications at least this loud are sent to it. */
  minPriority: Priority;
  send(outgoing: OutgoingMessage, stop: AbortSignal): Promise<DeliveryResult>;
}

/** How long one send may take before it counts as failed. */
export const SEND_TIMEOUT_MS = 5000;
