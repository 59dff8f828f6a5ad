import type { StoredEvent } from '@casusregie/event-store';
import { UnmappableEventError } from '../policy/envelope';
import { type DeadLetter, deadLetterMessage, describeError } from './dead-letter';

const PERSONAL = 'Jan Jansen, BSN 123456782, born 1970-01-01';

const event: StoredEvent = {
  eventId: '0b9f3a5e-7d0c-4f0e-9a57-5f8a4c1d2e3f',
  type: 'casus.FromTheFuture.v9',
  streamId: 'case-c1',
  streamVersion: 2,
  globalPosition: 17,
  data: { note: PERSONAL },
  metadata: {
    actor: { userId: 'u1', role: 'coordinator', organisationId: 'GM0344' },
    correlationId: 'c',
    causationId: 'c',
    occurredAt: '2026-11-24T10:00:00.000Z',
    recordedAt: '2026-11-24T10:00:01.000Z',
    schemaVersion: 9,
  },
  chainHash: 'ab',
};

const letterOf = (error: unknown, reason: DeadLetter['reason'] = 'unmappable'): DeadLetter => {
  const message = deadLetterMessage('kafka-relay', event, reason, error, new Date('2026-11-24T11:00:00Z'));
  expect(message.value).not.toContain('Jan Jansen');
  expect(message.value).not.toContain('123456782');
  return JSON.parse(message.value) as DeadLetter;
};

describe('dead letters', () => {
  it('carry the name and code of an UnmappableEventError and a fixed description, never its message', () => {
    const error = new UnmappableEventError(event, `the event data has no case id (${PERSONAL})`);
    const letter = letterOf(error);
    expect(letter.error).toEqual({
      name: 'UnmappableEventError',
      code: 'unmappable-event',
      description: expect.stringContaining('UnmappableEventError') as string,
    });
    expect(letter).toMatchObject({ reason: 'unmappable', globalPosition: 17, eventId: event.eventId });
  });

  it('describe any other exception by its class name only', () => {
    expect(letterOf(new TypeError(`Cannot read ${PERSONAL}`)).error).toEqual({
      name: 'TypeError',
      code: 'mapping-failed',
      description: 'The mapping threw an error or returned a malformed message.',
    });
    expect(letterOf(PERSONAL).error.name).toBe('Error');
    const renamed = new Error('x');
    renamed.name = PERSONAL;
    expect(letterOf(renamed).error.name).toBe('Error');
  });

  it('name a too-large message without its size or content', () => {
    expect(describeError('message-too-large', new RangeError(PERSONAL))).toEqual({
      name: 'RangeError',
      code: 'message-too-large',
      description: 'A message mapped from the event is larger than the relay allows.',
    });
  });
});
