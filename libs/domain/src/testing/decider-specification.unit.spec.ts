import { DeciderSpecification, SpecificationError, jsonEqual } from './decider-specification';

/** A counter decider: increments by the amount asked, refuses to go above 3. */
type Command = { type: 'Add'; by: number };
type Event = { type: 'Added'; data: { by: number; note?: string } };
const counter = {
  initialState: () => 0,
  evolve: (state: number, event: Event) => state + event.data.by,
  decide: (command: Command, state: number): Event[] => {
    if (state + command.by > 3) throw new RangeError('too much');
    return command.by === 0 ? [] : [{ type: 'Added', data: { by: command.by } }];
  },
};
const given = DeciderSpecification.for(counter);
const added = (by: number): Event => ({ type: 'Added', data: { by } });

describe('DeciderSpecification', () => {
  it('passes when the command produces exactly the expected events on the state of the given events', () => {
    expect(() =>
      given([added(1)])
        .when({ type: 'Add', by: 2 })
        .then([added(2)]),
    ).not.toThrow();
  });

  it('fails, showing both sides, when the events differ', () => {
    expect(() =>
      given([])
        .when({ type: 'Add', by: 2 })
        .then([added(1)]),
    ).toThrow(/Expected: .*\n.*Actual/s);
  });

  it('treats an undefined property as different from a missing one', () => {
    const withUndefined: Event = { type: 'Added', data: { by: 2, note: undefined } };
    expect(() => given([]).when({ type: 'Add', by: 2 }).then([withUndefined])).toThrow(SpecificationError);
  });

  it('checks refusals, and returns the error for further checks', () => {
    const error = given([added(3)])
      .when({ type: 'Add', by: 1 })
      .thenThrows((e: unknown) => e instanceof RangeError);
    expect(error).toBeInstanceOf(RangeError);
    expect(() =>
      given([added(3)])
        .when({ type: 'Add', by: 1 })
        .thenThrows((e: unknown) => e instanceof TypeError),
    ).toThrow(/not as expected/);
  });

  it('fails thenThrows when the command succeeds, and then when it was refused', () => {
    expect(() => given([]).when({ type: 'Add', by: 1 }).thenThrows()).toThrow(/Expected a refusal/);
    expect(() =>
      given([added(3)])
        .when({ type: 'Add', by: 1 })
        .then([]),
    ).toThrow(/was refused/);
  });

  it('checks that nothing happened', () => {
    expect(() => given([]).when({ type: 'Add', by: 0 }).thenNothingHappened()).not.toThrow();
    expect(() => given([]).when({ type: 'Add', by: 1 }).thenNothingHappened()).toThrow(/Expected no events/);
  });
});

describe('jsonEqual', () => {
  it('compares JSON data deeply and strictly', () => {
    expect(jsonEqual({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(jsonEqual([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: '1' })).toBe(false);
  });
});
