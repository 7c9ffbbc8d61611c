import { useEffect, useState } from 'preact/hooks';
import type { LiveSessions, LiveState } from './live-sessions.js';

/** The live state, re-rendering the component when it changes. */
export function useLive(live: LiveSessions): LiveState {
  const [state, setState] = useState(live.state);
  useEffect(() => live.subscribe(() => setState(live.state)), [live]);
  return state;
}

/** The time now, moving every `everyMs`: relative times ("3 min ago") stay true without a server call. */
export function useNow(everyMs = 10_000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** The hash route: `#/` the list, `#/sessions/<id>` one session. */
export type Route = { page: 'list' } | { page: 'session'; id: string };

export function routeOf(hash: string): Route {
  const match = /^#\/sessions\/([^/?#]+)$/.exec(hash);
  return match ? { page: 'session', id: decodeURIComponent(match[1]!) } : { page: 'list' };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(routeOf(location.hash));
  useEffect(() => {
    const update = () => setRoute(routeOf(location.hash));
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}
