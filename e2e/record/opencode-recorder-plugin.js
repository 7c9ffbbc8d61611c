// ao fixture recorder plugin for OpenCode (plain JS, no imports).
// Appends one JSON line {harness, nativeEvent, at, payload} per bus event / hook trigger to $HOOK_LOG.
//   bus events:    payload = { type: event.type, properties: event.properties }
//   hook triggers: payload = { type: "<hook name>", input, output }
export const AoRecorder = async (ctx) => {
  const fs = require("fs");
  const file = process.env.HOOK_LOG;
  const write = (nativeEvent, payload) => {
    if (!file) return;
    try {
      fs.appendFileSync(
        file,
        JSON.stringify({ harness: "opencode", nativeEvent, at: new Date().toISOString(), payload }) + "\n",
      );
    } catch {
      /* never throw into OpenCode */
    }
  };
  const hook = (name) => async (input, output) => write(name, { type: name, input, output });
  return {
    event: async ({ event }) => write(event.type, { type: event.type, properties: event.properties }),
    "chat.message": hook("chat.message"),
    "tool.execute.before": hook("tool.execute.before"),
    "tool.execute.after": hook("tool.execute.after"),
  };
};
