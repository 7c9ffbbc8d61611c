import { describe, expect, it } from 'vitest';
import { judgeReapPass, type SessionProbe } from '../src/reaper/reap-judgement.js';

const probe = (sessionId: string, first: SessionProbe['first'], second?: SessionProbe['second'], hostExitRecorded = false): SessionProbe => ({
  sessionId,
  first,
  ...(second !== undefined && { second }),
  hostExitRecorded,
});

describe('judgeReapPass', () => {
  it('confirms a death by two consecutive dead probes', () => {
    expect(judgeReapPass([probe('a', 'dead', 'dead'), probe('b', 'alive')], 0).confirmedDead).toEqual(['a']);
  });

  it('one dead probe alone is not enough; one probe plus the host exit record is', () => {
    expect(judgeReapPass([probe('a', 'dead', 'alive')], 0).confirmedDead).toEqual([]);
    expect(judgeReapPass([probe('a', 'dead', undefined, true)], 0).confirmedDead).toEqual(['a']);
  });

  it('a failed probe never confirms anything', () => {
    expect(judgeReapPass([probe('a', 'failed'), probe('b', 'dead', 'failed')], 0).confirmedDead).toEqual([]);
  });

  it('trips the breaker when ≥ 5 probed and > 50 % look dead, holding all but host-reported deaths', () => {
    const probes = [
      probe('a', 'dead', 'dead'),
      probe('b', 'dead', 'dead'),
      probe('c', 'dead', undefined, true),
      probe('d', 'alive'),
      probe('e', 'alive'),
    ];
    const judgement = judgeReapPass(probes, 0);
    expect(judgement).toEqual({ confirmedDead: ['c'], inconclusive: true, breakerTrips: 1 });
  });

  it('does not trip below five sessions or at exactly half', () => {
    expect(judgeReapPass([probe('a', 'dead', 'dead'), probe('b', 'dead', 'dead'), probe('c', 'dead', 'dead')], 0).inconclusive).toBe(false);
    const half = [probe('a', 'dead', 'dead'), probe('b', 'dead', 'dead'), probe('c', 'dead', 'dead'), probe('d', 'alive'), probe('e', 'alive'), probe('f', 'alive')];
    expect(judgeReapPass(half, 0).confirmedDead).toEqual(['a', 'b', 'c']);
  });

  it('a mass death that persists for three passes is believed', () => {
    const probes = ['a', 'b', 'c', 'd', 'e'].map((id) => probe(id, 'dead', 'dead'));
    const first = judgeReapPass(probes, 0);
    const second = judgeReapPass(probes, first.breakerTrips);
    const third = judgeReapPass(probes, second.breakerTrips);
    expect([first.inconclusive, second.inconclusive, third.inconclusive]).toEqual([true, true, false]);
    expect(third.confirmedDead).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(third.breakerTrips).toBe(0);
  });
});
