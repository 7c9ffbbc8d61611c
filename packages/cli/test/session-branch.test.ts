import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { aoJson, runAo } from './ao-harness.js';
import { api, startApiDaemon } from './api-harness.js';
import { committedRepo } from './git-fixture.js';
import { aoHomesCleanedAfterEach } from './runtime-harness.js';

const newHome = aoHomesCleanedAfterEach();

describe("the session object's branch: the same at every door, and current after a checkout", () => {
  it('HTTP, ao ls (served by the daemon), ao status and ao json ls name the branch checked out in cwd, and follow a checkout that changed nothing in the store', async () => {
    const aoHome = newHome();
    const repo = committedRepo({ 'README.md': 'hi\n' });
    execFileSync('git', ['checkout', '-q', '-b', 'main'], { cwd: repo });
    const daemon = await startApiDaemon(aoHome);
    const { id } = await aoJson<{ id: string }>(aoHome, ['register', '--agent', 'claude-code', '--cwd', repo]);

    const everyDoor = async () => {
      const http = (await api(daemon, 'GET', '/v1/sessions')).body.sessions[0].branch;
      const one = (await api(daemon, 'GET', `/v1/sessions/${id}`)).body.branch;
      const ls = (await aoJson<any[]>(aoHome, ['ls']))[0].branch;
      const status = (await aoJson<any>(aoHome, ['status', id])).branch;
      const json = JSON.parse((await runAo(aoHome, ['json'], { input: JSON.stringify({ version: 'v1', action: 'ls' }) })).stdout).result[0].branch;
      return { http, one, ls, status, json };
    };
    expect(await everyDoor()).toEqual({ http: 'main', one: 'main', ls: 'main', status: 'main', json: 'main' });

    // The daemon's cached answers are no older than the checkout.
    execFileSync('git', ['checkout', '-q', '-b', 'feature/x'], { cwd: repo });
    expect(await everyDoor()).toEqual({ http: 'feature/x', one: 'feature/x', ls: 'feature/x', status: 'feature/x', json: 'feature/x' });
  });
});
