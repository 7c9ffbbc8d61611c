// The Gemini API shape of the mock model server (Gemini CLI), hooked into mock-model-server.mjs:
//
//   POST /v1beta/models/<model>:streamGenerateContent?alt=sse   the turn (SSE, one chunk per answer)
//   POST /v1beta/models/<model>:generateContent                 side calls with a JSON schema (the
//                                                                model router, the next-speaker check)
//   POST /v1beta/models/<model>:countTokens                     a token count
//
// The same prompt keywords as the other shapes decide (see the top of mock-model-server.mjs):
// MOCK_TOOL (run_shell_command), MOCK_SLOW, MOCK_ENV, MOCK_ASK (ask_user), MOCK_HANG, MOCK_FAIL.
// Every answer reports MOCK_USAGE in `usageMetadata`.

/**
 * Gemini CLI refuses a shell command holding a command substitution (`$(seq 600)` in the shared
 * slow command): its slow tool waits for the same release file (at most 120 s) without one.
 */
export const GEMINI_SLOW_TOOL_COMMAND = "timeout 120 sh -c 'until [ -e mock_tool_release ]; do sleep 0.2; done'; touch mock_tool_ran.txt";

import { MOCK_USAGE } from "./mock-usage.mjs";

export { MOCK_USAGE };

const GEMINI_PATH = /^\/v1(?:beta|alpha)?\/models\/([^/:]+):(streamGenerateContent|generateContent|countTokens)$/;

/** True when this request is the Gemini API's. */
export function isGeminiRequest(req, url) {
  return req.method === "POST" && GEMINI_PATH.test(url.pathname);
}

/**
 * Answers one Gemini API request. `helpers` are the shared server's: decide, failStatus, hold,
 * toolCommand, sendJson, startSse and the reply texts.
 */
export function gemini(req, res, url, body, entry, ctx, helpers) {
  const [, model, method] = GEMINI_PATH.exec(url.pathname);
  if (method === "countTokens") {
    entry.decision = "count-tokens";
    helpers.sendJson(res, 200, { totalTokens: MOCK_USAGE.inputTokens });
    return;
  }
  const contents = Array.isArray(body?.contents) ? body.contents : [];
  const last = contents[contents.length - 1];
  const lastParts = Array.isArray(last?.parts) ? last.parts : [];
  const afterTool = lastParts.some((part) => part && typeof part === "object" && "functionResponse" in part);
  const lastUser = [...contents].reverse().find((c) => c?.role === "user" && Array.isArray(c.parts) && c.parts.some((p) => typeof p?.text === "string"));
  // The latest prompt is the last text part: Gemini sends the session context and the prompt as
  // parts of one user message, and after a denied tool call it drops the call and appends the next
  // prompt to the same message.
  const text = [...(lastUser?.parts ?? [])].reverse().find((p) => typeof p?.text === "string")?.text ?? "";
  const schema = body?.generationConfig?.responseJsonSchema ?? body?.generationConfig?.responseSchema;

  if (method === "generateContent" && schema) {
    // A side call (model router, next-speaker check): an answer that fits its schema, never a turn.
    entry.decision = "json";
    helpers.sendJson(res, 200, response(model, [{ text: JSON.stringify(fillSchema(schema)) }], "STOP"));
    return;
  }

  const hasTools = Array.isArray(body?.tools) && body.tools.some((t) => Array.isArray(t?.functionDeclarations) && t.functionDeclarations.length > 0);
  const d = helpers.decide({ hasTools, afterTool, text }, ctx);
  entry.decision = d;
  if (d === "fail") {
    const status = helpers.failStatus(text, ctx);
    entry.decision = `fail-${status}`;
    helpers.sendJson(res, status, { error: { code: status, message: helpers.FAIL_MESSAGE, status: status >= 500 ? "INTERNAL" : "INVALID_ARGUMENT" } });
    return;
  }
  if (d === "hang") return helpers.hold(res, ctx);

  const parts =
    d === "tool"
      ? [{ functionCall: { name: "run_shell_command", args: { command: shellCommand(text, helpers), description: "Mock tool call" } } }]
      : d === "ask"
        ? [{ functionCall: { name: "ask_user", args: { questions: [{ ...helpers.QUESTION, type: "choice", multiSelect: false }] } } }]
        : [{ text: d === "title" ? helpers.TITLE_TEXT : d === "after-tool" ? helpers.AFTER_TOOL_TEXT : helpers.REPLY_TEXT }];
  const answer = response(model, parts, "STOP");
  if (method === "generateContent") {
    helpers.sendJson(res, 200, answer);
    return;
  }
  helpers.startSse(res);
  res.write(`data: ${JSON.stringify(answer)}\r\n\r\n`);
  res.end();
}

function shellCommand(text, helpers) {
  const command = helpers.toolCommand(text);
  return command === helpers.SLOW_TOOL_COMMAND ? GEMINI_SLOW_TOOL_COMMAND : command;
}

function response(model, parts, finishReason) {
  return {
    candidates: [{ content: { role: "model", parts }, finishReason, index: 0 }],
    usageMetadata: {
      // Gemini counts cached tokens inside the prompt tokens.
      promptTokenCount: MOCK_USAGE.inputTokens,
      candidatesTokenCount: MOCK_USAGE.outputTokens,
      cachedContentTokenCount: MOCK_USAGE.cacheReadTokens,
      totalTokenCount: MOCK_USAGE.inputTokens + MOCK_USAGE.outputTokens,
    },
    modelVersion: model,
  };
}

/** A value that satisfies a JSON schema: the first enum value, "user" for a speaker, a short text. */
function fillSchema(schema) {
  if (!schema || typeof schema !== "object") return null;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum.includes("user") ? "user" : schema.enum[0];
  const type = String(schema.type ?? "").toLowerCase();
  if (type === "object" || schema.properties) {
    const out = {};
    for (const [key, sub] of Object.entries(schema.properties ?? {})) out[key] = fillSchema(sub);
    return out;
  }
  if (type === "array") return [];
  if (type === "boolean") return false;
  if (type === "number" || type === "integer") return typeof schema.minimum === "number" ? schema.minimum : 1;
  return "mock";
}
