import { actionDueDeadline, liaisonAnswerDeadline } from './deadline-constructors';
import { DeadlineError } from './deadline-error';
import type { DeadlineErrorCode } from './deadline-error';
import { close, extend, resume, suspend } from './deadline-lifecycle';
import type { Deadline } from './deadline-model';
import { effectiveDueAt } from './effective-due';

// Requested Monday 2 June 2025, due Tuesday 10 June (5 working days, Tweede Pinksterdag skipped).
const fresh = liaisonAnswerDeadline('req-1', '2025-06-02T09:00:00Z', 'org-zilveren-kruis');

function refusal(run: () => unknown): DeadlineError {
  try {
    run();
  } catch (error) {
    if (error instanceof DeadlineError) return error;
    throw error;
  }
  throw new Error('expected a DeadlineError');
}

function expectRefused(run: () => unknown, code: DeadlineErrorCode): DeadlineError {
  const error = refusal(run);
  expect(error.code).toBe(code);
  expect(error.name).toBe('DeadlineError');
  expect(error.message).toMatch(/^The deadline "/);
  return error;
}

describe('suspend (opschorten)', () => {
  it('given a running deadline, when suspended, then an open suspension with its reason is recorded', () => {
    const d = suspend(fresh, '2025-06-04T10:00:00Z', 'wachten op medische stukken');
    expect(d.suspensions).toEqual([{ from: '2025-06-04T10:00:00Z', reason: 'wachten op medische stukken' }]);
    expect(fresh.suspensions).toEqual([]);
  });

  it('given a suspended deadline, when suspended again, then it is refused with deadline.already-suspended', () => {
    const d = suspend(fresh, '2025-06-04T10:00:00Z', 'stukken');
    const error = expectRefused(
      () => suspend(d, '2025-06-05T10:00:00Z', 'nog iets'),
      'deadline.already-suspended',
    );
    expect(error.deadlineId).toBe('liaison-answer:req-1');
    expect(error.message).toContain('already suspended since 2025-06-04T10:00:00Z');
  });

  it('given a closed deadline, when suspended, then it is refused with deadline.closed', () => {
    expectRefused(
      () => suspend(close(fresh, '2025-06-03T10:00:00Z'), '2025-06-04T10:00:00Z', 'x'),
      'deadline.closed',
    );
  });

  it('given no reason, when suspended, then it is refused with deadline.reason-required', () => {
    expectRefused(() => suspend(fresh, '2025-06-04T10:00:00Z', '  '), 'deadline.reason-required');
  });

  it('given a moment before the start, when suspended, then it is refused with deadline.before-start', () => {
    expectRefused(() => suspend(fresh, '2025-06-01T10:00:00Z', 'x'), 'deadline.before-start');
  });

  it('given a moment before the last resume, when suspended, then it is refused with deadline.not-chronological', () => {
    const d = resume(suspend(fresh, '2025-06-04T10:00:00Z', 'stukken'), '2025-06-05T10:00:00Z');
    expectRefused(() => suspend(d, '2025-06-05T09:00:00Z', 'x'), 'deadline.not-chronological');
  });

  it('given a missed deadline, when suspended, then it is refused with deadline.already-missed', () => {
    const error = expectRefused(
      () => suspend(fresh, '2025-06-11T08:00:00Z', 'stukken'),
      'deadline.already-missed',
    );
    expect(error.message).toContain('Extend it instead');
  });

  it('given the due day itself, when suspended, then it is allowed (the deadline is not missed yet)', () => {
    expect(suspend(fresh, '2025-06-10T20:00:00Z', 'stukken').suspensions).toHaveLength(1);
  });
});

describe('resume', () => {
  it('given a suspended deadline, when resumed, then the suspension gets its end', () => {
    const d = resume(suspend(fresh, '2025-06-04T10:00:00Z', 'stukken'), '2025-06-06T10:00:00Z');
    expect(d.suspensions).toEqual([
      { from: '2025-06-04T10:00:00Z', until: '2025-06-06T10:00:00Z', reason: 'stukken' },
    ]);
  });

  it('given a running deadline, when resumed, then it is refused with deadline.not-suspended', () => {
    expectRefused(() => resume(fresh, '2025-06-06T10:00:00Z'), 'deadline.not-suspended');
  });

  it('given a moment before the suspension, when resumed, then it is refused with deadline.not-chronological', () => {
    const d = suspend(fresh, '2025-06-04T10:00:00Z', 'stukken');
    expectRefused(() => resume(d, '2025-06-04T09:00:00Z'), 'deadline.not-chronological');
  });
});

describe('extend (verlengen, once)', () => {
  it('given a running deadline, when extended to a later date, then the extension is recorded and applies', () => {
    const d = extend(fresh, '2025-06-20', 'aanbieder heeft wachtlijst', '2025-06-05T10:00:00Z');
    expect(d.extension).toEqual({
      newDueAt: '2025-06-20',
      reason: 'aanbieder heeft wachtlijst',
      at: '2025-06-05T10:00:00Z',
    });
    expect(d.originalDueAt).toBe('2025-06-10');
    expect(effectiveDueAt(d)).toBe('2025-06-20');
  });

  it('given an extended deadline, when extended again, then it is refused with deadline.already-extended', () => {
    const d = extend(fresh, '2025-06-20', 'wachtlijst', '2025-06-05T10:00:00Z');
    const error = expectRefused(
      () => extend(d, '2025-06-30', 'nog langer', '2025-06-06T10:00:00Z'),
      'deadline.already-extended',
    );
    expect(error.message).toContain('only once');
  });

  it.each(['2025-06-09', '2025-06-10'])(
    'given a due date of 10 June, when extended to %s, then it is refused with deadline.extension-not-later',
    (newDueAt) => {
      expectRefused(
        () => extend(fresh, newDueAt, 'x', '2025-06-05T10:00:00Z'),
        'deadline.extension-not-later',
      );
    },
  );

  it('given a suspension that moved the due date, when extended to a date between original and moved date, then it is refused', () => {
    const d = resume(suspend(fresh, '2025-06-03T10:00:00Z', 'stukken'), '2025-06-08T10:00:00Z');
    expect(effectiveDueAt(d)).toBe('2025-06-15');
    expectRefused(() => extend(d, '2025-06-12', 'x', '2025-06-09T10:00:00Z'), 'deadline.extension-not-later');
  });

  it('given a missed deadline, when extended to a date already past, then it is refused with deadline.extension-in-past', () => {
    expectRefused(
      () => extend(fresh, '2025-06-15', 'te laat', '2025-06-20T10:00:00Z'),
      'deadline.extension-in-past',
    );
  });

  it('given a missed deadline, when extended to a future date, then it is allowed', () => {
    expect(effectiveDueAt(extend(fresh, '2025-06-27', 'doorbraak', '2025-06-20T10:00:00Z'))).toBe(
      '2025-06-27',
    );
  });

  it('given a suspended deadline, when extended, then it is refused with deadline.suspended', () => {
    const d = suspend(fresh, '2025-06-04T10:00:00Z', 'stukken');
    expectRefused(() => extend(d, '2025-06-30', 'x', '2025-06-05T10:00:00Z'), 'deadline.suspended');
  });

  it('given no reason, when extended, then it is refused with deadline.reason-required', () => {
    expectRefused(() => extend(fresh, '2025-06-30', '', '2025-06-05T10:00:00Z'), 'deadline.reason-required');
  });

  it('given a closed deadline, when extended, then it is refused with deadline.closed', () => {
    expectRefused(
      () => extend(close(fresh, '2025-06-04T10:00:00Z'), '2025-06-30', 'x', '2025-06-05T10:00:00Z'),
      'deadline.closed',
    );
  });

  it('given an instant as new due date, then it is stored as its Dutch calendar date', () => {
    expect(extend(fresh, '2025-06-20T22:30:00Z', 'x', '2025-06-05T10:00:00Z').extension?.newDueAt).toBe(
      '2025-06-21',
    );
  });
});

describe('close', () => {
  it('given a running deadline, when closed, then closedAt is set', () => {
    expect(close(fresh, '2025-06-05T10:00:00Z').closedAt).toBe('2025-06-05T10:00:00Z');
  });

  it('given a closed deadline, when closed again, then it is refused with deadline.closed', () => {
    expectRefused(
      () => close(close(fresh, '2025-06-05T10:00:00Z'), '2025-06-06T10:00:00Z'),
      'deadline.closed',
    );
  });

  it('given an agreed deadline met before the day it started, when closed, then that is allowed', () => {
    const d: Deadline = actionDueDeadline('act-1', '2025-06-02T09:00:00Z', '2025-06-15', 'org-a');
    expect(close(d, '2025-06-01T09:00:00Z').closedAt).toBe('2025-06-01T09:00:00Z');
  });

  it('given a change at a later moment, when closed earlier than that, then it is refused with deadline.not-chronological', () => {
    const d = extend(fresh, '2025-06-20', 'x', '2025-06-05T10:00:00Z');
    expectRefused(() => close(d, '2025-06-04T10:00:00Z'), 'deadline.not-chronological');
  });
});
