/** Checkpoints of a work tree taken before risky tool calls, and restoring them: docs/checkpoints.md. */
export type { Checkpoint } from './checkpoint.js';
export { CHECKPOINT_REFS } from './checkpoint-ref.js';
export { takeCheckpoint, type TakeCheckpointOptions } from './take-checkpoint.js';
export { listCheckpoints } from './list-checkpoints.js';
