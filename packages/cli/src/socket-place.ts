import { lstatSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join } from 'node:path';
import { CliError } from './cli-error.js';

const require = createRequire(import.meta.url);

/**
 * Where ao's unix sockets live (the daemon's, and one per session host): the one decision every
 * server and every client goes through.
 *
 * A socket path must fit `sun_path`: 108 bytes on Linux, 104 on macOS and the BSDs, NUL included.
 * Node does not refuse a longer one: it binds a truncated path (in the parent of AO_HOME, say) that
 * no client finds. So: `$AO_HOME/run/` while the longest socket name fits there; else a short
 * directory only this user can reach, named by a hash of AO_HOME:
 * `$XDG_RUNTIME_DIR/ao-<hash>/` when XDG_RUNTIME_DIR is this user's private directory, else
 * `/tmp/ao-<uid>/<hash>/`. Both are created 0700 and verified (a real directory, not a symlink,
 * owned by this user, mode 0700) before a socket is bound or connected there; anything else is
 * refused with `unsafe_socket_directory`, since a directory another user controls could hold a
 * socket impersonating ao's. Processes of one AO_HOME must agree on XDG_RUNTIME_DIR (a login
 * session, or none, for all of them) to find each other's sockets.
 */

const SUN_PATH_BYTES = process.platform === 'linux' ? 108 : 104;
/** Room for the longest socket name ao binds: `<session id>.sock` (ids are 10 characters) or `daemon.sock`. */
const MAX_SOCKET_NAME_BYTES = 24;

interface SocketPlace {
  dir: string;
  /** Outside AO_HOME: created and verified as a private directory (with its parent, for /tmp). */
  external: boolean;
  /** The directories to create and verify, outermost first (external places only). */
  chain: string[];
}

const fits = (dir: string) => Buffer.byteLength(join(dir, 'x'.repeat(MAX_SOCKET_NAME_BYTES))) < SUN_PATH_BYTES;

function uid(): number {
  return typeof process.getuid === 'function' ? process.getuid() : -1;
}

const MISSING = 'does not exist';

/** Null for a real directory (not a symlink), owned by this user, that nobody else may enter (mode 0700); else what is wrong. */
function privateDirectoryProblem(dir: string): string | null {
  let stat;
  try {
    stat = lstatSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? MISSING : `cannot be examined (${code ?? 'error'})`;
  }
  if (stat.isSymbolicLink()) return 'is a symbolic link';
  if (!stat.isDirectory()) return 'is not a directory';
  if (uid() >= 0 && stat.uid !== uid()) return `belongs to user ${stat.uid}, not to you (${uid()})`;
  if ((stat.mode & 0o077) !== 0) return `has mode ${(stat.mode & 0o777).toString(8).padStart(4, '0')}, not 0700`;
  return null;
}

function placeFor(aoHome: string, env: NodeJS.ProcessEnv): SocketPlace {
  const inHome = join(aoHome, 'run');
  if (fits(inHome)) return { dir: inHome, external: false, chain: [] };
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  const hash = createHash('sha256').update(aoHome).digest('hex').slice(0, 16);
  const runtime = env.XDG_RUNTIME_DIR;
  if (runtime && isAbsolute(runtime) && privateDirectoryProblem(runtime) === null) {
    const dir = join(runtime, `ao-${hash}`);
    if (fits(dir)) return { dir, external: true, chain: [dir] };
  }
  const base = join('/tmp', `ao-${uid()}`);
  const dir = join(base, hash);
  return { dir, external: true, chain: [base, dir] };
}

function unsafe(dir: string, problem: string, aoHome: string): CliError {
  return new CliError(
    'unsafe_socket_directory',
    `${dir} ${problem}, so ao will not put its sockets there (AO_HOME ${aoHome} is too long for a socket path of its own); remove ${dir} and try again, or set AO_HOME to a path of at most ${
      SUN_PATH_BYTES - 1 - MAX_SOCKET_NAME_BYTES - '/run/'.length
    } bytes`,
  );
}

/**
 * The path of socket `name` for this AO_HOME. When the place is outside AO_HOME and already
 * exists it is verified first (throws `unsafe_socket_directory`); one that does not exist yet is
 * created by the server that binds there (prepareSocketDirectory), and a client finds nothing.
 */
export function socketPath(aoHome: string, name: string, env: NodeJS.ProcessEnv = process.env): string {
  if (Buffer.byteLength(name) > MAX_SOCKET_NAME_BYTES) throw new Error(`internal: socket name ${name} is longer than ${MAX_SOCKET_NAME_BYTES} bytes`);
  const place = placeFor(aoHome, env);
  if (place.external) {
    for (const dir of place.chain) {
      const problem = privateDirectoryProblem(dir);
      if (problem === MISSING) break; // nothing bound there yet
      if (problem !== null) throw unsafe(dir, problem, aoHome);
    }
  }
  return join(place.dir, name);
}

/** For a server about to bind: creates the socket directory (0700) and verifies it. Throws `unsafe_socket_directory`. */
export function prepareSocketDirectory(aoHome: string, env: NodeJS.ProcessEnv = process.env): string {
  const place = placeFor(aoHome, env);
  if (!place.external) {
    mkdirSync(place.dir, { recursive: true, mode: 0o700 });
    return place.dir;
  }
  for (const dir of place.chain) {
    try {
      mkdirSync(dir, { mode: 0o700 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw unsafe(dir, `cannot be created (${(error as NodeJS.ErrnoException).code ?? 'error'})`, aoHome);
    }
    const problem = privateDirectoryProblem(dir);
    if (problem !== null) throw unsafe(dir, problem, aoHome);
  }
  return place.dir;
}
