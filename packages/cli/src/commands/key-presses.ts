import type { HostRequest } from '../host/host-protocol.js';
import { encodeLine, openSocket, SocketClientError } from '../socket-client.js';

const ESC = '\u001b';

/**
 * Splits a key string into key presses: an escape sequence (`ESC [ … final`, `ESC O x`) is one
 * key, a lone ESC is the Esc key, anything else one character each.
 */
export function splitKeyPresses(keys: string): string[] {
  const chars = [...keys];
  const presses: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === ESC && chars[i + 1] === '[') {
      let end = i + 2;
      // Parameter and intermediate bytes, then one final byte in @..~.
      while (end < chars.length && !/[@-~]/.test(chars[end] as string)) end++;
      presses.push(chars.slice(i, end + 1).join(''));
      i = end;
    } else if (chars[i] === ESC && chars[i + 1] === 'O' && i + 2 < chars.length) {
      presses.push(chars.slice(i, i + 3).join(''));
      i += 2;
    } else {
      presses.push(chars[i] as string);
    }
  }
  return presses;
}

/**
 * Types key presses into a session's terminal through its host (`write` ops, raw bytes, nothing
 * added), `gapMs` apart: a TUI may read several keys arriving in one burst as a paste, or as one
 * unknown sequence. Resolves once the host has taken every key (it reads a connection's requests
 * in order, and closes its side only after the last one).
 */
export async function typeKeyPresses(socketPath: string, presses: string[], gapMs: number, timeoutMs = 10_000): Promise<void> {
  const socket = await openSocket(socketPath, 'the session host');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new SocketClientError('timeout', `the session host did not take the keys within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new SocketClientError('closed', `the session host dropped the connection (${error.code ?? error.message})`));
    });
    socket.once('close', (hadError) => {
      clearTimeout(timer);
      if (!hadError) resolve();
    });
    socket.on('data', () => {}); // the host sends nothing for writes; keep the stream flowing
    void (async () => {
      for (const [index, press] of presses.entries()) {
        if (index > 0) await new Promise((wait) => setTimeout(wait, gapMs));
        socket.write(encodeLine({ op: 'write', data: Buffer.from(press, 'utf8').toString('base64') } satisfies HostRequest));
      }
      socket.end();
    })();
  });
}
