import { describe, expect, it } from 'vitest';
import { demoTranscriptPath } from '../src/hook-reporter.js';

describe("the demo's transcript path", () => {
  it("is the session's own file under AO_HOME", () => {
    expect(demoTranscriptPath({ AO_HOME: '/home/u/.ao', AO_SESSION_ID: 'abc_1-2' })).toBe('/home/u/.ao/sessions/abc_1-2/demo-transcript.jsonl');
  });

  it('is none without AO_HOME, or with a session id that is not a plain path component', () => {
    expect(demoTranscriptPath({ AO_SESSION_ID: 'abc' })).toBeUndefined();
    expect(demoTranscriptPath({ AO_HOME: '/home/u/.ao', AO_SESSION_ID: '../../etc' })).toBeUndefined();
    expect(demoTranscriptPath({ AO_HOME: '/home/u/.ao' })).toBeUndefined();
  });
});
