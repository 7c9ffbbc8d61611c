import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { installCspSafeStyles } from './csp-safe-styles.js';

/** A read-only xterm.js of the session host's size (120 columns); its own chunk, loaded by the session page. */
export function createTerminal(element: HTMLElement): Terminal {
  installCspSafeStyles();
  const terminal = new Terminal({
    disableStdin: true,
    cols: 120,
    rows: 30,
    scrollback: 5000,
    convertEol: false,
    cursorBlink: false,
    fontSize: 13,
    fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
    theme: { background: '#0f172a', foreground: '#e2e8f0' },
  });
  terminal.open(element);
  return terminal;
}
