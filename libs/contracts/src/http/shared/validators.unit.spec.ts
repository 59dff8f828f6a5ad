import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { PutOnAgendaDto } from '../agenda.dto';
import { ExtendDeadlineDto } from '../deadlines.dto';
import { IsCalendarDate, isCalendarDate } from './validators';

class Dated {
  @IsCalendarDate()
  day!: unknown;
}

function messagesFor(day: unknown): string[] {
  return validateSync(plainToInstance(Dated, { day })).flatMap((e) => Object.values(e.constraints ?? {}));
}

describe('IsCalendarDate: one check, one message for every date field', () => {
  it.each(['2026-03-05', '2024-02-29', '2000-02-29', '1999-12-31'])('accepts %s', (day) => {
    expect(isCalendarDate(day)).toBe(true);
    expect(messagesFor(day)).toEqual([]);
  });

  it.each([
    ['a day that does not exist', '2026-02-30'],
    ['29 February in a year without one', '2025-02-29'],
    ['month 13', '2026-13-01'],
    ['a time of day', '2026-03-05T10:00:00Z'],
    ['a week date', '2026-W10-4'],
    ['no dashes', '20260305'],
    ['a number', 20260305],
    ['null', null],
    ['an array', ['2026-03-05']],
    ['blank', ''],
  ])('refuses %s with exactly the one message', (_label, day) => {
    expect(isCalendarDate(day)).toBe(false);
    expect(messagesFor(day)).toEqual(['day must be an existing calendar date (YYYY-MM-DD)']);
  });

  it('gives the date fields of both command groups the same message', () => {
    const agenda = validateSync(plainToInstance(PutOnAgendaDto, { sessionDate: '2026-02-30' }));
    const deadline = validateSync(
      plainToInstance(ExtendDeadlineDto, { newDueDate: '2026-02-30', reason: 'Nieuwe informatie.' }),
    );
    expect(agenda.map((e) => [e.property, Object.values(e.constraints ?? {})])).toEqual([
      ['sessionDate', ['sessionDate must be an existing calendar date (YYYY-MM-DD)']],
    ]);
    expect(deadline.map((e) => [e.property, Object.values(e.constraints ?? {})])).toEqual([
      ['newDueDate', ['newDueDate must be an existing calendar date (YYYY-MM-DD)']],
    ]);
  });
});
