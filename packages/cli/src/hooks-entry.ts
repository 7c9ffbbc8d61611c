import { captureSignal, findHookFirer, resolveAoHome } from '@ao/lifecycle/capture';

/** `ao hooks <harness> <event> [--session ID] [--home DIR]` on the Node path: capture, exit 0, print nothing. */
export function runHookCapture(args: string[]): void {
  const aoHome = resolveAoHome();
  try {
    // The launcher execs Node in its own process: our parent is whoever ran the hook command.
    captureSignal({ args, env: process.env, aoHome, findFirer: () => findHookFirer(process.ppid) });
  } catch {
    // captureSignal does not throw; this guard keeps the exit-0 promise even if it someday does.
  }
  process.exitCode = 0;
}
