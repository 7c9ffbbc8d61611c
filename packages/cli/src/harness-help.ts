import type { Command, Option } from 'commander';
import type { AdapterRegistry } from '@ao/registry';

/**
 * The options naming a harness (`--agent`, `--harness`) list the registry's ids in their help,
 * so a new adapter appears there by being registered (packages/cli/src/adapters.ts) and no help
 * text repeats the list. The registry is loaded only when the help can be shown: `--help`,
 * `help`, or a command that takes a harness (commander prints its help after a usage error);
 * `ao status` and the like do not pay for loading the adapters to build a help nobody reads.
 */
const HARNESS_OPTIONS = new Set(['--agent', '--harness']);
const HARNESS_LIST_PLACEHOLDER = '<harness ids>';

/** The help of an option naming a harness, before listHarnessesInHelp fills in the ids. */
export const HARNESS_OPTION_HELP = `${HARNESS_LIST_PLACEHOLDER} (aliases allowed)`;

function harnessOptions(command: Command): Option[] {
  return [...command.options.filter((option) => option.long !== undefined && HARNESS_OPTIONS.has(option.long)), ...command.commands.flatMap(harnessOptions)];
}

/** Whether this command line may print a help listing harnesses. */
export function mayShowHarnessHelp(program: Command, args: readonly string[]): boolean {
  if (args[0] === 'help' || args.includes('--help') || args.includes('-h')) return true;
  const invoked = program.commands.find((command) => command.name() === args[0] || command.aliases().includes(args[0] ?? ''));
  return invoked !== undefined && harnessOptions(invoked).length > 0;
}

/** Writes the registry's ids into every harness option's help: `claude-code, codex, opencode or demo`. */
export function listHarnessesInHelp(program: Command, registry: AdapterRegistry): void {
  const ids = registry.ids();
  const list = ids.length <= 1 ? ids.join('') : `${ids.slice(0, -1).join(', ')} or ${ids.at(-1)}`;
  for (const option of harnessOptions(program)) option.description = option.description.replace(HARNESS_LIST_PLACEHOLDER, list);
}
