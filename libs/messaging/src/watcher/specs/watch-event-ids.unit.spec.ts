import { idFromParts, watchEventIds } from '../watch-event-ids';

const missed = (deadlineId: string, dueOn: string) => ({
  type: 'casus.DeadlineMissed.v1',
  data: { caseId: 'c1', deadlineId, kind: 'liaison-answer', dueOn },
});

describe('watchEventIds', () => {
  it('gives the same fact the same id, whatever the version or batch it is decided in', () => {
    const [alone] = watchEventIds('c1', [missed('liaison-answer:r1', '2026-03-11')], 7);
    const [, inBatch] = watchEventIds(
      'c1',
      [missed('liaison-answer:r0', '2026-03-10'), missed('liaison-answer:r1', '2026-03-11')],
      12,
    );
    expect(inBatch).toBe(alone);
    expect(alone).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('gives another case, deadline, due date or event type another id', () => {
    const ids = [
      watchEventIds('c1', [missed('liaison-answer:r1', '2026-03-11')], 0)[0],
      watchEventIds('c2', [missed('liaison-answer:r1', '2026-03-11')], 0)[0],
      watchEventIds('c1', [missed('liaison-answer:r2', '2026-03-11')], 0)[0],
      watchEventIds('c1', [missed('liaison-answer:r1', '2026-03-20')], 0)[0],
      watchEventIds(
        'c1',
        [{ ...missed('liaison-answer:r1', '2026-03-11'), type: 'casus.DeadlineApproaching.v1' }],
        0,
      )[0],
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('identifies the birthday by its date and an escalation by its id; anything else by its stream version', () => {
    const birthday = {
      type: 'casus.EighteenthBirthdayPassed.v1',
      data: { caseId: 'c1', birthday18: '2026-04-15' },
    };
    const escalation = {
      type: 'casus.CaseEscalated.v1',
      data: { caseId: 'c1', escalationId: 'auto-escalation-1' },
    };
    const other = { type: 'casus.Something.v1', data: { caseId: 'c1' } };
    expect(watchEventIds('c1', [birthday], 3)).toEqual(watchEventIds('c1', [birthday], 9));
    expect(watchEventIds('c1', [escalation], 3)).toEqual(watchEventIds('c1', [escalation], 9));
    expect(watchEventIds('c1', [other], 3)).not.toEqual(watchEventIds('c1', [other], 9));
    expect(watchEventIds('c1', [other], 3)).toEqual(watchEventIds('c1', [other], 3));
  });

  it('does not let parts run into each other', () => {
    expect(idFromParts(['ab', 'c'])).not.toBe(idFromParts(['a', 'bc']));
  });
});
