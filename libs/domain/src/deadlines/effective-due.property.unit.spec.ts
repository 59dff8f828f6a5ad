import fc from 'fast-check';
import { actionDueDeadline } from './deadline-constructors';
import { resume, suspend } from './deadline-lifecycle';
import type { Deadline } from './deadline-model';
import { deadlineState } from './deadline-state';
import { effectiveDueAt, isSuspendedAt, suspendedDays } from './effective-due';
import { addWorkingDays, isWorkingDay } from './working-days';

const DAY_MS = 86_400_000;
const BASE_MS = Date.UTC(2024, 0, 1);

// Hours 00–21 UTC fall on the same calendar day in Dutch time (UTC+1/+2), so a test day is a Dutch day.
const dateOf = (day: number) => new Date(BASE_MS + day * DAY_MS).toISOString().slice(0, 10);
const instantOf = (day: number, hour: number) => `${dateOf(day)}T${String(hour).padStart(2, '0')}:15:00Z`;
const dayOf = (date: string) => Math.round((Date.parse(`${date}T00:00:00Z`) - BASE_MS) / DAY_MS);

const suspensionArb = fc.record({
  gapDays: fc.nat({ max: 20 }),
  lengthDays: fc.nat({ max: 30 }),
  fromHour: fc.integer({ min: 0, max: 21 }),
  untilHour: fc.integer({ min: 0, max: 21 }),
});

describe('effectiveDueAt under random suspensions (property)', () => {
  it('given random valid suspensions, then the due date is never earlier than the original and moves by exactly the suspended days', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 60 }),
        fc.array(suspensionArb, { maxLength: 6 }),
        fc.boolean(),
        fc.nat({ max: 40 }),
        fc.integer({ min: 0, max: 21 }),
        (startDay, termDays, suspensions, lastStaysOpen, extraDays, atHour) => {
          let d: Deadline = actionDueDeadline(
            'act',
            instantOf(startDay, 8),
            dateOf(startDay + termDays),
            'org-a',
          );
          const originalDay = startDay + termDays;
          let cursor = { day: startDay, hour: 8 };
          let expectedDays = 0;
          let open: { day: number; hour: number } | undefined;

          suspensions.forEach((s, index) => {
            // Start no later than the current due date (a missed deadline cannot be suspended).
            const fromDay = Math.min(cursor.day + s.gapDays, originalDay + expectedDays);
            const from = {
              day: fromDay,
              hour: fromDay === cursor.day ? Math.max(cursor.hour, s.fromHour) : s.fromHour,
            };
            d = suspend(d, instantOf(from.day, from.hour), `reden ${index}`);
            if (lastStaysOpen && index === suspensions.length - 1) {
              open = from;
              return;
            }
            const untilDay = from.day + s.lengthDays;
            const until = {
              day: untilDay,
              hour: s.lengthDays === 0 ? Math.max(from.hour, s.untilHour) : s.untilHour,
            };
            d = resume(d, instantOf(until.day, until.hour));
            expectedDays += s.lengthDays;
            cursor = until;
          });

          const last = open ?? cursor;
          const atDay = last.day + extraDays;
          const at = instantOf(atDay, atDay === last.day ? Math.max(last.hour, atHour) : atHour);
          if (open) expectedDays += atDay - open.day;

          const due = effectiveDueAt(d, at);
          expect(dayOf(due)).toBeGreaterThanOrEqual(dayOf(d.originalDueAt));
          expect(dayOf(due) - dayOf(d.originalDueAt)).toBe(expectedDays);
          expect(suspendedDays(d, at)).toBe(expectedDays);
          if (isSuspendedAt(d, at)) expect(deadlineState(d, at, 0)).not.toBe('missed');
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('addWorkingDays (property)', () => {
  it('given a random date and n ≥ 1, then the result is a working day with exactly n working days after the start', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 40 }), (startDay, n) => {
        const result = addWorkingDays(dateOf(startDay), n);
        expect(isWorkingDay(result)).toBe(true);
        let counted = 0;
        for (let day = startDay + 1; day <= dayOf(result); day += 1)
          if (isWorkingDay(dateOf(day))) counted += 1;
        expect(counted).toBe(n);
      }),
      { numRuns: 300 },
    );
  });
});
