import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** First line of every plugin ao writes: what lets ao overwrite or delete it, and nothing else. */
export const PLUGIN_MARKER = '// ao-managed-plugin v1: written by ao; ao may overwrite or delete this file';
export const PLUGIN_MARKER_PREFIX = '// ao-managed-plugin ';

export function isAoPlugin(content: Buffer | string | undefined): boolean {
  return content !== undefined && content.toString().startsWith(PLUGIN_MARKER_PREFIX);
}

/**
 * ao's OpenCode plugin, `plugin/ao-plugin.js`, as this package ships it: a real ES module that
 * OpenCode loads. `ao spawn` has OpenCode load this very file by path, with its settings as the
 * plugin's options (launch-command.ts); `ao register` writes a copy with them filled in. Found
 * through the package's exports, so the bundled CLI finds it as well as the tests do.
 */
export function shippedPluginPath(): string {
  return createRequire(import.meta.url).resolve('@ao/adapter-opencode/plugin/ao-plugin.js');
}

let shippedText: string | undefined;
function shippedPluginText(): string {
  shippedText ??= readFileSync(shippedPluginPath(), 'utf8');
  return shippedText;
}

/** What a copy in a project reports with (`ao register`, docs/signal-path.md). */
export interface ProjectPluginOptions {
  aoCommand: string;
  /**
   * Reports with `--session <sessionId>` and `--home <aoHome>`, also inside an agent ao started
   * there (ingestion tells which session's agent fired it). Without it the copy reports only
   * outside ao's sessions, whose own plugin reports for them.
   */
  sessionId?: string;
  aoHome?: string;
}

/** Sets one `const NAME = null;` line of the shipped file; a file without exactly one is a broken build. */
function setConstant(text: string, name: string, value: string | null): string {
  const line = new RegExp(`^const ${name} = null;$`, 'm');
  if (!line.test(text)) throw new Error(`ao's OpenCode plugin file lacks the line "const ${name} = null;"`);
  return text.replace(line, `const ${name} = ${JSON.stringify(value)};`);
}

/** The copy `ao register` writes into `<project>/.opencode/plugins/ao.js`: the shipped file with its settings. */
export function renderOpencodePlugin(options: ProjectPluginOptions): string {
  let text = shippedPluginText();
  text = setConstant(text, 'AO_COMMAND', options.aoCommand);
  text = setConstant(text, 'AO_SESSION', options.sessionId ?? null);
  text = setConstant(text, 'AO_HOME', options.sessionId !== undefined ? (options.aoHome ?? null) : null);
  return text;
}

/** What a plugin file says about itself: the ao command and session it was written for. */
export function readPluginSettings(content: string): { aoCommand?: string; sessionId?: string; aoHome?: string } {
  const parse = (name: string): unknown => {
    const match = new RegExp(`^const ${name} = (.*);$`, 'm').exec(content);
    if (!match) return undefined;
    try {
      return JSON.parse(match[1]!);
    } catch {
      return undefined;
    }
  };
  const aoCommand = parse('AO_COMMAND');
  const sessionId = parse('AO_SESSION');
  const aoHome = parse('AO_HOME');
  return {
    ...(typeof aoCommand === 'string' ? { aoCommand } : {}),
    ...(typeof sessionId === 'string' ? { sessionId } : {}),
    ...(typeof aoHome === 'string' ? { aoHome } : {}),
  };
}
