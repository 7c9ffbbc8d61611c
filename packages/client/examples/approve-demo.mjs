// Spawns ao's demo agent with a prompt that needs permission, waits until it asks, approves that
// very request by its id, waits for the turn to end, then kills and removes the session.
//
// Against a running daemon (`ao daemon`, or the one `ao spawn` starts):
//   AO_HOME=~/.ao node packages/client/examples/approve-demo.mjs
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AoApiError, AoClient } from '@ao/client';

// Finds the daemon of $AO_HOME (else ~/.ao) through its run/api.json and api-token.
const client = new AoClient();
// The demo agent writes nothing, but a scratch directory keeps even that promise out of your project.
const cwd = mkdtempSync(join(tmpdir(), 'ao-demo-'));
const minute = { timeoutMs: 60_000 };

let session;
try {
  session = await client.sessions.spawn({ agent: 'demo', cwd, prompt: 'create a file (needs permission)' });
  console.log(`spawned ${session.name} (${session.id})`);

  const asking = await client.sessions.waitFor(session.id, (s) => s.openRequest !== null, minute);
  const request = asking.openRequest;
  console.log(`${request.kind} request ${request.id}: ${request.tool} ${request.detail}`);

  // Naming the request makes the answer safe: if another dialog had replaced it meanwhile, the
  // daemon would refuse with 409 stale_request and type nothing.
  const answer = await client.requests.approve(session.id, request.id);
  console.log(`approved ${answer.requestId}`);

  const idle = await client.sessions.waitFor(session.id, (s) => s.status === 'idle', minute);
  console.log(`${idle.name} is ${idle.status}`);

  await client.sessions.kill(session.id);
  console.log(`killed ${session.id}`);
  await client.sessions.remove(session.id);
  console.log(`removed ${session.id}`);
  session = undefined;
} catch (error) {
  if (!(error instanceof AoApiError)) throw error;
  console.error(`ao: ${error.message} (${error.code}${error.status ? `, HTTP ${error.status}` : ''})`);
  process.exitCode = 1;
} finally {
  // Leave nothing running behind a failure.
  if (session) await client.sessions.kill(session.id).catch(() => {});
}
