/**
 * Child process of the ingestion-memory bench: ingests the spool of the AO_HOME given as argv[2]
 * with the real adapters, then prints its own peak RSS and the time ingestion took. A process of
 * its own, so the peak is ingestion's alone (maxRSS never goes down).
 */
import { Store, aoPaths, ingestSpool } from '@ao/lifecycle';
import { createDefaultRegistry } from '../packages/cli/dist/adapters.js';

const paths = aoPaths(process.argv[2]);
const store = Store.open(paths.database);
const registry = createDefaultRegistry();
const start = process.hrtime.bigint();
const stats = ingestSpool({ store, spoolDir: paths.spool, findDeriver: (harness) => registry.find(harness) });
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
store.close();
process.stdout.write(JSON.stringify({ stats, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
