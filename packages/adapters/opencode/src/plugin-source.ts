import { FORWARDED_BUS_EVENTS } from './derivation-table.js';

/** First line of every plugin ao writes: what lets ao overwrite or delete it, and nothing else. */
export const PLUGIN_MARKER = '// ao-managed-plugin v1: written by ao; ao may overwrite or delete this file';
export const PLUGIN_MARKER_PREFIX = '// ao-managed-plugin ';

export function isAoPlugin(content: Buffer | string | undefined): boolean {
  return content !== undefined && content.toString().startsWith(PLUGIN_MARKER_PREFIX);
}

export interface PluginOptions {
  aoCommand: string;
  /**
   * `project`: written into a project by `ao register`; reports with `--session <sessionId>` and
   * `--home <aoHome>`, also inside an agent ao started there (ingestion tells which session's
   * agent fired it: docs/signal-path.md). `launch`: lives in ao's own config dir for `ao spawn`;
   * reports only when AO_SESSION_ID is set, which `ao hooks` then reads from the environment.
   */
  mode: 'project' | 'launch';
  sessionId?: string;
  /** The AO_HOME a project plugin reports to (with `sessionId`). */
  aoHome?: string;
}

/**
 * The plugin OpenCode loads. Plain JavaScript with no imports (Bun gives plugins `require`). It
 * forwards only the events derive knows, each by a synchronous `spawnSync` of
 * `ao hooks opencode <type>` with the JSON on stdin: synchronous keeps events in order (an async
 * spawn does not), and costs OpenCode a few milliseconds per event, so consecutive identical
 * `session.status` values (busy fires many times per turn) are skipped. Silent when the ao command
 * is missing; every path is inside try/catch so nothing can throw into OpenCode.
 */
export function renderOpencodePlugin(options: PluginOptions): string {
  const lines = [
    PLUGIN_MARKER,
    '// Reports what this OpenCode is doing (working, waiting for you, idle) to ao. Remove it with ao\'s uninstall command.',
    `const AO_COMMAND = ${JSON.stringify(options.aoCommand)};`,
    `const AO_SESSION = ${options.mode === 'project' && options.sessionId ? JSON.stringify(options.sessionId) : 'null'};`,
    `const AO_HOME = ${options.mode === 'project' && options.sessionId && options.aoHome ? JSON.stringify(options.aoHome) : 'null'};`,
    `const LAUNCHED_BY_AO = ${options.mode === 'launch'};`,
    `const BUS_EVENTS = new Set(${JSON.stringify(FORWARDED_BUS_EVENTS)});`,
    '',
    'export const AoPlugin = async (ctx) => {',
    '  let spawnSync = null;',
    '  try {',
    '    const inAoSession = typeof process.env.AO_SESSION_ID === "string" && process.env.AO_SESSION_ID !== "";',
    '    if ((LAUNCHED_BY_AO ? inAoSession : AO_SESSION !== null || !inAoSession) && require("fs").existsSync(AO_COMMAND)) {',
    '      spawnSync = require("child_process").spawnSync;',
    '    }',
    '  } catch (error) {',
    '    spawnSync = null;',
    '  }',
    '  const subagentSessions = new Set();',
    '  const lastReported = new Map();',
    '  const report = (type, sessionID, payload, dedupKey) => {',
    '    if (!spawnSync) return;',
    '    try {',
    '      const key = typeof sessionID === "string" ? sessionID : "";',
    '      if (dedupKey !== undefined && lastReported.get(key) === dedupKey) return;',
    '      lastReported.set(key, dedupKey === undefined ? type : dedupKey);',
    '      if (subagentSessions.has(key)) payload.aoSubagent = true;',
    '      const args = ["hooks", "opencode", type];',
    '      if (AO_SESSION) args.push("--session", AO_SESSION);',
    '      if (AO_SESSION && AO_HOME) args.push("--home", AO_HOME);',
    '      spawnSync(AO_COMMAND, args, { input: JSON.stringify(payload), stdio: ["pipe", "ignore", "ignore"], timeout: 5000 });',
    '    } catch (error) {}',
    '  };',
    '  report("plugin.init", undefined, { type: "plugin.init", properties: { directory: ctx && ctx.directory } });',
    '  const text = (value) => (typeof value === "string" ? value.slice(0, 4096) : undefined);',
    '  const toolInput = (input) => (input ? { tool: input.tool, sessionID: input.sessionID, callID: input.callID } : input);',
    '  return {',
    '    event: async (input) => {',
    '      try {',
    '        const event = input && input.event;',
    '        if (!spawnSync || !event || typeof event.type !== "string") return;',
    '        const properties = event.properties || {};',
    '        const info = properties.info;',
    '        if ((event.type === "session.created" || event.type === "session.updated") && info && info.parentID) {',
    '          subagentSessions.add(info.id);',
    '          return;',
    '        }',
    '        if (!BUS_EVENTS.has(event.type)) return;',
    '        const status = event.type === "session.status" && properties.status ? String(properties.status.type) : undefined;',
    '        report(event.type, properties.sessionID, { type: event.type, properties }, status === undefined ? undefined : "session.status:" + status);',
    '      } catch (error) {}',
    '    },',
    '    "chat.message": async (input, output) => {',
    '      try {',
    '        const parts = output && Array.isArray(output.parts) ? output.parts.filter((part) => part && part.type === "text").map((part) => ({ type: "text", text: text(part.text) })) : [];',
    '        report("chat.message", input && input.sessionID, { type: "chat.message", input, output: { message: output && output.message, parts } });',
    '      } catch (error) {}',
    '    },',
    '    "tool.execute.before": async (input) => {',
    '      try {',
    '        report("tool.execute.before", input && input.sessionID, { type: "tool.execute.before", input: toolInput(input) });',
    '      } catch (error) {}',
    '    },',
    '    "tool.execute.after": async (input, output) => {',
    '      try {',
    '        report("tool.execute.after", input && input.sessionID, { type: "tool.execute.after", input: toolInput(input), output: { title: text(output && output.title) } });',
    '      } catch (error) {}',
    '    },',
    '  };',
    '};',
    '',
  ];
  return lines.join('\n');
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
