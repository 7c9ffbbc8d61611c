import { captureSignal, resolveAoHome } from '@ao/lifecycle/capture';

/** `ao hooks <harness> <event> [--session ID]` on the Node path: capture, exit 0, print nothing. */
export function runHookCapture(args: string[]): void {
  const aoHome = resolveAoHome();
  try {
    captureSignal({ args, env: process.env, aoHome });
  } catch {
    // captureSignal does not throw; this guard keeps the exit-0 promise even if it someday does.
  }
  process.exitCode = 0;
}
