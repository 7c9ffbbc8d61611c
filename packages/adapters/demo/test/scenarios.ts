import type { PtyAgent } from './support.js';

/**
 * What a user does in each scenario and the exact hooks the demo agent must fire for it. The PTY
 * test runs every one against the real agent; with AO_RECORD_FIXTURES=1 it also writes the run to
 * fixtures/<name>.json, and the fixture replay test checks the recordings against these lists, so
 * a fixture that no longer matches the agent fails.
 */
export interface Scenario {
  name: string;
  description: string;
  args?: string[];
  drive(agent: PtyAgent): Promise<void>;
  events: string[];
}

/** Ctrl-D at an empty prompt: end of input, SessionEnd(prompt_input_exit), exit 0. */
const ctrlD = (agent: PtyAgent) => agent.key('\u0004');

async function permissionDialog(agent: PtyAgent, key: string): Promise<void> {
  await agent.waitForPrompts(1);
  agent.line('please ask permission to touch a file');
  await agent.waitFor(/Allow Bash: touch demo\.txt\?/);
  agent.key(key);
  await agent.waitForPrompts(2);
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'tool-turn',
    description: 'A prompt with no keyword: one Bash `ls` call that needs no permission, a reply, then Ctrl-D.',
    async drive(agent) {
      await agent.waitForPrompts(1);
      await agent.turn('what is in this project');
      ctrlD(agent);
    },
    events: ['session-start', 'user-prompt-submit', 'pre-tool-use', 'post-tool-use', 'stop', 'session-end'],
  },
  {
    name: 'permission-approved',
    description: 'A prompt with "permission": Bash `touch demo.txt` asks for permission, the user presses 1 (Yes), the turn ends, then Ctrl-D.',
    drive: async (agent) => {
      await permissionDialog(agent, '1');
      ctrlD(agent);
    },
    events: ['session-start', 'user-prompt-submit', 'pre-tool-use', 'permission-request', 'post-tool-use', 'stop', 'session-end'],
  },
  {
    name: 'permission-denied',
    description: 'A prompt with "permission": the user presses n (No) in the dialog; PermissionDenied, a reply, Stop, then Ctrl-D.',
    drive: async (agent) => {
      await permissionDialog(agent, 'n');
      ctrlD(agent);
    },
    events: ['session-start', 'user-prompt-submit', 'pre-tool-use', 'permission-request', 'permission-denied', 'stop', 'session-end'],
  },
  {
    name: 'question-answered',
    description: 'A prompt ending in "?": the agent asks "Which branch should I use?" (Elicitation), the user types a line, then Ctrl-D.',
    async drive(agent) {
      await agent.waitForPrompts(1);
      agent.line('can you open a pull request?');
      await agent.waitFor(/Which branch should I use\? /);
      await agent.turn('feature/demo');
      ctrlD(agent);
    },
    events: ['session-start', 'user-prompt-submit', 'elicitation', 'elicitation-result', 'stop', 'session-end'],
  },
  {
    name: 'api-error',
    description: 'A prompt with "fail": the turn dies on an API error (StopFailure, no Stop), then Ctrl-D.',
    async drive(agent) {
      await agent.waitForPrompts(1);
      await agent.turn('make it fail');
      ctrlD(agent);
    },
    events: ['session-start', 'user-prompt-submit', 'stop-failure', 'session-end'],
  },
  {
    name: 'tour',
    description: '"tour": a tool turn, a permission dialog the agent holds ~3 s then approves itself, a question it holds ~3 s then answers itself, then idle; then Ctrl-D.',
    async drive(agent) {
      await agent.waitForPrompts(1);
      await agent.turn('tour', 2);
      ctrlD(agent);
    },
    events: [
      'session-start',
      ...['user-prompt-submit', 'pre-tool-use', 'post-tool-use', 'stop'],
      ...['user-prompt-submit', 'pre-tool-use', 'permission-request', 'post-tool-use', 'stop'],
      ...['user-prompt-submit', 'elicitation', 'elicitation-result', 'stop'],
      'session-end',
    ],
  },
  {
    name: 'argv-prompt-then-exit',
    description: 'A prompt given on the command line is the first turn; then the user types "exit".',
    args: ['list', 'the', 'files'],
    async drive(agent) {
      await agent.waitForPrompts(2);
      agent.line('exit');
    },
    events: ['session-start', 'user-prompt-submit', 'pre-tool-use', 'post-tool-use', 'stop', 'session-end'],
  },
];
