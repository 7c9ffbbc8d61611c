import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLUGIN_MARKER, readPluginSettings, renderOpencodePlugin } from '../src/index.js';
import { fakeAo, tempDir } from '@ao/registry/conformance';
import * as p from './payloads.js';

/**
 * Runs the generated plugin the way OpenCode does (an ES module with a global `require`, as Bun
 * provides) in a separate Node process, feeding it hook calls; the fake ao records what arrives.
 */
const DRIVER = `
import { createRequire } from 'node:module';
globalThis.require = createRequire(import.meta.url);
const { AoPlugin } = await import(process.argv[2]);
const hooks = await AoPlugin({ directory: process.cwd() });
const special = {
  cyclic: () => { const o = { type: 'session.idle', properties: { sessionID: 'x' } }; o.properties.self = o; return { event: o }; },
  hostile: () => ({ get event() { throw new Error('boom'); } }),
};
for (const [name, ...args] of JSON.parse(process.argv[3])) {
  const real = args.map((a) => (typeof a === 'string' && special[a] ? special[a]() : a));
  await hooks[name](...real);
}
console.log('ok');
`;

type Call = [string, ...unknown[]];
const ev = (event: unknown): Call => ['event', { event }];

function run(plugin: string, calls: Call[], env: Record<string, string | undefined>, log: string) {
  const dir = tempDir();
  const file = join(dir, 'ao.mjs');
  writeFileSync(file, plugin);
  writeFileSync(join(dir, 'driver.mjs'), DRIVER);
  const childEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...process.env, AO_FAKE_LOG: log, ...env })) if (value !== undefined) childEnv[key] = value;
  const result = spawnSync(process.execPath, [join(dir, 'driver.mjs'), file, JSON.stringify(calls)], { env: childEnv, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.stdout.trim()).toBe('ok');
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

describe('the OpenCode plugin ao writes', () => {
  it('starts with the ownership marker and embeds its settings as JSON', () => {
    const source = renderOpencodePlugin({ aoCommand: '/a b/"q"/ao', mode: 'project', sessionId: 's-1' });
    expect(source.split('\n')[0]).toBe(PLUGIN_MARKER);
    expect(source).not.toMatch(/^\s*import\s/m);
    expect(readPluginSettings(source)).toEqual({ aoCommand: '/a b/"q"/ao', sessionId: 's-1' });
  });

  it('forwards the events derive knows, in order, once per status change, with --session', () => {
    const ao = fakeAo();
    run(renderOpencodePlugin({ aoCommand: ao.aoCommand, mode: 'project', sessionId: 'sess_1' }), TURN, { AO_SESSION_ID: undefined }, ao.log);
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
      renderOpencodePlugin({ aoCommand: ao.aoCommand, mode: 'launch' }),
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
    run(renderOpencodePlugin({ aoCommand: join(tempDir(), 'gone', 'ao'), mode: 'project', sessionId: 's' }), TURN, { AO_SESSION_ID: undefined }, ao.log);
    expect(ao.calls()).toEqual([]);
    run(
      renderOpencodePlugin({ aoCommand: ao.aoCommand, mode: 'project', sessionId: 's' }),
      [['event', {}], ['event', { event: null }], ev({ type: 5 }), ['event', 'cyclic'], ['event', 'hostile'], ['chat.message'], ['tool.execute.before', null], ['tool.execute.after', null, null]],
      { AO_SESSION_ID: undefined },
      ao.log,
    );
    expect(ao.calls().map((call) => call.argv[2])).toEqual(['plugin.init', 'chat.message', 'tool.execute.before', 'tool.execute.after']);
  });

  it('a project plugin reports with its session and AO_HOME even inside a session ao started (ingestion tells whose agent fired it)', () => {
    const ao = fakeAo();
    run(renderOpencodePlugin({ aoCommand: ao.aoCommand, mode: 'project', sessionId: 's', aoHome: '/home/u/my ao' }), [ev(p.sessionIdle)], { AO_SESSION_ID: 'spawned' }, ao.log);
    expect(ao.calls().map((call) => call.argv)).toEqual([
      ['hooks', 'opencode', 'plugin.init', '--session', 's', '--home', '/home/u/my ao'],
      ['hooks', 'opencode', 'session.idle', '--session', 's', '--home', '/home/u/my ao'],
    ]);
  });

  it('a session-less project plugin stands aside in a session ao started; a launch plugin reports only there', () => {
    const ao = fakeAo();
    run(renderOpencodePlugin({ aoCommand: ao.aoCommand, mode: 'project' }), TURN, { AO_SESSION_ID: 'spawned' }, ao.log);
    run(renderOpencodePlugin({ aoCommand: ao.aoCommand, mode: 'launch' }), TURN, { AO_SESSION_ID: undefined }, ao.log);
    expect(ao.calls()).toEqual([]);
    run(renderOpencodePlugin({ aoCommand: ao.aoCommand, mode: 'launch' }), [ev(p.sessionIdle)], { AO_SESSION_ID: 'spawned' }, ao.log);
    expect(ao.calls().map((call) => call.argv)).toEqual([
      ['hooks', 'opencode', 'plugin.init'],
      ['hooks', 'opencode', 'session.idle'],
    ]);
  });
});
