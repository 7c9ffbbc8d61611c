import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { AoClient } from '../src/index.js';
import { startApiDaemon } from '../../cli/test/api-harness.js';
import { DEMO_ENV, aoHomesCleanedAfterEach } from '../../cli/test/runtime-harness.js';

const newHome = aoHomesCleanedAfterEach();
const EXAMPLE = fileURLToPath(new URL('../examples/approve-demo.mjs', import.meta.url));

/** Runs the example as its header says: `AO_HOME=… node packages/client/examples/approve-demo.mjs`. */
async function runExample(aoHome: string) {
  return promisify(execFile)(process.execPath, [EXAMPLE], { env: { ...process.env, AO_HOME: aoHome }, timeout: 120_000 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

describe('examples/approve-demo.mjs (the README program)', () => {
  it('spawns the demo agent, approves its open request by id, waits for idle, kills and removes it', async () => {
    const aoHome = newHome();
    await startApiDaemon(aoHome, DEMO_ENV);
    const run = await runExample(aoHome);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const lines = run.stdout.trimEnd().split('\n');
    const id = /^spawned demo-\d+ \((\w+)\)$/.exec(lines[0] ?? '')?.[1];
    expect(id, run.stdout).toBeDefined();
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(new RegExp(`^permission request (${id}\\.\\w+): Bash touch demo\\.txt$`)),
      expect.stringMatching(new RegExp(`^approved ${id}\\.\\w+$`)),
      expect.stringMatching(/^demo-\d+ is idle$/),
      `killed ${id}`,
      `removed ${id}`,
    ]);
    // The request it approved is the one it was shown.
    expect(lines[2]!.slice('approved '.length)).toBe(/request (\S+):/.exec(lines[1]!)?.[1]);
    // Nothing is left behind.
    expect(await new AoClient({ aoHome }).sessions.list({ all: true })).toEqual([]);
  });

  it('is the program the README shows, line for line', () => {
    const example = readFileSync(EXAMPLE, 'utf8');
    const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');
    const section = readme.slice(readme.indexOf('## A complete program'));
    const program = /```js\n([\s\S]*?)```/.exec(section)?.[1];
    // The file adds only its header comment.
    expect(program).toBe(example.slice(example.indexOf('import ')));
  });

  it('without a daemon, says how to start one and exits 1', async () => {
    const run = await runExample(newHome());
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^ao: no ao daemon serves .*start one with `ao daemon`.*\(unreachable\)\n$/);
  });
});
