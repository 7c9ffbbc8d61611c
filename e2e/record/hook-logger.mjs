#!/usr/bin/env node
// Hook logger used when recording fixtures.
//   node hook-logger.mjs <harness> <NativeEvent>
// Reads the hook payload from stdin and appends one JSON line
//   {"harness", "nativeEvent", "at", "payload"}
// to the file named by $HOOK_LOG (payload = parsed JSON, or the raw text when it does not parse).
// Always exits 0 with no output, so it never changes the harness's behaviour.
import fs from "node:fs";

const [harness = "unknown", nativeEvent = "unknown"] = process.argv.slice(2);
const chunks = [];
process.stdin.on("data", (c) => chunks.push(c));
process.stdin.on("error", () => finish());
process.stdin.on("end", finish);

let done = false;
function finish() {
  if (done) return;
  done = true;
  const raw = Buffer.concat(chunks).toString("utf8");
  let payload;
  try {
    payload = JSON.parse(raw);
  } catch {
    payload = raw;
  }
  const line = JSON.stringify({ harness, nativeEvent, at: new Date().toISOString(), payload }) + "\n";
  if (process.env.HOOK_LOG) {
    try {
      fs.appendFileSync(process.env.HOOK_LOG, line);
    } catch {
      /* never fail the hook */
    }
  }
  process.exit(0);
}
