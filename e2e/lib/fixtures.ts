// Turns the hook signals a scenario's harness sent to ao into an adapter fixture
// (packages/adapters/<harness>/fixtures/e2e-<name>.json), which the adapters' fixture-replay unit
// tests derive. Machine paths are scrubbed, and values that differ on every run (ids, times,
// durations) are replaced by stable stand-ins of the same shape, so a re-run on the same harness
// versions rewrites the same bytes and a harness upgrade that changes a payload shows as a diff.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './ao.js';
import type { Scenario } from './scenario.js';
// @ts-expect-error plain ESM helper without types
import { readPins } from '../harness-cache.mjs';
import { harnessOfPackage } from './harness-packages.mjs';


/** The npm package of a harness, as its adapter names it. */
function packageOfHarness(harness: string): string {
  const name = Object.entries(harnessOfPackage()).find(([, id]) => id === harness)?.[0];
  if (!name) throw new Error(`no adapter names the npm package of ${harness}`);
  return name;
}

/** Events ao writes itself (not the harness): not part of a harness fixture. */
const AO_OWN_EVENTS = new Set(['process-exited', 'permission-answered', 'turn-ended']);

export const FAKE_HOME = '/e2e-home';
export const FAKE_PROJECT = '/e2e-home/project';
export const FAKE_MOCK_URL = 'http://127.0.0.1:18080';

export interface FixtureSignal {
  nativeEvent: string;
  event: string;
  payload: unknown;
}

/** One scenario's stand-ins, shared by its fixtures: the same id is the same stand-in in the hook payloads and the rollout. */
const standIns = new WeakMap<Scenario, Map<string, Map<string, string>>>();
function standInsOf(s: Scenario): Map<string, Map<string, string>> {
  let maps = standIns.get(s);
  if (!maps) standIns.set(s, (maps = new Map()));
  return maps;
}

/**
 * The session's transcript (the one its hooks name; Codex's rollout), one normalized JSON record per
 * line, as fixtures/rollouts/e2e-<name>.jsonl (Codex) or fixtures/transcripts/e2e-<name>.jsonl:
 * what the transcript probe's and the usage readers' unit tests read.
 */
export async function writeRolloutFixture(s: Scenario, name: string): Promise<string> {
  const lines = (await rolloutRecords(s)).map((record) => JSON.stringify(record));
  // Codex calls its transcript a rollout; the others' go under transcripts/.
  const folder = s.harness === 'codex' ? 'rollouts' : 'transcripts';
  const file = join(REPO_ROOT, 'packages', 'adapters', s.harness, 'fixtures', folder, `e2e-${name}.jsonl`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** The session's rollout records, scrubbed and normalized as its fixture holds them. */
export async function rolloutRecords(s: Scenario): Promise<unknown[]> {
  const status = await s.status();
  if (typeof status.transcriptPath !== 'string') throw new Error(`rollout of ${s.harness} / ${s.name}: the session has no transcriptPath`);
  const records = readFileSync(status.transcriptPath, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
  return normalize(scrubValue(records, s), standInsOf(s));
}

/**
 * The fixture of a scenario: the hook signals ao received from the harness (scrubbed, normalized)
 * and, when known, the state sequence ao recorded from them (the `to` of every transition).
 */
export function fixtureOf(s: Scenario, name: string, description: string, states: string[] | null) {
  const signals: FixtureSignal[] = s.tap
    .signals()
    .filter((signal) => signal.sessionId === s.id && !AO_OWN_EVENTS.has(signal.event))
    .map((signal) => ({ nativeEvent: nativeEventOf(s.harness, signal.event, signal.payload), event: signal.event, payload: signal.payload }));
  return {
    harness: s.harness,
    harnessVersion: (readPins() as Record<string, string>)[packageOfHarness(s.harness)],
    scenario: `e2e-${name}`,
    description,
    recordedBy: `e2e/${s.harness}.e2e.test.ts (ao spawn; the payloads ao's hooks received)`,
    ...(states && { states }),
    signals: normalize(scrub(signals, s), standInsOf(s)),
  };
}

export function writeFixture(s: Scenario, name: string, description: string, states: string[] | null): string | null {
  const missed = s.tap.missed();
  if (missed.length > 0) {
    // The state sequence was checked all the same; only this recording is incomplete: keep the old one.
    console.warn(`fixture e2e-${name} (${s.harness}) not rewritten: the spool tap missed ${missed.length} record(s) that ao ingested first (${missed.join(', ')})`);
    return null;
  }
  const fixture = fixtureOf(s, name, description, states);
  const file = join(REPO_ROOT, 'packages', 'adapters', s.harness, 'fixtures', `e2e-${name}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(fixture, null, 2)}\n`);
  return file;
}

function nativeEventOf(harness: string, event: string, payload: unknown): string {
  const record = payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : {};
  if (harness === 'opencode') return typeof record.type === 'string' ? record.type : event;
  return typeof record.hook_event_name === 'string' ? record.hook_event_name : event;
}

const slug = (path: string) => path.replace(/[^a-zA-Z0-9]/g, '-');

/** Sandbox paths → stable fake ones (Claude's project slug in transcript paths too). */
function scrub(value: FixtureSignal[], s: Scenario): FixtureSignal[] {
  return scrubValue(value, s);
}

function scrubValue<T>(value: T, s: Scenario): T {
  let text = JSON.stringify(value);
  const pairs: Array<[string, string]> = [
    [s.mock.url, FAKE_MOCK_URL],
    [s.sb.proj, FAKE_PROJECT],
    [slug(s.sb.proj), slug(FAKE_PROJECT)],
    [s.sb.home, FAKE_HOME],
    [s.sb.tmp, '/tmp'],
    [s.sb.aoHome, `${FAKE_HOME}/.ao`],
    [s.sb.root, `${FAKE_HOME}/.sandbox`],
    [REPO_ROOT, '/opt/ao'],
  ];
  for (const [from, to] of pairs) text = text.split(from).join(to);
  return JSON.parse(text) as T;
}

/**
 * Replaces per-run values by stand-ins of the same shape: ids numbered in order of first
 * appearance (so that equal ids stay equal), times and durations by constants (their order cannot
 * be kept stable: two records of one millisecond sort either way).
 */
export function normalize<T>(value: T, maps: Map<string, Map<string, string>> = new Map()): T {
  const standIn = (kind: string, original: string, make: (n: number) => string) => {
    let map = maps.get(kind);
    if (!map) maps.set(kind, (map = new Map()));
    let out = map.get(original);
    if (out === undefined) map.set(original, (out = make(map.size + 1)));
    return out;
  };
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
  const rules: Array<[RegExp, (match: string, ...groups: string[]) => string]> = [
    // UUIDs (Claude session ids, Codex thread/turn/message ids, v4 and v7), also inside msg_… ids.
    [/(?<![0-9a-f])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-f])/g, (m) => standIn('uuid', m, (n) => `00000000-0000-4000-8000-${hex(n, 12)}`)],
    // OpenCode ids: ses_/msg_/prt_/per_/que_… + 20+ base62 characters.
    [/\b(ses|msg|prt|per|que|call|tool|snp)_[0-9A-Za-z]{20,}\b/g, (m, prefix) => standIn(`oc-${prefix}`, m, (n) => `${prefix}_e2e${String(n).padStart(23, '0')}`)],
    // git object ids (the project's root commit: OpenCode's projectID, Codex's commit_hash).
    [/(?<![0-9a-f])[0-9a-f]{40}(?![0-9a-f])/g, (m) => standIn('sha', m, (n) => hex(n, 40))],
    // ISO times, Codex's rollout file stamp (2026-11-21T11-06-39), HTTP dates.
    [/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?/g, () => '2026-01-01T00:00:00.000Z'],
    [/\b\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\b/g, () => '2026-01-01T00-00-00'],
    [/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT\b/g, () => 'Thu, 01 Jan 2026 00:00:00 GMT'],
    [/\/sessions\/\d{4}\/\d{2}\/\d{2}\//g, () => '/sessions/2026/01/01/'],
    // Gemini CLI's chat recording (session-<date>T<hh>-<mm>-<8 hex of its session id>.jsonl), in ao's launch dir.
    [/\bsession-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-([0-9a-f]{8})\b/g, (_m, short) => `session-2026-01-01T00-00-${standIn('gemini-chat', short, (n) => hex(n, 8))}`],
    [/\/sessions\/[0-9a-z]{10}\/launch\//g, () => '/sessions/e2esession/launch/'],
    [/\bWall time: \d+(\.\d+)? seconds\b/g, () => 'Wall time: 0.0 seconds'],
    // Qwen Code's tool call ids (toolu_<epoch ms>_<random>) and its shell's process group.
    [/\btoolu_\d{13}_[0-9a-z]+\b/g, (m) => standIn('qwen-toolu', m, (n) => `toolu_e2e_${n}`)],
    [/\bProcess Group PGID: \d+/g, () => 'Process Group PGID: 0'], // Qwen's and Gemini's shell tool output
  ];
  const visit = (node: unknown, key: string | undefined): unknown => {
    if (typeof node === 'string') {
      if (key === 'slug') return 'e2e-slug'; // OpenCode's random session slug ("neon-canyon")
      let out = node;
      for (const [pattern, replace] of rules) out = out.replace(pattern, replace as (substring: string, ...args: any[]) => string);
      return out;
    }
    if (typeof node === 'number') {
      if (key !== undefined && /(_ms|Ms)$|^(duration|elapsed)$/.test(key)) return 0; // durations, latencies
      if (node > 1_500_000_000_000 && node < 4_000_000_000_000) return 1_767_225_600_000; // epoch ms
      if (node > 1_500_000_000 && node < 4_000_000_000) return 1_767_225_600; // epoch s (Codex started_at, create_time)
      return node;
    }
    if (Array.isArray(node)) return node.map((item) => visit(item, undefined));
    if (node && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(node)) out[k] = visit(v, k);
      return out;
    }
    return node;
  };
  return visit(value, undefined) as T;
}
