import { useEffect, useRef, useState } from 'preact/hooks';
import { sessionPath } from './api.js';

type TerminalState = 'loading' | 'live' | 'ended' | 'reconnecting';

function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The session's terminal, read-only, in xterm.js (loaded with this page only: the list does not pay
 * for it). Fed by `GET /v1/sessions/{id}/output/stream`: what the host kept, then each write;
 * EventSource resumes after the last chunk it got, and a `reset` (output lost meanwhile) clears it.
 * 120 columns, as the session host's PTY: a narrow screen scrolls it sideways rather than re-wrapping.
 */
export function TerminalView({ sessionId }: { sessionId: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<TerminalState>('loading');
  useEffect(() => {
    let disposed = false;
    let source: EventSource | null = null;
    let dispose = () => {};
    void import('./xterm-loader.js').then(({ createTerminal }) => {
      if (disposed || !host.current) return;
      const terminal = createTerminal(host.current);
      dispose = () => terminal.dispose();
      source = new EventSource(`${sessionPath(sessionId)}/output/stream`);
      source.onopen = () => setState('live');
      source.onerror = () => setState((now) => (now === 'ended' ? now : 'reconnecting'));
      source.addEventListener('output', (message) => terminal.write(bytesOf((JSON.parse((message as MessageEvent<string>).data) as { base64: string }).base64)));
      source.addEventListener('reset', () => terminal.reset());
      source.addEventListener('end', () => {
        source?.close();
        setState('ended');
      });
    });
    return () => {
      disposed = true;
      source?.close();
      dispose();
    };
  }, [sessionId]);
  const words: Record<TerminalState, string> = { loading: 'Loading the terminal…', live: 'Live', ended: 'The session has ended: this is its last output.', reconnecting: 'Reconnecting…' };
  return (
    <div class="terminal-block">
      <p class={`terminal-state terminal-${state}`} role="status">
        {words[state]}
      </p>
      <div class="terminal-scroll" tabIndex={0} aria-label="Terminal output (read-only)">
        <div class="terminal" ref={host} data-testid="terminal" />
      </div>
    </div>
  );
}
