import { render } from 'preact';
import { whenSignedOut } from './api.js';
import { App } from './app.js';
import { LiveSessions } from './live-sessions.js';
import { Notices } from './notices.js';
import './styles.css';

const live = new LiveSessions();
const notices = new Notices();
whenSignedOut(() => live.signedOut());
const root = document.getElementById('app')!;
root.textContent = ''; // the "Loading…" line the HTML shows until this script runs
render(<App live={live} notices={notices} />, root);
void live.start();
