import { useEffect } from 'preact/hooks';
import type { LiveSessions } from './live-sessions.js';
import type { Notices } from './notices.js';
import { SessionList } from './session-list.js';
import { SessionPage } from './session-page.js';
import { useLive, useRoute } from './use-live.js';

/** What the page says about its link to the daemon: visibly, and announced when it changes. */
function ConnectionBanner({ live }: { live: LiveSessions }) {
  const { connection } = useLive(live);
  return (
    <div class={`connection connection-${connection}`} role="status" aria-live="polite" data-connection={connection}>
      {connection === 'live' && (
        <span>
          <span aria-hidden="true">● </span>Live
        </span>
      )}
      {connection === 'connecting' && <span>Connecting…</span>}
      {connection === 'reconnecting' && (
        <span>
          <span aria-hidden="true">⟳ </span>Connection lost: reconnecting…
        </span>
      )}
      {connection === 'signed-out' && (
        <span>
          Not logged in. Run <code>ao open</code> in a terminal and follow the link it prints.
        </span>
      )}
    </div>
  );
}

export function App({ live, notices }: { live: LiveSessions; notices: Notices }) {
  const route = useRoute();
  const { connection } = useLive(live);
  useEffect(() => {
    document.title = route.page === 'session' ? `${route.id} · ao` : 'ao dashboard';
  }, [route]);
  return (
    <>
      <header class="top">
        <a class="brand" href="#/">
          ao
        </a>
        <ConnectionBanner live={live} />
      </header>
      {connection === 'signed-out' ? (
        <main id="main" class="signed-out">
          <h1>ao dashboard</h1>
          <p>
            This page needs a login. In a terminal, run <code>ao open</code>: it prints a link that logs this browser in (it works once, for 2 minutes).
          </p>
        </main>
      ) : route.page === 'session' ? (
        <SessionPage id={route.id} live={live} notices={notices} />
      ) : (
        <SessionList live={live} notices={notices} />
      )}
    </>
  );
}
