// ao-managed-plugin v1: written by ao; ao may overwrite or delete this file
// Reports what this OpenCode is doing (working, waiting for you, idle) to ao. Remove it with ao's uninstall command.
// @ts-check
// Type-checked as code (tsconfig.plugin.json, part of the package's build); it imports nothing but Node.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// Where the reports go. `ao spawn` loads this file as it ships, by path, and hands these over as the
// plugin's options; a copy `ao register` writes into a project carries them here instead.
/** @type {string | null} */
const AO_COMMAND = null;
/** @type {string | null} */
const AO_SESSION = null;
/** @type {string | null} */
const AO_HOME = null;
/** @type {boolean} */
const LAUNCHED_BY_AO = false;

/**
 * @typedef {object} Settings
 * @property {string | null} aoCommand the ao launcher the reports run
 * @property {string | null} session the session a project copy reports for (`--session`)
 * @property {string | null} home the AO_HOME that copy reports to (`--home`)
 * @property {boolean} launchedByAo loaded by `ao spawn` (reports only inside its session)
 * @property {string[]} unsetEnv variables ao set only for OpenCode's start
 */


/**
 * @typedef {{ input: number, output: number, cacheRead: number, cost: number, model: string | null }} MessageUsage
 */

/**
 * What each session's assistant messages have spent, as OpenCode reports them on `message.updated`
 * (`tokens`, `cost`, `modelID`; several updates per message, the last one counts): kept per
 * message in memory, summed only when a turn ends. No process, no file: a few map writes per event.
 */
function usageTally() {
  /** @type {Map<string, Map<string, MessageUsage>>} */
  const bySession = new Map();
  /** @param {unknown} value */
  const number = (value) => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0);
  return {
    /** @param {any} info a `message.updated` event's message info, of any shape */
    note(info) {
      if (!info || info.role !== 'assistant' || !info.tokens || typeof info.sessionID !== 'string' || typeof info.id !== 'string') return;
      let messages = bySession.get(info.sessionID);
      if (!messages) bySession.set(info.sessionID, (messages = new Map()));
      const cache = info.tokens.cache || {};
      messages.set(info.id, {
        // ao's input: everything sent uncached, cache writes included.
        input: number(info.tokens.input) + number(cache.write),
        output: number(info.tokens.output) + number(info.tokens.reasoning),
        cacheRead: number(cache.read),
        cost: number(info.cost),
        model: typeof info.modelID === 'string' ? info.modelID : null,
      });
    },
    /**
     * @param {unknown} sessionID
     * @param {Record<string, unknown>} payload
     */
    attach(sessionID, payload) {
      const messages = typeof sessionID === 'string' ? bySession.get(sessionID) : undefined;
      if (!messages || messages.size === 0) return;
      /** @type {{ model: string | null, inputTokens: number, outputTokens: number, cacheReadTokens: number, costUsd: number }} */
      const total = { model: null, inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, costUsd: 0 };
      for (const message of messages.values()) {
        total.inputTokens += message.input;
        total.outputTokens += message.output;
        total.cacheReadTokens += message.cacheRead;
        total.costUsd += message.cost;
        if (message.model !== null) total.model = message.model;
      }
      payload.aoUsage = total;
    },
  };
}
/**
 * `report(type, sessionID, payload, dedupKey)`.
 * @typedef {(type: string, sessionID: unknown, payload: Record<string, unknown>, dedupKey?: string) => void} Report
 */

// Exactly the bus events ao's OpenCode adapter derives from (a test holds the two equal).
const BUS_EVENTS = new Set([
  'session.created',
  'session.status',
  'session.idle',
  'session.error',
  'permission.asked',
  'permission.replied',
  'question.asked',
  'question.replied',
  'question.rejected',
]);

/**
 * The settings: a project copy's own, else the options `ao spawn` passed (`aoCommand`,
 * `launchedByAo`, `unsetEnv`).
 * @param {unknown} options
 * @returns {Settings}
 */
function settingsFrom(options) {
  if (AO_COMMAND !== null) return { aoCommand: AO_COMMAND, session: AO_SESSION, home: AO_HOME, launchedByAo: LAUNCHED_BY_AO, unsetEnv: [] };
  /** @type {Record<string, unknown>} */
  const given = options && typeof options === 'object' ? /** @type {Record<string, unknown>} */ (options) : {};
  return {
    aoCommand: typeof given.aoCommand === 'string' ? given.aoCommand : null,
    session: null,
    home: null,
    launchedByAo: given.launchedByAo === true,
    unsetEnv: Array.isArray(given.unsetEnv) ? given.unsetEnv.filter((name) => typeof name === 'string') : [],
  };
}

/**
 * Forwards only the events ao derives from, each by a synchronous `spawnSync` of
 * `ao hooks opencode <type>` with the JSON on stdin: synchronous keeps events in order (an async
 * spawn does not), and costs OpenCode a few milliseconds per event, so consecutive identical
 * `session.status` values (busy fires many times per turn) are skipped. Silent when the ao command
 * is missing; every path is inside try/catch so nothing can throw into OpenCode.
 */
/**
 * @param {{ directory?: string } | undefined} ctx what OpenCode passes a plugin (only its directory is read)
 * @param {unknown} options the plugin's options from OpenCode's config
 */
export const AoPlugin = async (ctx, options) => {
  /** @type {Report} */
  let report = () => {};
  try {
    const settings = settingsFrom(options);
    // Variables ao set only for OpenCode's start (its npm client's, docs/harnesses/opencode.md,
    // "The npm install"): gone before OpenCode runs a tool, an MCP server or a shell.
    for (const name of settings.unsetEnv) delete process.env[name];
    const inAoSession = typeof process.env.AO_SESSION_ID === 'string' && process.env.AO_SESSION_ID !== '';
    // A spawned agent reports through its launch's plugin; a project's copy stands aside there unless it names its session.
    const active = settings.launchedByAo ? inAoSession : settings.session !== null || !inAoSession;
    if (active && settings.aoCommand !== null && existsSync(settings.aoCommand)) {
      report = reporter(settings.aoCommand, settings);
    }
  } catch {
    report = () => {};
  }
  report('plugin.init', undefined, { type: 'plugin.init', properties: { directory: ctx && ctx.directory } });
  /** @type {Set<unknown>} */
  const subagentSessions = new Set();
  const usage = usageTally();
  /** @param {unknown} value */
  const text = (value) => (typeof value === 'string' ? value.slice(0, 4096) : undefined);
  /** @param {any} input a tool hook's input: only its tool, session and call ids are sent */
  const toolInput = (input) => (input ? { tool: input.tool, sessionID: input.sessionID, callID: input.callID } : input);
  /**
   * @param {unknown} sessionID
   * @param {Record<string, unknown>} payload
   */
  const markSubagent = (sessionID, payload) => {
    if (typeof sessionID === 'string' && subagentSessions.has(sessionID)) payload.aoSubagent = true;
    return payload;
  };
  return {
    /** @param {any} input `{ event }` of OpenCode's bus, of any shape */
    event: async (input) => {
      try {
        const event = input && input.event;
        if (!event || typeof event.type !== 'string') return;
        const properties = event.properties || {};
        const info = properties.info;
        if ((event.type === 'session.created' || event.type === 'session.updated') && info && info.parentID) {
          subagentSessions.add(info.id);
          return;
        }
        if (event.type === 'message.updated') {
          usage.note(info);
          return;
        }
        if (!BUS_EVENTS.has(event.type)) return;
        const status = event.type === 'session.status' && properties.status ? String(properties.status.type) : undefined;
        const payload = markSubagent(properties.sessionID, { type: event.type, properties });
        // A turn's end carries what the session has spent so far (ao reads it then, docs/harnesses/opencode.md).
        if (event.type === 'session.idle' || status === 'idle') usage.attach(properties.sessionID, payload);
        report(event.type, properties.sessionID, payload, status === undefined ? undefined : `session.status:${status}`);
      } catch {
        // never into OpenCode
      }
    },
    /**
     * @param {any} input
     * @param {any} output
     */
    'chat.message': async (input, output) => {
      try {
        const parts = output && Array.isArray(output.parts) ? output.parts.filter((/** @type {any} */ part) => part && part.type === 'text').map((/** @type {any} */ part) => ({ type: 'text', text: text(part.text) })) : [];
        const sessionID = input && input.sessionID;
        report('chat.message', sessionID, markSubagent(sessionID, { type: 'chat.message', input, output: { message: output && output.message, parts } }));
      } catch {
        // never into OpenCode
      }
    },
    /** @param {any} input */
    'tool.execute.before': async (input) => {
      try {
        const sessionID = input && input.sessionID;
        report('tool.execute.before', sessionID, markSubagent(sessionID, { type: 'tool.execute.before', input: toolInput(input) }));
      } catch {
        // never into OpenCode
      }
    },
    /**
     * @param {any} input
     * @param {any} output
     */
    'tool.execute.after': async (input, output) => {
      try {
        const sessionID = input && input.sessionID;
        report('tool.execute.after', sessionID, markSubagent(sessionID, { type: 'tool.execute.after', input: toolInput(input), output: { title: text(output && output.title) } }));
      } catch {
        // never into OpenCode
      }
    },
  };
};

/**
 * `report(type, sessionID, payload, dedupKey)`: one `ao hooks opencode <type>` run, unless it repeats the session's last status.
 * @param {string} aoCommand the ao launcher, known to exist
 * @param {Settings} settings
 * @returns {Report}
 */
function reporter(aoCommand, settings) {
  /** @type {Map<string, string>} */
  const lastReported = new Map();
  /** @param {string} type */
  const args = (type) => [
    'hooks',
    'opencode',
    type,
    ...(settings.session !== null ? ['--session', settings.session] : []),
    ...(settings.session !== null && settings.home !== null ? ['--home', settings.home] : []),
  ];
  return (type, sessionID, payload, dedupKey) => {
    try {
      const key = typeof sessionID === 'string' ? sessionID : '';
      if (dedupKey !== undefined && lastReported.get(key) === dedupKey) return;
      lastReported.set(key, dedupKey === undefined ? type : dedupKey);
      spawnSync(aoCommand, args(type), { input: JSON.stringify(payload), stdio: ['pipe', 'ignore', 'ignore'], timeout: 5000 });
    } catch {
      // never into OpenCode
    }
  };
}
