// The drift report of `npm run test:e2e -- --latest` (e2e/run.mjs): where what the newest harness
// releases sent differs from the committed fixtures recorded on the pinned versions. Pure: records
// and fixtures in, findings and text out.

/** The type of a JSON value as the report names it. */
function typeOf(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/**
 * `{ path: Set<type> }` of a payload: every key path (`tool_input.command`, `items[].type`) with the
 * types seen there. Values are left out: they are the scenario's, not the harness's shape.
 */
export function payloadShape(value, shape = new Map(), path = "") {
  const at = path === "" ? "(payload)" : path;
  if (!shape.has(at)) shape.set(at, new Set());
  shape.get(at).add(typeOf(value));
  if (Array.isArray(value)) {
    for (const item of value) payloadShape(item, shape, `${path}[]`);
  } else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) payloadShape(child, shape, path === "" ? key : `${path}.${key}`);
  }
  return shape;
}

/** `{ nativeEvent: shape }` over many signals (the same event's payloads merged). */
export function shapesByEvent(signals) {
  const out = new Map();
  for (const signal of signals) {
    if (!out.has(signal.nativeEvent)) out.set(signal.nativeEvent, new Map());
    payloadShape(signal.payload, out.get(signal.nativeEvent));
  }
  return out;
}

/** What changed from one shape to the other: keys added, keys removed, a key's types changed. */
export function compareShapes(before, after) {
  const changes = [];
  for (const [path, types] of after) {
    const was = before.get(path);
    if (!was) changes.push({ path, change: "added", to: [...types].sort() });
    else if ([...types].sort().join() !== [...was].sort().join()) changes.push({ path, change: "type", from: [...was].sort(), to: [...types].sort() });
  }
  for (const [path, types] of before) {
    if (!after.has(path)) changes.push({ path, change: "removed", from: [...types].sort() });
  }
  return changes.sort((a, b) => a.path.localeCompare(b.path));
}

/** A rollout record's kind (Codex): `type` and `payload.type`. */
export function rolloutKind(record) {
  const type = record && typeof record === "object" ? record.type : undefined;
  const inner = record?.payload && typeof record.payload === "object" ? record.payload.type : undefined;
  return inner === undefined ? String(type) : `${type}/${inner}`;
}

const sameList = (a, b) => a.length === b.length && a.every((item, i) => item === b[i]);

/**
 * One scenario: its committed fixture (may be null) against the latest run's record. Finds the
 * event sequence, the state sequence and the per-event payload shapes that changed.
 */
export function compareScenario(committed, latest) {
  const finding = {
    scenario: latest.scenario,
    fixture: latest.fixture,
    passed: latest.passed,
    failure: latest.failure ? latest.failure.split("\n")[0] : null,
    missed: latest.missed ?? [],
    events: null,
    states: null,
    rolloutKinds: null,
  };
  if (!committed) return finding;
  const before = committed.signals.map((s) => s.nativeEvent);
  const after = latest.signals.map((s) => s.nativeEvent);
  if (!sameList(before, after)) finding.events = { before, after };
  if (Array.isArray(committed.states) && Array.isArray(latest.states) && !sameList(committed.states, latest.states)) {
    finding.states = { before: committed.states, after: latest.states };
  }
  if (committed.rollout && latest.rollout) {
    const kinds = (records) => [...new Set(records.map(rolloutKind))].sort();
    const [was, now] = [kinds(committed.rollout), kinds(latest.rollout)];
    const added = now.filter((k) => !was.includes(k));
    const removed = was.filter((k) => !now.includes(k));
    if (added.length > 0 || removed.length > 0) finding.rolloutKinds = { added, removed };
  }
  return finding;
}

/**
 * One harness: the scenario findings, and payload shape changes per native event merged over all
 * its scenarios (a key the new version added shows once, not once per scenario).
 */
export function compareHarness({ harness, pinned, latest, scenarios }) {
  const findings = scenarios.map(({ committed, record }) => compareScenario(committed, record));
  const compared = scenarios.filter(({ committed }) => committed);
  const before = shapesByEvent(compared.flatMap(({ committed }) => committed.signals));
  const after = shapesByEvent(compared.flatMap(({ record }) => record.signals));
  const payloads = [];
  for (const event of new Set([...before.keys(), ...after.keys()])) {
    if (!before.has(event)) payloads.push({ event, change: "new event" });
    else if (!after.has(event)) payloads.push({ event, change: "no longer sent" });
    else {
      const changes = compareShapes(before.get(event), after.get(event));
      if (changes.length > 0) payloads.push({ event, change: "shape", changes });
    }
  }
  const rolloutBefore = shapesByKind(compared.flatMap(({ committed }) => committed.rollout ?? []));
  const rolloutAfter = shapesByKind(compared.flatMap(({ record }) => record.rollout ?? []));
  const rollout = [];
  for (const kind of new Set([...rolloutBefore.keys(), ...rolloutAfter.keys()])) {
    if (!rolloutBefore.has(kind) || !rolloutAfter.has(kind)) continue; // listed per scenario
    const changes = compareShapes(rolloutBefore.get(kind), rolloutAfter.get(kind));
    if (changes.length > 0) rollout.push({ kind, changes });
  }
  const drifted = payloads.length > 0 || rollout.length > 0 || findings.some((f) => !f.passed || f.events || f.states || f.rolloutKinds);
  return { harness, pinned, latest, findings, payloads, rollout, drifted };
}

function shapesByKind(records) {
  const out = new Map();
  for (const record of records) {
    const kind = rolloutKind(record);
    if (!out.has(kind)) out.set(kind, new Map());
    payloadShape(record, out.get(kind));
  }
  return out;
}

const describeChange = (c) =>
  c.change === "added" ? `+ ${c.path}: ${c.to.join(" | ")}` : c.change === "removed" ? `- ${c.path}: ${c.from.join(" | ")}` : `~ ${c.path}: ${c.from.join(" | ")} → ${c.to.join(" | ")}`;

/** The report as text (Markdown), harness by harness. */
export function renderReport(results, { generatedAt = new Date().toISOString() } = {}) {
  const lines = [`# Harness drift: newest npm releases against the committed fixtures`, "", `Generated ${generatedAt}.`, ""];
  for (const r of results) {
    const versions = r.pinned === r.latest ? `${r.latest} (= pinned: differences are run-to-run noise)` : `${r.pinned} pinned → ${r.latest} newest`;
    lines.push(`## ${r.harness}: ${versions}`, "");
    if (r.findings.length === 0) {
      lines.push("No scenario ran.", "");
      continue;
    }
    if (!r.drifted) lines.push("No drift: every scenario passed and sent the events, payload shapes and states recorded in the fixtures.", "");
    for (const f of r.findings) {
      const status = f.passed ? "passed" : `FAILED: ${f.failure}`;
      const notes = [];
      if (!f.fixture) notes.push("no fixture to compare");
      if (f.missed.length > 0) notes.push(`the tap missed ${f.missed.length} signal(s)`);
      if (!f.passed || f.events || f.states || f.rolloutKinds || notes.length > 0) lines.push(`- **${f.scenario}**: ${status}${notes.length ? ` (${notes.join("; ")})` : ""}`);
      if (f.events) lines.push(`  - events: ${f.events.before.join(", ")}`, `    now:    ${f.events.after.join(", ")}`);
      if (f.states) lines.push(`  - states: ${f.states.before.join(", ")}`, `    now:    ${f.states.after.join(", ")}`);
      if (f.rolloutKinds) {
        if (f.rolloutKinds.added.length) lines.push(`  - rollout records new: ${f.rolloutKinds.added.join(", ")}`);
        if (f.rolloutKinds.removed.length) lines.push(`  - rollout records gone: ${f.rolloutKinds.removed.join(", ")}`);
      }
    }
    if (r.payloads.length > 0) {
      lines.push("", "Payloads (all scenarios, per event):");
      for (const p of r.payloads) {
        if (p.change !== "shape") lines.push(`- ${p.event}: ${p.change}`);
        else lines.push(`- ${p.event}:`, ...p.changes.map((c) => `  ${describeChange(c)}`));
      }
    }
    if (r.rollout.length > 0) {
      lines.push("", "Rollout records (all scenarios, per kind):");
      for (const k of r.rollout) lines.push(`- ${k.kind}:`, ...k.changes.map((c) => `  ${describeChange(c)}`));
    }
    lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
