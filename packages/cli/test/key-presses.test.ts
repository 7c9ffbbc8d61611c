import { describe, expect, it } from 'vitest';
import { splitKeyPresses } from '../src/commands/key-presses.js';

describe('the keys of an answer, split into key presses', () => {
  it('keeps an arrow key whole and tells a lone Esc from the start of a sequence', () => {
    expect(splitKeyPresses('\u001b[C\u001b[C\r')).toEqual(['\u001b[C', '\u001b[C', '\r']); // OpenCode: Right, Right, Enter
    expect(splitKeyPresses('\u001b')).toEqual(['\u001b']); // Claude, Codex: Esc
    expect(splitKeyPresses('\u001bOC1')).toEqual(['\u001bOC', '1']); // an arrow in application mode, then 1
    expect(splitKeyPresses('\u001b[1;5Cy')).toEqual(['\u001b[1;5C', 'y']); // Ctrl-Right, then y
    expect(splitKeyPresses('yé')).toEqual(['y', 'é']);
  });
});
