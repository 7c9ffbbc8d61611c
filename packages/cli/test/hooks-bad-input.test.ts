import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { aoPaths } from '@ao/lifecycle';
import { aoJson, runAo, tempDir } from './ao-harness.js';

const paths = [
  { name: 'POSIX-sh path', env: {} },
  { name: 'Node path', env: { AO_HOOKS_NODE: '1' } },
];

describe.each(paths)('ao hooks with bad input ($name)', ({ env }) => {
  const cases: { name: string; args: string[]; env?: Record<string, string>; input?: string | Buffer; recorded: boolean }[] = [
    { name: 'no session id at all', args: ['claude-code', 'stop'], env: {}, input: '{}', recorded: false },
    { name: 'session id ../x', args: ['claude-code', 'stop'], env: { AO_SESSION_ID: '../x' }, input: '{}', recorded: false },
    { name: 'session id with a space via --session', args: ['claude-code', 'stop', '--session', 'a b'], input: '{}', recorded: false },
    { name: 'empty stdin', args: ['claude-code', 'stop'], input: '', recorded: true },
    { name: '10 MB stdin', args: ['claude-code', 'post-tool-use'], input: Buffer.alloc(10 * 1024 * 1024, 0x61), recorded: true },
    { name: 'non-JSON stdin', args: ['claude-code', 'notification'], input: 'this is { not json', recorded: true },
    { name: 'JSON of the wrong types', args: ['claude-code', 'notification'], input: '{"notification_type":42,"message":["x"]}', recorded: true },
    { name: 'a JSON array', args: ['claude-code', 'session-end'], input: '[1,2,3]', recorded: true },
    { name: 'unknown harness', args: ['cursor', 'stop'], input: '{}', recorded: true },
    { name: 'unknown event', args: ['claude-code', 'no-such-event'], input: '{}', recorded: true },
    { name: 'harness name with a slash', args: ['../../etc', 'stop'], input: '{}', recorded: false },
    { name: 'event name with a quote', args: ['claude-code', 'st"op'], input: '{}', recorded: false },
    { name: 'no harness and no event', args: [], input: '{}', recorded: false },
  ];

  it.each(cases)('$name → exit 0, nothing on stdout, the store stays intact', async (testCase) => {
    const aoHome = tempDir('ao-home-');
    const { id } = await aoJson(aoHome, ['register', '--agent', 'claude-code', '--cwd', tempDir('ao-project-')]);
    await runAo(aoHome, ['hooks', 'claude-code', 'user-prompt-submit', '--session', id], { input: '{"prompt":"hello"}', env });

    const result = await runAo(aoHome, ['hooks', ...testCase.args, ...(testCase.env ? [] : ['--session', id])], {
      input: testCase.input ?? '',
      env: { ...env, ...(testCase.env ?? {}) },
    });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('');
    const spooled = readdirSync(aoPaths(aoHome).spool).filter((name) => name.endsWith('.sig'));
    expect(spooled).toHaveLength(testCase.recorded ? 2 : 1);

    // Reading state ingests everything; the store opens, is consistent, and the session is sane.
    const status = await aoJson(aoHome, ['status', id]);
    expect(['active', 'idle']).toContain(status.activityState);
    expect(readdirSync(aoPaths(aoHome).spool).filter((name) => name.endsWith('.sig'))).toEqual([]);
    const db = new Database(aoPaths(aoHome).database, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});

describe('the sh and Node capture paths write the same record', () => {
  it('byte for byte, apart from the capture time', async () => {
    const aoHome = tempDir('ao-home-');
    const payload = '{"tool_name":"Bash","tool_use_id":"toolu_1","odd":"\\u0000 \\"quoted\\" $HOME `x`"}\n';
    const env = { AO_SESSION_ID: 'sess_1', AO_LAUNCH_ID: 'launch-1' };
    await runAo(aoHome, ['hooks', 'claude-code', 'pre-tool-use'], { input: payload, env });
    await runAo(aoHome, ['hooks', 'claude-code', 'pre-tool-use'], { input: payload, env: { ...env, AO_HOOKS_NODE: '1' } });
    const { readFileSync } = await import('node:fs');
    const names = readdirSync(aoPaths(aoHome).spool).sort();
    expect(names).toHaveLength(2);
    for (const name of names) expect(name).toMatch(/^[0-9]{19}-[0-9]+\.sig$/);
    const [sh, node] = names.map((name) => readFileSync(`${aoPaths(aoHome).spool}/${name}`, 'utf8').replace(/"capturedAt":"[0-9]+"/, '"capturedAt":"T"'));
    expect(sh).toBe(node);
    // The hook's firer is its nearest non-shell ancestor: here, this test process, which ran ao directly.
    expect(sh).toBe(
      `{"v":1,"harness":"claude-code","event":"pre-tool-use","sessionId":"sess_1","launchId":"launch-1","capturedAt":"T","sessionArg":null,"firer":${process.pid}}\n${payload}`,
    );
  });

  it('with --session and --home: the argument is kept, the home taken, and no firer is read without AO_SESSION_ID', async () => {
    const aoHome = tempDir('ao-home-');
    const other = tempDir('ao-other-home-');
    const args = ['hooks', 'claude-code', 'stop', '--session', 'reg_1', '--home', aoHome];
    await runAo(other, args, { input: '{}' });
    await runAo(other, args, { input: '{}', env: { AO_HOOKS_NODE: '1' } });
    const { readFileSync, existsSync } = await import('node:fs');
    expect(existsSync(aoPaths(other).spool)).toBe(false);
    const names = readdirSync(aoPaths(aoHome).spool).sort();
    expect(names).toHaveLength(2);
    const [sh, node] = names.map((name) => readFileSync(`${aoPaths(aoHome).spool}/${name}`, 'utf8').replace(/"capturedAt":"[0-9]+"/, '"capturedAt":"T"'));
    expect(sh).toBe(node);
    expect(sh).toBe('{"v":1,"harness":"claude-code","event":"stop","sessionId":"reg_1","launchId":null,"capturedAt":"T","sessionArg":"reg_1","firer":null}\n{}');
  });
});

describe.each(paths)('ao hooks when its spool file cannot be created ($name)', ({ env }) => {
  it('exits 0 and says nothing on stdout or stderr (the reason goes to the hook log when it can)', async () => {
    // A spool directory whose temp file names exceed PATH_MAX: creating the file fails (ENAMETOOLONG).
    let aoHome = tempDir('ao-long-');
    while (aoHome.length < 4100) aoHome = `${aoHome}/${'d'.repeat(200)}`;
    aoHome = aoHome.slice(0, 4075).replace(/\/$/, 'x');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(`${aoHome}/spool`, { recursive: true });
    const result = await runAo(aoHome, ['hooks', 'claude-code', 'stop'], { input: '{}', env: { ...env, AO_SESSION_ID: 'sess_1' } });
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: '' });
  });
});
