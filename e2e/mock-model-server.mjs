#!/usr/bin/env node
// Scripted mock model server for offline end-to-end runs of coding-agent CLIs.
//
// Plain Node ESM, no dependencies. Listens on 127.0.0.1 only (random free port by default) and speaks
// the three wire APIs the supported harnesses use:
//
//   Claude Code  Anthropic Messages, SSE     HEAD /            (Bun preflight to the base URL)
//                                            POST /v1/messages  (?beta=true)
//   Codex CLI    OpenAI Responses, SSE       POST /v1/responses
//   OpenCode     OpenAI Chat Completions     POST /v1/chat/completions (stream: true, or plain JSON)
//   Qwen Code    OpenAI Chat Completions     the same route; its tool names and background calls: mock-qwen-api.mjs
//   Gemini CLI   Gemini API                  POST /v1beta/models/<model>:streamGenerateContent|generateContent
//                                            (mock-gemini-api.mjs)
//
// Behaviour is scripted by the text of the LAST user message of each request (scenario "auto"):
//   * the last input item is a tool result            -> final text reply, turn ends
//   * the request carries no tools (title generation) -> short title text
//   * text contains MOCK_FAIL                         -> HTTP 400 error (MOCK_FAIL_500 -> HTTP 500)
//   * text contains MOCK_HANG                         -> no answer at all: the request stays open until the
//                                                        client goes away (a turn stuck on the model)
//   * text contains MOCK_ASK                          -> the harness's ask-the-user tool: Claude
//                                                        AskUserQuestion, Codex request_user_input, OpenCode
//                                                        question, Gemini ask_user (one question, options "Red" and "Blue")
//   * text contains MOCK_TOOL                         -> a shell tool call `touch mock_tool_ran.txt`
//                                                        (Claude: Bash, Codex: exec_command, OpenCode: bash);
//                                                        with MOCK_SLOW it first waits for mock_tool_release;
//                                                        with MOCK_ENV it first writes the shell's
//                                                        environment to mock_tool_env.txt;
//                                                        with MOCK_NESTED <dir> it is `cd <dir> && claude -p hi`
//                                                        (an agent that starts another agent)
//   * anything else                                   -> plain text reply
// Any request under /npm-registry/ is answered 503: a sandbox points npm there to be offline.
// Codex: when the request comes from the TUI (header `originator: codex-tui`) or the text contains
// MOCK_ESCALATE, the exec_command call asks for `sandbox_permissions: "require_escalated"` with a
// justification, so an `approval_policy = "on-request"` session opens an approval dialog. MOCK_SANDBOXED
// suppresses that (the command runs inside the sandbox, no dialog).
//
// A fixed scenario ("text" | "tool" | "fail") can be forced for every non-title request instead.
//
// Library use:
//   import { startMockModelServer } from "./mock-model-server.mjs";
//   const mock = await startMockModelServer({ scenario: "auto" });
//   // mock.port, mock.url ("http://127.0.0.1:<port>"), mock.requests (array of request records)
//   await mock.close();
//
// CLI use:
//   node e2e/mock-model-server.mjs --port 0 [--scenario auto] [--log requests.jsonl]
//   Prints the port on stdout (first line), then serves until SIGINT/SIGTERM.
//   MOCK_LOG=<file> also appends every request record as JSON lines.

import http from "node:http";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { isQwenRequest, isQwenTurn, qwenToolFunction } from "./mock-qwen-api.mjs";
import { gemini, isGeminiRequest } from "./mock-gemini-api.mjs";
import { MOCK_USAGE } from "./mock-usage.mjs";

export const TOOL_COMMAND = "touch mock_tool_ran.txt";
// The slow tool runs until the test has seen it in flight and creates mock_tool_release (at most
// 120 s): a condition, not a clock, so a loaded machine cannot make the test miss it.
export const TOOL_RELEASE_FILE = "mock_tool_release";
export const SLOW_TOOL_COMMAND = `for i in $(seq 600); do [ -e ${TOOL_RELEASE_FILE} ] && break; sleep 0.2; done; touch mock_tool_ran.txt`;
export const QUESTION = { question: "Which colour should the mock use?", header: "Colour", options: [{ label: "Red", description: "A warm colour" }, { label: "Blue", description: "A cool colour" }] };
export const REPLY_TEXT = "MOCK_REPLY: hello from the mock model.";
export const AFTER_TOOL_TEXT = "MOCK_REPLY: the tool ran, all done.";
export const TITLE_TEXT = "Mock session title";
export const FAIL_MESSAGE = "mock: forced failure";
export const ESCALATION_JUSTIFICATION = "Mock asks to run this outside the sandbox";
export { MOCK_USAGE } from "./mock-usage.mjs";

const SCENARIOS = new Set(["auto", "text", "tool", "fail"]);

/**
 * @param {{ scenario?: "auto"|"text"|"tool"|"fail", port?: number, log?: string, failStatus?: number }} [opts]
 * @returns {Promise<{ port: number, url: string, requests: object[], close: () => Promise<void> }>}
 */
export async function startMockModelServer(opts = {}) {
  const scenario = opts.scenario ?? "auto";
  if (!SCENARIOS.has(scenario)) throw new Error(`unknown scenario ${scenario}`);
  const logFile = opts.log ?? process.env.MOCK_LOG;
  const requests = [];
  const held = new Set();
  let counter = 0;
  const nextId = () => ++counter;

  const record = (entry) => {
    requests.push(entry);
    if (logFile) {
      try {
        fs.appendFileSync(logFile, JSON.stringify(entry) + "\n");
      } catch {
        /* logging must never break the server */
      }
    }
  };

  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let body = null;
      try {
        body = raw ? JSON.parse(raw) : null;
      } catch {
        body = null;
      }
      const url = new URL(req.url, "http://127.0.0.1");
      const entry = {
        at: new Date().toISOString(),
        method: req.method,
        path: url.pathname + url.search,
        headers: pickHeaders(req.headers),
        body,
        decision: null,
      };
      try {
        route(req, res, url, body, entry, { scenario, nextId, failStatus: opts.failStatus, held });
      } catch (err) {
        entry.decision = "internal-error";
        sendJson(res, 500, { error: { message: String(err && err.stack ? err.stack : err) } });
      }
      record(entry);
    });
  });

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", resolve);
  });
  const { port } = server.address();
  const sockets = new Set();
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        for (const res of held) res.destroy();
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function pickHeaders(h) {
  const keep = ["user-agent", "originator", "content-type", "anthropic-version", "anthropic-beta", "accept"];
  const out = {};
  for (const k of keep) if (h[k] !== undefined) out[k] = h[k];
  out.auth = h["authorization"] ? "bearer" : h["x-api-key"] ? "x-api-key" : "none";
  return out;
}

// ---------------------------------------------------------------------------------------------
// Routing and decisions

function route(req, res, url, body, entry, ctx) {
  const p = url.pathname;
  if (req.method === "HEAD" || (req.method === "GET" && p === "/")) {
    entry.decision = "preflight";
    res.writeHead(200, { "content-type": "text/plain" });
    res.end(req.method === "HEAD" ? undefined : "mock model server\n");
    return;
  }
  if (p.startsWith("/npm-registry/")) {
    // An npm registry that cannot be reached, as offline: npm retries a 503 like a refused connection.
    entry.decision = "npm-registry";
    sendJson(res, 503, { error: "mock: no npm registry here" });
    return;
  }
  if (req.method === "GET" && /\/models\/?$/.test(p)) {
    entry.decision = "models";
    sendJson(res, 200, { object: "list", data: [], models: [] });
    return;
  }
  if (req.method === "POST" && /\/v1\/messages$/.test(p)) return anthropic(res, body, entry, ctx);
  if (req.method === "POST" && /\/v1\/responses$/.test(p)) return responses(req, res, body, entry, ctx);
  if (req.method === "POST" && /\/v1\/chat\/completions$/.test(p)) return chat(res, body, entry, ctx, req.headers);
  if (isGeminiRequest(req, url)) return gemini(req, res, url, body, entry, ctx, GEMINI_HELPERS);
  entry.decision = "not-found";
  sendJson(res, 404, { error: { message: `mock: no route for ${req.method} ${p}` } });
}

/** Common decision from (has tools, last input is a tool result, last user text). */
function decide({ hasTools, afterTool, text }, ctx) {
  if (afterTool) return "after-tool";
  if (!hasTools) return "title";
  if (ctx.scenario === "text") return "text";
  if (ctx.scenario === "tool") return "tool";
  if (ctx.scenario === "fail") return "fail";
  if (text.includes("MOCK_FAIL")) return "fail";
  if (text.includes("MOCK_HANG")) return "hang";
  if (text.includes("MOCK_ASK")) return "ask";
  if (text.includes("MOCK_TOOL")) return "tool";
  return "text";
}

function failStatus(text, ctx) {
  if (ctx.failStatus) return ctx.failStatus;
  return text.includes("MOCK_FAIL_500") ? 500 : 400;
}

function textOf(content) {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((b) => (typeof b === "string" ? b : typeof b?.text === "string" ? b.text : ""))
    .join("\n");
}

/** A turn stuck on the model: the request is never answered (closed when the client or the server goes). */
function hold(res, ctx) {
  ctx.held.add(res);
  res.on("close", () => ctx.held.delete(res));
}

const NESTED_DIR = /MOCK_NESTED (\/[A-Za-z0-9._\/-]+)/;
const toolCommand = (text) => {
  const nested = NESTED_DIR.exec(text);
  if (nested) return `cd '${nested[1]}' && claude -p hi`;
  const command = text.includes("MOCK_SLOW") ? SLOW_TOOL_COMMAND : TOOL_COMMAND;
  return text.includes("MOCK_ENV") ? command.replace(/touch /, "env > mock_tool_env.txt && touch ") : command;
};

// What the Gemini shape (mock-gemini-api.mjs) shares with the others.
const GEMINI_HELPERS = { decide, failStatus, hold, toolCommand, sendJson, startSse, SLOW_TOOL_COMMAND, QUESTION, REPLY_TEXT, AFTER_TOOL_TEXT, TITLE_TEXT, FAIL_MESSAGE };

function sendJson(res, status, obj) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(obj));
}

function startSse(res) {
  res.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    connection: "keep-alive",
  });
}

// ---------------------------------------------------------------------------------------------
// Anthropic Messages (Claude Code)

function anthropic(res, body, entry, ctx) {
  const messages = Array.isArray(body?.messages) ? body.messages : [];
  const lastUser = [...messages].reverse().find((m) => m.role === "user");
  const blocks = Array.isArray(lastUser?.content) ? lastUser.content : [];
  const afterTool = blocks.some((b) => b?.type === "tool_result");
  const text = textOf(lastUser?.content);
  const hasTools = Array.isArray(body?.tools) && body.tools.length > 0;
  const d = decide({ hasTools, afterTool, text }, ctx);
  entry.decision = d;
  const model = body?.model ?? "mock-model";

  if (d === "fail") {
    const status = failStatus(text, ctx);
    entry.decision = `fail-${status}`;
    sendJson(res, status, {
      type: "error",
      error: { type: status >= 500 ? "api_error" : "invalid_request_error", message: FAIL_MESSAGE },
    });
    return;
  }

  if (d === "hang") return hold(res, ctx);

  const n = ctx.nextId();
  const content =
    d === "tool"
      ? [
          {
            type: "tool_use",
            id: `toolu_mock_${n}`,
            name: "Bash",
            input: { command: toolCommand(text), description: "Mock tool call" },
          },
        ]
      : d === "ask"
      ? [{ type: "tool_use", id: `toolu_mock_${n}`, name: "AskUserQuestion", input: { questions: [{ ...QUESTION, multiSelect: false }] } }]
      : [{ type: "text", text: d === "title" ? TITLE_TEXT : d === "after-tool" ? AFTER_TOOL_TEXT : REPLY_TEXT }];
  const stopReason = d === "tool" || d === "ask" ? "tool_use" : "end_turn";
  const usage = {
    input_tokens: MOCK_USAGE.inputTokens,
    output_tokens: MOCK_USAGE.outputTokens,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: MOCK_USAGE.cacheReadTokens,
  };
  const msgId = `msg_mock_${n}`;

  if (body?.stream !== true) {
    sendJson(res, 200, {
      id: msgId,
      type: "message",
      role: "assistant",
      model,
      content,
      stop_reason: stopReason,
      stop_sequence: null,
      usage,
    });
    return;
  }

  startSse(res);
  const ev = (name, data) => res.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
  ev("message_start", {
    type: "message_start",
    message: {
      id: msgId,
      type: "message",
      role: "assistant",
      model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { ...usage, output_tokens: 1 },
    },
  });
  const block = content[0];
  if (block.type === "tool_use") {
    ev("content_block_start", {
      type: "content_block_start",
      index: 0,
      content_block: { type: "tool_use", id: block.id, name: block.name, input: {} },
    });
    ev("ping", { type: "ping" });
    ev("content_block_delta", {
      type: "content_block_delta",
      index: 0,
      delta: { type: "input_json_delta", partial_json: JSON.stringify(block.input) },
    });
  } else {
    ev("content_block_start", { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } });
    ev("ping", { type: "ping" });
    ev("content_block_delta", { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: block.text } });
  }
  ev("content_block_stop", { type: "content_block_stop", index: 0 });
  ev("message_delta", {
    type: "message_delta",
    delta: { stop_reason: stopReason, stop_sequence: null },
    usage: { output_tokens: usage.output_tokens },
  });
  ev("message_stop", { type: "message_stop" });
  res.end();
}

// ---------------------------------------------------------------------------------------------
// OpenAI Responses (Codex CLI)

function responses(req, res, body, entry, ctx) {
  const input = Array.isArray(body?.input) ? body.input : [];
  const last = input[input.length - 1];
  const afterTool = last?.type === "function_call_output" || last?.type === "custom_tool_call_output";
  const lastUser = [...input].reverse().find((i) => (i?.type === "message" || !i?.type) && i?.role === "user");
  const text = textOf(lastUser?.content);
  const hasTools = Array.isArray(body?.tools) && body.tools.length > 0;
  const d = decide({ hasTools, afterTool, text }, ctx);
  entry.decision = d;
  const model = body?.model ?? "mock-model";

  if (d === "fail") {
    const status = failStatus(text, ctx);
    entry.decision = `fail-${status}`;
    sendJson(res, status, {
      error: { message: FAIL_MESSAGE, type: status >= 500 ? "server_error" : "invalid_request_error", code: null },
    });
    return;
  }

  if (d === "hang") return hold(res, ctx);

  const n = ctx.nextId();
  const respId = `resp_mock_${n}`;
  let item;
  if (d === "ask") {
    item = {
      type: "function_call",
      id: `fc_mock_${n}`,
      call_id: `call_mock_${n}`,
      name: "request_user_input",
      arguments: JSON.stringify({ questions: [{ id: "colour", ...QUESTION }] }),
      status: "completed",
    };
  } else if (d === "tool") {
    const escalate = (req.headers["originator"] === "codex-tui" || text.includes("MOCK_ESCALATE")) && !text.includes("MOCK_SANDBOXED");
    const args = escalate
      ? { cmd: toolCommand(text), sandbox_permissions: "require_escalated", justification: ESCALATION_JUSTIFICATION }
      : { cmd: toolCommand(text) };
    if (escalate) entry.decision = "tool-escalated";
    item = {
      type: "function_call",
      id: `fc_mock_${n}`,
      call_id: `call_mock_${n}`,
      name: "exec_command",
      arguments: JSON.stringify(args),
      status: "completed",
    };
  } else {
    const t = d === "title" ? TITLE_TEXT : d === "after-tool" ? AFTER_TOOL_TEXT : REPLY_TEXT;
    item = {
      type: "message",
      id: `msg_mock_${n}`,
      role: "assistant",
      status: "completed",
      content: [{ type: "output_text", text: t, annotations: [] }],
    };
  }

  startSse(res);
  let seq = 0;
  const ev = (name, data) =>
    res.write(`event: ${name}\ndata: ${JSON.stringify({ type: name, sequence_number: seq++, ...data })}\n\n`);
  const base = { id: respId, object: "response", created_at: Math.floor(Date.now() / 1000), model, output: [] };
  ev("response.created", { response: { ...base, status: "in_progress" } });
  ev("response.in_progress", { response: { ...base, status: "in_progress" } });
  if (item.type === "function_call") {
    ev("response.output_item.added", { output_index: 0, item: { ...item, arguments: "", status: "in_progress" } });
    ev("response.function_call_arguments.delta", { output_index: 0, item_id: item.id, delta: item.arguments });
    ev("response.function_call_arguments.done", { output_index: 0, item_id: item.id, arguments: item.arguments });
  } else {
    const t = item.content[0].text;
    ev("response.output_item.added", { output_index: 0, item: { ...item, content: [], status: "in_progress" } });
    ev("response.content_part.added", {
      output_index: 0,
      item_id: item.id,
      content_index: 0,
      part: { type: "output_text", text: "", annotations: [] },
    });
    ev("response.output_text.delta", { output_index: 0, item_id: item.id, content_index: 0, delta: t });
    ev("response.output_text.done", { output_index: 0, item_id: item.id, content_index: 0, text: t });
    ev("response.content_part.done", { output_index: 0, item_id: item.id, content_index: 0, part: item.content[0] });
  }
  ev("response.output_item.done", { output_index: 0, item });
  ev("response.completed", {
    response: {
      ...base,
      status: "completed",
      output: [item],
      usage: {
        input_tokens: MOCK_USAGE.inputTokens + MOCK_USAGE.cacheReadTokens,
        input_tokens_details: { cached_tokens: MOCK_USAGE.cacheReadTokens },
        output_tokens: MOCK_USAGE.outputTokens,
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: MOCK_USAGE.inputTokens + MOCK_USAGE.cacheReadTokens + MOCK_USAGE.outputTokens,
      },
    },
  });
  res.end();
}

// ---------------------------------------------------------------------------------------------
// OpenAI Chat Completions (OpenCode via @ai-sdk/openai-compatible)

function chat(res, body, entry, ctx, headers) {
  const qwen = isQwenRequest(headers);
  const messages = Array.isArray(body?.messages) ? body.messages : [];
  const last = messages[messages.length - 1];
  const afterTool = last?.role === "tool";
  const lastUser = [...messages].reverse().find((m) => m.role === "user");
  const text = textOf(lastUser?.content);
  const hasTools = Array.isArray(body?.tools) && body.tools.length > 0;
  // Qwen's background calls (memory extraction, suggestions) get plain text: mock-qwen-api.mjs.
  const d = qwen && !afterTool && !isQwenTurn(body) ? "background" : decide({ hasTools, afterTool, text }, ctx);
  entry.decision = d;
  const model = body?.model ?? "mock-model";

  if (d === "fail") {
    const status = failStatus(text, ctx);
    entry.decision = `fail-${status}`;
    sendJson(res, status, {
      error: { message: FAIL_MESSAGE, type: status >= 500 ? "server_error" : "invalid_request_error", code: null },
    });
    return;
  }

  if (d === "hang") return hold(res, ctx);

  const n = ctx.nextId();
  const id = `chatcmpl-mock-${n}`;
  const created = Math.floor(Date.now() / 1000);
  // Qwen's background calls (memory extraction, suggestions) spend nothing: whether one is written down
  // before or after the turn's end is a race, and the totals e2e asserts must not depend on it.
  const spent = d === "background" ? { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0 } : MOCK_USAGE;
  const usage = {
    prompt_tokens: spent.inputTokens + spent.cacheReadTokens,
    completion_tokens: spent.outputTokens,
    total_tokens: spent.inputTokens + spent.cacheReadTokens + spent.outputTokens,
    prompt_tokens_details: { cached_tokens: spent.cacheReadTokens },
  };
  const toolCall = {
    index: 0,
    id: `call_mock_${n}`,
    type: "function",
    function: qwen
      ? qwenToolFunction(d, toolCommand(text), QUESTION)
      : d === "ask"
        ? { name: "question", arguments: JSON.stringify({ questions: [QUESTION] }) }
        : { name: "bash", arguments: JSON.stringify({ command: toolCommand(text), description: "Mock tool call" }) },
  };
  const t = d === "title" ? TITLE_TEXT : d === "after-tool" ? AFTER_TOOL_TEXT : REPLY_TEXT;

  if (body?.stream !== true) {
    const message =
      d === "tool" || d === "ask"
        ? { role: "assistant", content: null, tool_calls: [{ ...toolCall, index: undefined }] }
        : { role: "assistant", content: t };
    sendJson(res, 200, {
      id,
      object: "chat.completion",
      created,
      model,
      choices: [{ index: 0, message, finish_reason: d === "tool" || d === "ask" ? "tool_calls" : "stop" }],
      usage,
    });
    return;
  }

  startSse(res);
  const chunk = (choice, extra = {}) =>
    res.write(
      `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: choice ? [choice] : [], ...extra })}\n\n`,
    );
  if (d === "tool" || d === "ask") {
    chunk({ index: 0, delta: { role: "assistant", content: null, tool_calls: [toolCall] }, finish_reason: null });
    chunk({ index: 0, delta: {}, finish_reason: "tool_calls" });
  } else {
    chunk({ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null });
    chunk({ index: 0, delta: { content: t }, finish_reason: null });
    chunk({ index: 0, delta: {}, finish_reason: "stop" });
  }
  chunk(null, { usage });
  res.write("data: [DONE]\n\n");
  res.end();
}

// ---------------------------------------------------------------------------------------------
// CLI

function parseArgs(argv) {
  const out = { port: 0, scenario: "auto", log: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--port") out.port = Number(argv[++i]);
    else if (a === "--scenario") out.scenario = argv[++i];
    else if (a === "--log") out.log = argv[++i];
    else if (a === "--help" || a === "-h") out.help = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write("usage: mock-model-server.mjs [--port N] [--scenario auto|text|tool|fail] [--log file]\n");
    process.exit(0);
  }
  const mock = await startMockModelServer(args);
  process.stdout.write(`${mock.port}\n`);
  const stop = async () => {
    await mock.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
