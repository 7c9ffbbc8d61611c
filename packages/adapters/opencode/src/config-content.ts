import { HookInstallError } from '@ao/registry';

/** A plugin as OpenCode's config lists it: its specifier and the options its function receives. */
export type PluginEntry = [specifier: string, options: Record<string, unknown>];

/**
 * `OPENCODE_CONFIG_CONTENT` for an OpenCode ao starts: OpenCode merges it over the user's config
 * files, so ao's plugin is loaded in addition to theirs, and no config dir is added (a config dir
 * would be one more npm install: npm-install-trap.ts). A value the user set themselves keeps all it
 * says and gains ao's plugin. Pure.
 */
export function configContentWithPlugin(userContent: string | undefined, plugin: PluginEntry): string {
  if (userContent === undefined || userContent.trim() === '') return JSON.stringify({ plugin: [plugin] });
  let config: unknown;
  try {
    config = JSON.parse(userContent);
  } catch {
    config = undefined;
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new HookInstallError(
      'malformed_file',
      'OPENCODE_CONFIG_CONTENT in your environment is not a JSON object (comments are not read here), so ao cannot add its plugin to it: make it plain JSON, or unset it for ao spawn.',
    );
  }
  const own = (config as { plugin?: unknown }).plugin;
  return JSON.stringify({ ...config, plugin: [...(Array.isArray(own) ? own : []), plugin] });
}
