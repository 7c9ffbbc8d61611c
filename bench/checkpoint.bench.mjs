import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './stats.mjs';

const CHECKPOINTS = fileURLToPath(new URL('../packages/cli/dist/checkpoints/index.js', import.meta.url));

function time(run) {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function git(cwd, args, env = process.env) {
  const result = spawnSync('git', args, { cwd, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/**
 * Taking a checkpoint (docs/checkpoints.md) of a 20,000-file repository with a few edits and new
 * files, against `git status` in the same repository (what any git tool pays to look at the work
 * tree), interleaved. Also the snapshot seeded with `read-tree HEAD` instead of a copy of the index,
 * which hashes every file again: the reason the take copies the index.
 */
export async function benchCheckpoint(rounds = 9) {
  const { takeCheckpoint } = await import(CHECKPOINTS);
  const root = mkdtempSync(join(tmpdir(), 'ao-bench-checkpoint-'));
  git(root, ['init', '--quiet']);
  for (let d = 0; d < 100; d++) {
    mkdirSync(join(root, `d${d}`));
    for (let f = 0; f < 200; f++) writeFileSync(join(root, `d${d}`, `f${f}.txt`), `file ${d} ${f}\n`.repeat(50));
  }
  git(root, ['add', '-A']);
  git(root, ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgSign=false', 'commit', '--quiet', '-m', 'bench']);
  for (let i = 0; i < 5; i++) {
    writeFileSync(join(root, `d${i}`, 'f0.txt'), 'edited\n');
    writeFileSync(join(root, `new${i}.txt`), 'new\n');
  }
  const samples = { take: [], readTreeSeed: [], status: [] };
  for (let i = 0; i < rounds; i++) {
    samples.status.push(time(() => git(root, ['status', '--porcelain'])));
    samples.take.push(time(() => takeCheckpoint(root, 'bench')));
    samples.readTreeSeed.push(
      time(() => {
        const scratch = mkdtempSync(join(tmpdir(), 'ao-bench-index-'));
        const env = { ...process.env, GIT_INDEX_FILE: join(scratch, 'index') };
        for (const args of [['read-tree', 'HEAD'], ['add', '--all'], ['write-tree']]) git(root, args, env);
        rmSync(scratch, { recursive: true, force: true });
      }),
    );
  }
  rmSync(root, { recursive: true, force: true });
  const baseline = median(samples.status);
  const take = median(samples.take);
  return [
    { name: 'take a checkpoint, 20,000 files, 10 changed', p50: take, baseline, target: '≤ 5× git status', pass: take / baseline <= 5 },
    { name: 'snapshot seeded by read-tree HEAD (not used: rehashes every file)', p50: median(samples.readTreeSeed), baseline, target: 'comparison only' },
  ];
}
