import { decodeCursor, encodeCursor } from './cursor';
import { ReadModelQueryError } from './query-error';

describe('keyset cursors', () => {
  it('round-trips the key of the sort it was made for', () => {
    const cursor = encodeCursor('cases:urgency:desc', [0, 1741248000000, 'case-é"1']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 'cases:urgency:desc', 3)).toEqual([0, 1741248000000, 'case-é"1']);
  });

  it.each([
    ['another sort', encodeCursor('cases:updatedAt:desc', [1, 'a']), 'cases:registeredAt:desc', 2],
    ['another key length', encodeCursor('gaps', [1, 2]), 'gaps', 3],
    ['not base64 JSON', '%%%', 'gaps', 3],
    ['a JSON object', Buffer.from('{"a":1}').toString('base64url'), 'gaps', 1],
    ['a null key value', Buffer.from('["gaps",null]').toString('base64url'), 'gaps', 1],
  ])('rejects %s as invalid-cursor', (_, cursor, kind, length) => {
    expect(() => decodeCursor(cursor as string, kind as string, length as number)).toThrow(
      ReadModelQueryError,
    );
  });
});
