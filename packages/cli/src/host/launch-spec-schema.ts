import { z } from 'zod';
import { readJsonFile } from '../validated-json.js';

/**
 * Everything the session host needs to start and supervise one launch; written by `ao spawn`,
 * read by the host (another process): checked on reading. Only the host and `ao spawn` load this
 * module (it imports zod); others import the type from launch-spec.ts.
 */
const launchSpecSchema = z.object({
  sessionId: z.string().min(1),
  launchId: z.string().min(1),
  harness: z.string().min(1),
  command: z.string().min(1),
  args: z.array(z.string()),
  cwd: z.string(),
  /** Environment additions on top of the host's own environment. */
  env: z.record(z.string(), z.string()),
  aoHome: z.string().min(1),
  /** Directory of this installation's `ao` launcher: put first on the agent's PATH. */
  aoBinDir: z.string(),
  /** Sends wait until the harness has been up this long (OpenCode ignores input for ~4 s). */
  inputReadyDelayMs: z.number().nonnegative(),
  /** A regular expression source: the screen shows it once the harness takes input; null if none known. */
  inputReadyPattern: z.string().nullable(),
  cols: z.number().int().positive(),
  rows: z.number().int().positive(),
  /** The user's umask when they ran `ao spawn`: the agent runs under it, ao's own processes under 077. */
  userUmask: z.number().int().min(0).max(0o777),
});

export type LaunchSpec = z.infer<typeof launchSpecSchema>;

export function readLaunchSpec(path: string): LaunchSpec {
  return readJsonFile(path, launchSpecSchema, 'invalid_launch_spec', 'the launch spec');
}
