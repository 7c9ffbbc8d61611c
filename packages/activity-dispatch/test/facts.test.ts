import { describe, expect, it } from 'vitest';
import { cleanFact, FACT_MAX_LENGTH, pickFacts, isSticky, needsInput, needsInputReason } from '../src/index.js';

describe('facts', () => {
  it('strips control characters (terminal escapes, newlines) and trims', () => {
    expect(cleanFact('\u001b[31mred\u001b[0m\nnext\tline ')).toBe('[31mred [0m next line');
  });

  it('caps long strings with an ellipsis', () => {
    const fact = cleanFact('x'.repeat(10_000));
    expect(fact).toHaveLength(FACT_MAX_LENGTH);
    expect(fact?.endsWith('…')).toBe(true);
  });

  it('keeps only usable strings', () => {
    expect(pickFacts({ toolName: 'Bash', toolUseId: 42, prompt: '   ', model: null, error: ['x'] })).toEqual({ toolName: 'Bash' });
  });
});

describe('state predicates', () => {
  it('sticky and needs-input are the two dialog states; exited is neither', () => {
    expect(['active', 'idle', 'waiting_input', 'blocked', 'exited', null].map((state) => [isSticky(state as never), needsInput(state as never)])).toEqual([
      [false, false],
      [false, false],
      [true, true],
      [true, true],
      [false, false],
      [false, false],
    ]);
    expect(needsInputReason('blocked')).toBe('permission');
    expect(needsInputReason('waiting_input')).toBe('question');
  });
});
