/**
 * The one poll loop of the CLI: asks `probe` until it gives a value or the time is up. Commands
 * that wait for something another process does (a hook to arrive, a process to die, a file to
 * appear) call this instead of writing their own loop. The probe may throw to stop early.
 */
export async function pollUntil<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  options: { intervalMs: number } & ({ timeoutMs: number } | { deadline: number }),
): Promise<T | undefined> {
  const deadline = 'deadline' in options ? options.deadline : Date.now() + options.timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
  }
}
