import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pty from 'node-pty';
import { describe, expect, it } from 'vitest';
import { DEMO_AGENT_PATH, demoAdapter } from '@ao/adapter-demo';
import { Screen } from '../src/host/screen.js';

/**
 * The session host types a first `ao send` only once the adapter's `inputReadyPattern` is on the
 * screen, as its headless terminal renders it (trailing blanks trimmed), and bounds the wait at
 * 30 s. A pattern that never matches the rendered prompt costs every first send those 30 s.
 */
describe("the demo's input-ready pattern", () => {
  it('matches its prompt as the session host sees it', async () => {
    const screen = new Screen(120, 40);
    let raw = '';
    const cwd = mkdtempSync(join(tmpdir(), 'ao-project-'));
    const agent = pty.spawn(process.execPath, [DEMO_AGENT_PATH], { name: 'xterm-256color', cols: 120, rows: 40, cwd, env: { PATH: process.env.PATH ?? '' } });
    const prompted = new Promise<void>((resolve) =>
      agent.onData((data) => {
        raw += data;
        screen.write(data);
        if (raw.includes('demo> ')) resolve();
      }),
    );
    try {
      await prompted;
      // The host keeps only the pattern's source (launch.json is JSON).
      expect(new RegExp(demoAdapter.inputReadyPattern!.source).test(await screen.text())).toBe(true);
    } finally {
      agent.kill('SIGKILL');
    }
  });
});
