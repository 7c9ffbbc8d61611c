// Qwen Code's parts of the mock model server (mock-model-server.mjs). Qwen speaks OpenAI Chat
// Completions like OpenCode, so the shared `chat` route serves it; this file only says what differs:
// which requests are Qwen's, which of them are its own turn, and its tool names.
//
// Verified on @qwen-code/qwen-code 0.24.4 (docs/harnesses/qwen-code.md):
//   * every request carries `user-agent: QwenCode/<version> (<platform>; <arch>)`;
//   * the turn's system prompt starts "You are Qwen Code"; after each turn Qwen makes background
//     calls of its own (managed memory extraction: "You are now acting as the managed memory
//     extraction subagent…", prompt suggestions…) whose last user message is Qwen's instruction,
//     not the user's, yet they carry tools. They are answered with plain text, never a tool call,
//     a failure or a hang, so a scenario's keyword cannot leak into them;
//   * the shell tool is `run_shell_command` ({command, description, …}), the ask-the-user tool
//     `ask_user_question` ({questions: [{question, header, options: [{label, description}], multiSelect}]}).

/** Whether the request comes from Qwen Code. */
export function isQwenRequest(headers) {
  return /^QwenCode\//.test(String(headers?.["user-agent"] ?? ""));
}

/** Whether a Qwen request is the user's turn (its main agent), not one of its background calls. */
export function isQwenTurn(body) {
  const messages = Array.isArray(body?.messages) ? body.messages : [];
  const system = messages.find((m) => m?.role === "system");
  const text = typeof system?.content === "string" ? system.content : Array.isArray(system?.content) ? system.content.map((b) => b?.text ?? "").join("") : "";
  return text.startsWith("You are Qwen Code");
}

/** Qwen's tool call for a decision: its shell tool, or its question tool. */
export function qwenToolFunction(decision, command, question) {
  if (decision === "ask") {
    return { name: "ask_user_question", arguments: JSON.stringify({ questions: [{ ...question, multiSelect: false }] }) };
  }
  return { name: "run_shell_command", arguments: JSON.stringify({ command, description: "Mock tool call" }) };
}
