import { connect } from 'node:net';
import { resolveAoHome } from '@ao/lifecycle';
import { buildId, daemonSocketPath, type SessionsRequest } from './daemon/daemon-protocol.js';
import { displayOptions } from './display-settings.js';
import { renderSessionTable } from './session-table.js';

/**
 * `ao ls [--all] [--json]` answered by a running daemon. Returns false (and prints nothing) when
 * no daemon of this build answers quickly; the caller then runs the ordinary command.
 */
export async function tryDaemonList(args: string[]): Promise<boolean> {
  const aoHome = resolveAoHome();
  const all = args.includes('--all');
  const json = args.includes('--json');
  let display;
  try {
    display = displayOptions(process.env, Date.now());
  } catch {
    return false; // the ordinary command reports the bad setting
  }
  const request: SessionsRequest = {
    op: 'sessions',
    all,
    build: buildId(),
    staleAfterMs: display.staleAfterMs as number,
    noSignalAfterMs: display.noSignalAfterMs as number,
  };
  const body = await new Promise<Buffer | null>((done) => {
    const socket = connect(daemonSocketPath(aoHome));
    const timer = setTimeout(() => {
      socket.destroy();
      done(null);
    }, 2000);
    const chunks: Buffer[] = [];
    socket.on('error', () => {
      clearTimeout(timer);
      done(null);
    });
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => {
      clearTimeout(timer);
      const all = Buffer.concat(chunks);
      const newline = all.indexOf(0x0a);
      if (newline < 0) return done(null);
      try {
        const header = JSON.parse(all.subarray(0, newline).toString('utf8')) as { ok: boolean; bytes?: number };
        const payload = all.subarray(newline + 1);
        done(header.ok && payload.length === header.bytes ? payload : null);
      } catch {
        done(null);
      }
    });
    socket.write(`${JSON.stringify(request)}\n`);
  });
  if (body === null) return false;
  if (json) process.stdout.write(body);
  else process.stdout.write(renderSessionTable(JSON.parse(body.toString('utf8')), all, Date.now()));
  return true;
}
