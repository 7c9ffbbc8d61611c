#!/usr/bin/env node
/**
 * `npm run bench`: ao's performance targets (docs/architecture.md, Targets), each reported with a baseline measured
 * in the same run, because the machines are shared and noisy. Prints a Markdown table.
 */
import { benchCheckpoint } from './checkpoint.bench.mjs';
import { benchDashboard } from './dashboard.bench.mjs';
import { benchHookCapture } from './hook-capture.bench.mjs';
import { benchHttpApi } from './http-api.bench.mjs';
import { benchIngestion } from './ingestion.bench.mjs';
import { benchIngestionMemory } from './ingestion-memory.bench.mjs';
import { benchNotifyLatency } from './notify.bench.mjs';
import { benchOpencodeStartup } from './opencode-startup.bench.mjs';
import { benchReaper } from './reaper.bench.mjs';
import { benchUsage } from './usage.bench.mjs';
import { benchDaemonRss, benchList, benchSessionLatencies } from './runtime.bench.mjs';
import { ms } from './stats.mjs';

const rows = [];
const verdict = (row) => (row.pass === undefined ? '' : row.pass ? 'met' : 'MISSED');

for (const row of benchHookCapture()) {
  rows.push([row.name, `p50 ${ms(row.p50)} (p95 ${ms(row.p95)})`, ms(row.baseline), `${(row.p50 / row.baseline).toFixed(2)}×`, row.target ?? '', verdict(row)]);
}
for (const row of benchIngestion()) {
  rows.push([row.name, `${Math.round(row.rate).toLocaleString('en')} signals/s`, `bare inserts ${Math.round(row.baselineRate).toLocaleString('en')}/s`, `${(row.baselineRate / row.rate).toFixed(1)}× slower than bare`, row.target, verdict(row)]);
}
for (const row of benchIngestionMemory()) {
  const mb = (value) => `${Math.round(value)} MB`;
  const s = (value) => `${value.toFixed(2)} s`;
  rows.push([
    row.name,
    `peak RSS ${mb(row.maxRssMb)}, ${s(row.seconds)}`,
    `as many small records: ${mb(row.baseline.maxRssMb)}, ${s(row.baseline.seconds)}`,
    `${(row.maxRssMb / row.baseline.maxRssMb).toFixed(1)}× RSS, ${(row.seconds / row.baseline.seconds).toFixed(1)}× time`,
    row.target,
    verdict(row),
  ]);
}
for (const row of benchUsage()) {
  rows.push([row.name, `p50 ${ms(row.p50)} a turn (the first read of the whole transcript: ${ms(row.firstRead)})`, `the same turn without usage: ${ms(row.baseline)}`, `${(row.p50 / row.baseline).toFixed(2)}×`, row.target, verdict(row)]);
}
for (const row of await benchReaper()) {
  rows.push([row.name, `p50 ${ms(row.p50)}`, `${ms(row.baseline)} (1,000 /proc reads)`, `${(row.p50 / row.baseline).toFixed(1)}×`, row.target, verdict(row)]);
}

for (const row of await benchSessionLatencies()) {
  rows.push([row.name, `p50 ${ms(row.p50)}`, `node -e 0: ${ms(row.baseline)}`, `${(row.p50 / row.baseline).toFixed(1)}×`, row.target, verdict(row)]);
}
for (const row of await benchList()) {
  rows.push([row.name, `p50 ${ms(row.p50)}`, `node -e 0: ${ms(row.baseline)}`, `${(row.p50 / row.baseline).toFixed(2)}×`, row.target, verdict(row)]);
}
{
  const api = await benchHttpApi();
  for (const row of [api.list, api.page]) {
    rows.push([row.name, `p50 ${ms(row.p50)} (p95 ${ms(row.p95)})`, `GET /v1/health, same connection: ${ms(row.baseline)}`, `${(row.p50 / row.baseline).toFixed(1)}×`, row.target, verdict(row)]);
  }
  const { stream } = api;
  rows.push([
    stream.name,
    `p50 ${ms(stream.p50)} / p99 ${ms(stream.p99)} (from capture: p50 ${ms(stream.fromCaptureP50)} / p99 ${ms(stream.fromCaptureP99)})`,
    `1 subscriber: p50 ${ms(stream.baselineP50)} / p99 ${ms(stream.baselineP99)}`,
    `${(stream.p99 / stream.baselineP99).toFixed(2)}× at p99`,
    stream.target,
    verdict(stream),
  ]);
}
for (const row of await benchCheckpoint()) {
  rows.push([row.name, `p50 ${ms(row.p50)}`, `git status: ${ms(row.baseline)}`, `${(row.p50 / row.baseline).toFixed(1)}×`, row.target, verdict(row)]);
}
for (const row of await benchNotifyLatency()) {
  rows.push([row.name, `p50 ${ms(row.p50)}, p99 ${ms(row.p99)}`, `same signal on the SSE stream: p50 ${ms(row.baseline)}, p99 ${ms(row.baselineP99)}`, `${(row.p50 / row.baseline).toFixed(2)}×`, row.target, verdict(row)]);
}
for (const row of await benchDashboard()) {
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  rows.push([row.name, `FCP p50 ${ms(row.p50)}, 1,000-session list shown ${ms(row.listShown)}; loads ${kb(row.bytes)} gzip (terminal chunk +${kb(row.sizes.terminal)})`, `plain-text page: ${ms(row.baseline)}`, `${(row.p50 / row.baseline).toFixed(2)}×`, row.target, verdict(row)]);
}
if (!process.env.AO_BENCH_SKIP_OPENCODE) {
  const row = await benchOpencodeStartup();
  const s = (value) => `${(value / 1000).toFixed(1)} s`;
  if (row.skipped) rows.push([row.name, `not measured: ${row.skipped}`, '', '', '', '']);
  else rows.push([row.name, `p50 ${s(row.signalP50)} (its first model request ${s(row.modelP50)})`, `OpenCode alone → first model request: ${s(row.baseline)}`, `${row.ratio.toFixed(2)}×`, row.target, verdict(row)]);
}
if (!process.env.AO_BENCH_SKIP_RSS) {
  for (const row of await benchDaemonRss()) rows.push([row.name, `${row.value.toFixed(1)} MB`, '', '', row.target, verdict(row)]);
}

const header = ['benchmark', 'result', 'baseline (same run)', 'ratio', 'target', 'verdict'];
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---').join('|')}|`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
if (rows.some((row) => row[5] === 'MISSED')) process.exitCode = 1;
