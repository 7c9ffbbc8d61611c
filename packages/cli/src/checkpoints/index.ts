/** Checkpoints of a work tree taken before risky tool calls, and restoring them: docs/checkpoints.md. */
export type { Checkpoint, RestoreResult } from './checkpoint.js';
export { CHECKPOINT_REFS } from './checkpoint-ref.js';
export { ChangesSinceCheckpointError } from './changes-since-checkpoint.js';
export { takeCheckpoint, type TakeCheckpointOptions } from './take-checkpoint.js';
export { listCheckpoints } from './list-checkpoints.js';
export { restoreCheckpoint, type RestoreOptions } from './restore-checkpoint.js';
export { planRestore, parseTreeChanges, plannedChanges, type RestorePlan, type TreeChange, type TreeChangeStatus } from './restore-plan.js';
