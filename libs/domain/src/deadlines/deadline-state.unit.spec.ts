import { actionDueDeadline, cizDecisionDeadline, liaisonAnswerDeadline } from './deadline-constructors';
import { close, extend, resume, suspend } from './deadline-lifecycle';
import { deadlineState, deadlinesAt } from './deadline-state';

// Due Tuesday 10 June 2025 (end of the day, Dutch time: 21:59:59Z in summer).
const liaison = liaisonAnswerDeadline('req-1', '2025-06-02T09:00:00Z', 'org-zilveren-kruis');

describe('deadlineState', () => {
  it.each([
    ['2025-06-02T09:00:00Z', 'open'],
    ['2025-06-07T21:59:59Z', 'open'],
    ['2025-06-07T22:00:00Z', 'approaching'], // 00:00 on 8 June Dutch time: 2 days before the due day
    ['2025-06-10T12:00:00Z', 'approaching'],
    ['2025-06-10T21:59:59Z', 'approaching'], // 23:59:59 Dutch time on the due day
    ['2025-06-10T22:00:00Z', 'missed'], // 00:00 on 11 June Dutch time
    ['2025-07-01T09:00:00Z', 'missed'],
  ])('given a lead time of 2 days, when asked at %s, then the deadline is %s', (t, expected) => {
    expect(deadlineState(liaison, t, 2)).toBe(expected);
  });

  it('given a lead time of 0, then only the due day itself is approaching', () => {
    expect(deadlineState(liaison, '2025-06-09T12:00:00Z', 0)).toBe('open');
    expect(deadlineState(liaison, '2025-06-10T12:00:00Z', 0)).toBe('approaching');
  });

  it('given a deadline suspended before its due date, then it is never missed while suspended', () => {
    const d = suspend(liaison, '2025-06-09T10:00:00Z', 'wachten op stukken');
    for (const t of ['2025-06-11T10:00:00Z', '2025-06-30T10:00:00Z', '2026-01-15T10:00:00Z']) {
      expect(deadlineState(d, t, 2)).not.toBe('missed');
    }
    // Stopped one day before its due date, the due date moves along with the calendar and stays one day ahead.
    expect(deadlineState(d, '2025-06-30T10:00:00Z', 2)).toBe('approaching');
    expect(deadlineState(d, '2025-06-30T10:00:00Z', 0)).toBe('open');
  });

  it('given a deadline suspended on its due day, then it stays not missed until resumed, and is due on the day it resumes', () => {
    const suspended = suspend(liaison, '2025-06-10T15:00:00Z', 'stukken');
    expect(deadlineState(suspended, '2025-06-20T10:00:00Z', 0)).toBe('approaching');
    const resumed = resume(suspended, '2025-06-20T09:00:00Z');
    expect(deadlineState(resumed, '2025-06-20T20:00:00Z', 0)).toBe('approaching');
    expect(deadlineState(resumed, '2025-06-21T08:00:00Z', 0)).toBe('missed');
  });

  it('given a resumed deadline, then the clock runs again from the moved due date', () => {
    const d = resume(suspend(liaison, '2025-06-04T10:00:00Z', 'stukken'), '2025-06-09T10:00:00Z');
    expect(deadlineState(d, '2025-06-14T10:00:00Z', 2)).toBe('approaching');
    expect(deadlineState(d, '2025-06-15T12:00:00Z', 2)).toBe('approaching');
    expect(deadlineState(d, '2025-06-16T12:00:00Z', 2)).toBe('missed');
  });

  it('given a closed deadline, then it is closed from the closing moment on, and as it was before', () => {
    const d = close(liaison, '2025-06-12T10:00:00Z');
    expect(deadlineState(d, '2025-06-11T10:00:00Z', 2)).toBe('missed');
    expect(deadlineState(d, '2025-06-12T10:00:00Z', 2)).toBe('closed');
  });

  it('given an extension, then the state before the extension is judged against the original date', () => {
    const d = extend(liaison, '2025-06-30', 'wachtlijst', '2025-06-12T10:00:00Z');
    expect(deadlineState(d, '2025-06-11T10:00:00Z', 2)).toBe('missed');
    expect(deadlineState(d, '2025-06-12T10:00:00Z', 2)).toBe('open');
    expect(deadlineState(d, '2025-06-29T10:00:00Z', 2)).toBe('approaching');
  });

  it('given a negative lead time, then it is refused', () => {
    expect(() => deadlineState(liaison, '2025-06-02T09:00:00Z', -1)).toThrow(
      expect.objectContaining({ code: 'deadline.invalid-input' }),
    );
  });
});

describe('deadlinesAt', () => {
  const ciz = cizDecisionDeadline('need-1', '2025-05-05T09:00:00Z', 'org-ciz'); // 6 weeks: due Monday 16 June
  const action = actionDueDeadline('act-1', '2025-06-02T09:00:00Z', '2025-06-06', 'org-aanbieder');
  const closedAction = close(
    actionDueDeadline('act-2', '2025-06-02T09:00:00Z', '2025-06-04', 'org-a'),
    '2025-06-03T09:00:00Z',
  );
  const suspendedAction = suspend(
    actionDueDeadline('act-3', '2025-06-02T09:00:00Z', '2025-06-05', 'org-b'),
    '2025-06-04T09:00:00Z',
    'cliënt opgenomen',
  );
  const all = [liaison, ciz, action, closedAction, suspendedAction];

  const ids = (result: ReturnType<typeof deadlinesAt>) => ({
    open: result.open.map((d) => d.id),
    approaching: result.approaching.map((d) => d.id),
    missed: result.missed.map((d) => d.id),
  });

  it('given five deadlines, when asked on 3 June (lead 3), then the agreed actions approach, the closed one is left out', () => {
    expect(ciz.originalDueAt).toBe('2025-06-16');
    expect(ids(deadlinesAt(all, '2025-06-03T08:00:00Z', 3)).approaching).toContain('action-due:act-2');
    expect(ids(deadlinesAt(all, '2025-06-03T10:00:00Z', 3))).toEqual({
      open: ['liaison-answer:req-1', 'ciz-decision:need-1'],
      approaching: ['action-due:act-1', 'action-due:act-3'],
      missed: [],
    });
  });

  it('given five deadlines, when asked on 9 June (lead 3), then the action is missed and the liaison answer approaches', () => {
    expect(ids(deadlinesAt(all, '2025-06-09T10:00:00Z', 3))).toEqual({
      open: ['ciz-decision:need-1'],
      approaching: ['liaison-answer:req-1', 'action-due:act-3'],
      missed: ['action-due:act-1'],
    });
  });

  it('given five deadlines, when asked on 20 June (lead 3), then the liaison answer and CIZ decision are missed too, but not the suspended action', () => {
    expect(ids(deadlinesAt(all, '2025-06-20T10:00:00Z', 3))).toEqual({
      open: [],
      approaching: ['action-due:act-3'],
      missed: ['liaison-answer:req-1', 'ciz-decision:need-1', 'action-due:act-1'],
    });
  });

  it('given no deadlines, then all lists are empty', () => {
    expect(deadlinesAt([], '2025-06-20T10:00:00Z', 3)).toEqual({ open: [], approaching: [], missed: [] });
  });
});
