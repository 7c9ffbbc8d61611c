import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORWARDED_BUS_EVENTS, PLUGIN_MARKER, readPluginSettings, renderOpencodePlugin, shippedPluginPath } from '../src/index.js';
import { fakeAo, tempDir } from '@ao/adapter-kit/conformance';
import * as p from './payloads.js';

/**
 * Runs ao's plugin the way OpenCode does (an ES module whose `AoPlugin(ctx, options)` returns its
 * hooks) in a separate Node process, feeding it hook calls; the fake ao records what arrives. The
 * driver prints the variables the test asks about as OpenCode sees them after loading the plugin.
 */
const DRIVER = `
const { AoPlugin } = await import(process.argv[2]);
const options = JSON.parse(process.argv[4]);
const hooks = await AoPlugin({ directory: process.cwd() }, options === null ? undefined : options);
const special = {
  cyclic: () => { const o = { type: 'session.idle', properties: { sessionID: 'x' } }; o.properties.self = o; return { event: o }; },
  hostile: () => ({ get event() { throw new Error('boom'); } }),
};
for (const [name, ...args] of JSON.parse(process.argv[3])) {
  const real = args.map((a) => (typeof a === 'string' && special[a] ? special[a]() : a));
  await hooks[name](...real);
}
console.log(JSON.stringify(Object.fromEntries(JSON.parse(process.argv[5]).map((name) => [name, process.env[name] ?? null]))));
`;

type Call = [string, ...unknown[]];
const ev = (event: unknown): Call => ['event', { event }];

/** The plugin as `ao spawn` has OpenCode load it: the shipped file, with `options`. */
const launched = (options: Record<string, unknown>) => ({ file: shippedPluginPath(), options });
/** A copy `ao register` writes into a project. */
function projectCopy(source: string) {
  const file = join(tempDir(), 'ao.mjs');
  writeFileSync(file, source);
  return { file, options: null };
}

function run(plugin: { file: string; options: Record<string, unknown> | null }, calls: Call[], env: Record<string, string | undefined>, log: string, show: string[] = []) {
  const dir = tempDir();
  writeFileSync(join(dir, 'driver.mjs'), DRIVER);
  const childEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...process.env, AO_FAKE_LOG: log, ...env })) if (value !== undefined) childEnv[key] = value;
  const result = spawnSync(process.execPath, [join(dir, 'driver.mjs'), plugin.file, JSON.stringify(calls), JSON.stringify(plugin.options), JSON.stringify(show)], {
    env: childEnv,
    encoding: 'utf8',
  });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as Record<string, string | null>;
}

const TURN: Call[] = [
  ev({ type: 'plugin.added', properties: {} }),
  ev(p.sessionCreated),
  ['chat.message', p.chatMessage.input, p.chatMessage.output],
  ev(p.status('busy')),
  ev({ type: 'message.updated', properties: { sessionID: p.SID } }),
  ev(p.status('busy')),
  ['tool.execute.before', p.toolBefore.input, p.toolBefore.output],
  ev(p.permissionAsked),
  ev(p.permissionReplied('once')),
  ['tool.execute.after', p.toolAfter.input, p.toolAfter.output],
  ev(p.status('busy')),
  ev(p.status('busy')),
  ev(p.status('idle')),
  ev(p.sessionIdle),
];

describe("ao's OpenCode plugin", () => {
  it('a project copy is the shipped file with its settings embedded as JSON, under the ownership marker', () => {
    const shipped = readFileSync(shippedPluginPath(), 'utf8');
    expect(shipped.split('\n')[0]).toBe(PLUGIN_MARKER);
    expect(readPluginSettings(shipped)).toEqual({});
    const source = renderOpencodePlugin({ aoCommand: '/a b/"q"/ao', sessionId: 's-1' });
    expect(source.split('\n')[0]).toBe(PLUGIN_MARKER);
    expect(readPluginSettings(source)).toEqual({ aoCommand: '/a b/"q"/ao', sessionId: 's-1' });
    // only the settings differ
    const settingLines = /^const AO_(COMMAND|SESSION|HOME) = .*;$/gm;
    expect(source.replace(settingLines, '')).toBe(shipped.replace(settingLines, ''));
  });

  it('forwards exactly the bus events derive knows', () => {
    const ao = fakeAo();
    const types = [...FORWARDED_BUS_EVENTS, 'message.updated', 'session.updated', 'file.edited', 'plugin.added'];
    run(launched({ aoCommand: ao.aoCommand, launchedByAo: true }), types.map((type) => ev({ type, properties: { sessionID: `ses_${type}` } })), { AO_SESSION_ID: 'sess_3' }, ao.log);
    expect(ao.calls().map((call) => call.argv[2])).toEqual(['plugin.init', ...FORWARDED_BUS_EVENTS]);
  });

  it("removes the variables ao set only for OpenCode's start, and leaves the others", () => {
    const ao = fakeAo();
    const shown = run(
      launched({ aoCommand: ao.aoCommand, launchedByAo: true, unsetEnv: ['npm_config_fetch_retries'] }),
      [ev(p.sessionIdle)],
      { AO_SESSION_ID: 'sess_4', npm_config_fetch_retries: '0', npm_config_registry: 'http://127.0.0.1:9/' },
      ao.log,
      ['npm_config_fetch_retries', 'npm_config_registry', 'AO_SESSION_ID'],
    );
    expect(shown).toEqual({ npm_config_fetch_retries: null, npm_config_registry: 'http://127.0.0.1:9/', AO_SESSION_ID: 'sess_4' });
    expect(ao.calls().map((call) => call.argv[2])).toEqual(['plugin.init', 'session.idle']);
    // a project copy takes no options: it removes nothing
    const kept = run(projectCopy(renderOpencodePlugin({ aoCommand: ao.aoCommand, sessionId: 's' })), [], { npm_config_fetch_retries: '3' }, ao.log, ['npm_config_fetch_retries']);
    expect(kept).toEqual({ npm_config_fetch_retries: '3' });
  });

  it('forwards the events derive knows, in order, once per status change, with --session', () => {
    const ao = fakeAo();
    run(projectCopy(renderOpencodePlugin({ aoCommand: ao.aoCommand, sessionId: 'sess_1' })), TURN, { AO_SESSION_ID: undefined }, ao.log);
    const calls = ao.calls();
    expect(calls.map((call) => call.argv[2])).toEqual([
      'plugin.init', // on load: proves the wiring before the first prompt
      'session.created',
      'chat.message',
      'session.status', // busy; the second busy right after is skipped (message.updated is not forwarded)
      'tool.execute.before',
      'permission.asked',
      'permission.replied',
      'tool.execute.after',
      'session.status', // busy again after other events: forwarded, then skipped once
      'session.status', // idle
      'session.idle',
    ]);
    for (const call of calls) expect(call.argv).toEqual(['hooks', 'opencode', call.argv[2], '--session', 'sess_1']);
    expect(JSON.parse(calls[5]!.stdin)).toEqual(p.permissionAsked);
    const chat = JSON.parse(calls[2]!.stdin);
    expect(chat.output.parts).toEqual([{ type: 'text', text: 'please MOCK_TOOL run it' }]);
    // tool args (file contents, for a write) are not shipped through the hook
    expect(JSON.parse(calls[4]!.stdin)).toEqual({ type: 'tool.execute.before', input: p.toolBefore.input });
  });

  it("marks a subagent's session so that its idle does not end the turn", () => {
    const ao = fakeAo();
    const child = 'ses_child';
    run(
      launched({ aoCommand: ao.aoCommand, launchedByAo: true }),
      [ev({ type: 'session.created', properties: { sessionID: child, info: { id: child, parentID: p.SID } } }), ev(p.status('busy')), ev({ type: 'session.idle', properties: { sessionID: child } })],
      { AO_SESSION_ID: 'sess_2' },
      ao.log,
    );
    const calls = ao.calls();
    expect(calls.map((call) => [call.argv, JSON.parse(call.stdin).aoSubagent])).toEqual([
      [['hooks', 'opencode', 'plugin.init'], undefined],
      [['hooks', 'opencode', 'session.status'], undefined],
      [['hooks', 'opencode', 'session.idle'], true],
    ]);
  });

  it('is silent when the ao command is missing, and never throws into OpenCode', () => {
    const ao = fakeAo();
    run(projectCopy(renderOpencodePlugin({ aoCommand: join(tempDir(), 'gone', 'ao'), sessionId: 's' })), TURN, { AO_SESSION_ID: undefined }, ao.log);
    expect(ao.calls()).toEqual([]);
    run(launched({ aoCommand: join(tempDir(), 'gone', 'ao'), launchedByAo: true }), TURN, { AO_SESSION_ID: 'sess_5' }, ao.log);
    run(launched({}), TURN, { AO_SESSION_ID: 'sess_5' }, ao.log);
    expect(ao.calls()).toEqual([]);
    run(
      projectCopy(renderOpencodePlugin({ aoCommand: ao.aoCommand, sessionId: 's' })),
      [['event', {}], ['event', { event: null }], ev({ type: 5 }), ['event', 'cyclic'], ['event', 'hostile'], ['chat.message'], ['tool.execute.before', null], ['tool.execute.after', null, null]],
      { AO_SESSION_ID: undefined },
      ao.log,
    );
    expect(ao.calls().map((call) => call.argv[2])).toEqual(['plugin.init', 'chat.message', 'tool.execute.before', 'tool.execute.after']);
  });

  it('a project plugin reports with its session and AO_HOME even inside a session ao started (ingestion tells whose agent fired it)', () => {
    const ao = fakeAo();
    run(projectCopy(renderOpencodePlugin({ aoCommand: ao.aoCommand, sessionId: 's', aoHome: '/home/u/my ao' })), [ev(p.sessionIdle)], { AO_SESSION_ID: 'spawned' }, ao.log);
    expect(ao.calls().map((call) => call.argv)).toEqual([
      ['hooks', 'opencode', 'plugin.init', '--session', 's', '--home', '/home/u/my ao'],
      ['hooks', 'opencode', 'session.idle', '--session', 's', '--home', '/home/u/my ao'],
    ]);
  });

  it('a session-less project copy stands aside in a session ao started; the launched plugin reports only there', () => {
    const ao = fakeAo();
    run(projectCopy(renderOpencodePlugin({ aoCommand: ao.aoCommand })), TURN, { AO_SESSION_ID: 'spawned' }, ao.log);
    run(launched({ aoCommand: ao.aoCommand, launchedByAo: true }), TURN, { AO_SESSION_ID: undefined }, ao.log);
    expect(ao.calls()).toEqual([]);
    run(launched({ aoCommand: ao.aoCommand, launchedByAo: true }), [ev(p.sessionIdle)], { AO_SESSION_ID: 'spawned' }, ao.log);
    expect(ao.calls().map((call) => call.argv)).toEqual([
      ['hooks', 'opencode', 'plugin.init'],
      ['hooks', 'opencode', 'session.idle'],
    ]);
  });
});
