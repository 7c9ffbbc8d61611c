import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { Store, aoPaths, createSession } from '@ao/lifecycle';
import { AO_BIN, aoJson, tempDir } from './ao-harness.js';

const WRITERS = 32;
const SIGNALS_EACH = 50;

describe('32 concurrent ao hooks writers × 50 signals', () => {
  it('records all 1,600 signals, each session in capture order, while readers ingest concurrently', async () => {
    const aoHome = tempDir('ao-home-');
    const store = Store.open(aoPaths(aoHome).database);
    const ids = Array.from({ length: WRITERS }, () => createSession(store, { harness: 'claude-code', cwd: aoHome, expectsStartupSignal: true, now: Date.now() }).id);
    store.close();

    // Each writer is a shell loop calling the real launcher, as a harness would, one hook at a time.
    const loop = `i=1; while [ $i -le ${SIGNALS_EACH} ]; do printf '{"prompt":"%s"}' $i | "$AO" hooks claude-code user-prompt-submit; i=$((i+1)); done`;
    const writers = ids.map((id) => execa('sh', ['-c', loop], { env: { AO: AO_BIN, AO_HOME: aoHome, AO_SESSION_ID: id } }));
    // Readers ingest while the writers write.
    const readers = (async () => {
      for (let i = 0; i < 5; i++) await aoJson(aoHome, ['ls']);
    })();
    await Promise.all([...writers, readers]);

    await aoJson(aoHome, ['ls']);
    const events = (await aoJson(aoHome, ['events'])).filter((event: { event: string }) => event.event === 'user-prompt-submit');
    expect(events).toHaveLength(WRITERS * SIGNALS_EACH);
    for (const id of ids) {
      const prompts = events.filter((event: { sessionId: string }) => event.sessionId === id).map((event: { data: { prompt: string } }) => Number(event.data.prompt));
      expect(prompts).toEqual(Array.from({ length: SIGNALS_EACH }, (_, i) => i + 1));
    }
    const seqs = events.map((event: { seq: number }) => event.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
  }, 120_000);
});
