import type { ActivityState } from './activity-states.js';
import type { AoEvent } from './ao-events.js';
import type { Facts } from './facts.js';

/**
 * What an adapter makes of one native signal: the AO event it counts as, the activity state it
 * implies (absent when it implies none, e.g. facts-only events or a malformed payload), and facts.
 */
export interface Derivation {
  event: AoEvent;
  state?: ActivityState;
  facts: Facts;
}

/** The part of an adapter the dispatcher needs. `null` means "not an event this adapter knows". */
export interface Deriver {
  readonly id: string;
  derive(event: string, payload: unknown): Derivation | null;
  /**
   * The harness's own event names (`PostToolUse`), each mapped to the event name `derive` takes
   * (`post-tool-use`): a hook a user wires by hand from the harness's docs must count too.
   */
  readonly eventAliases?: Readonly<Record<string, string>>;
}
