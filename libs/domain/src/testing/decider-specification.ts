/**
 * A tiny given/when/then helper for deciders, after Emmett's DeciderSpecification:
 *
 *   const given = DeciderSpecification.for(caseDecider);
 *   given([registered]).when(triage).then([accepted]);
 *   given([registered]).when(register).thenThrows((e) => e instanceof CaseError && e.code === '...');
 *
 * It uses no test framework: a failed expectation throws a SpecificationError whose message shows both sides, so
 * any runner reports it. Events are compared as JSON data, strictly: a property that is missing is not the same as a
 * property that is undefined.
 */

export interface Decider<Command, Event, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

export class SpecificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpecificationError';
  }
}

type Outcome<Event> = { readonly events: Event[] } | { readonly error: unknown };

export interface WhenResult<Event> {
  /** The command produced exactly these events. */
  then(expected: readonly Event[]): void;
  thenNothingHappened(): void;
  /** The command was refused; `check` may inspect the error and returns false (or throws) when it is the wrong one. */
  thenThrows<E = unknown>(check?: (error: E) => boolean | void): E;
  /** The events, for assertions the helper does not offer. Throws when the command was refused. */
  events(): Event[];
}

export const DeciderSpecification = {
  for<Command, Event, State>(decider: Decider<Command, Event, State>) {
    return (given: readonly Event[]) => ({
      when(command: Command): WhenResult<Event> {
        const outcome = run(decider, given, command);
        const events = (): Event[] => {
          if ('error' in outcome) {
            throw new SpecificationError(
              `Expected events, but the command was refused: ${describe(outcome.error)}`,
            );
          }
          return outcome.events;
        };
        return {
          then(expected) {
            const actual = events();
            if (!jsonEqual(actual, expected)) {
              throw new SpecificationError(
                `Unexpected events.\nExpected: ${show(expected)}\nActual:   ${show(actual)}`,
              );
            }
          },
          thenNothingHappened() {
            const actual = events();
            if (actual.length > 0) throw new SpecificationError(`Expected no events, got: ${show(actual)}`);
          },
          thenThrows<E>(check?: (error: E) => boolean | void): E {
            if (!('error' in outcome)) {
              throw new SpecificationError(
                `Expected a refusal, but the command produced: ${show(outcome.events)}`,
              );
            }
            const error = outcome.error as E;
            if (check && check(error) === false) {
              throw new SpecificationError(
                `The command was refused, but not as expected: ${describe(error)}`,
              );
            }
            return error;
          },
          events,
        };
      },
    });
  },
};

function run<Command, Event, State>(
  decider: Decider<Command, Event, State>,
  given: readonly Event[],
  command: Command,
): Outcome<Event> {
  const state = given.reduce((s, e) => decider.evolve(s, e), decider.initialState());
  try {
    return { events: decider.decide(command, state) };
  } catch (error) {
    return { error };
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return `${error.name}${code === undefined ? '' : ` [${String(code)}]`}: ${error.message}`;
  }
  return String(error);
}

function show(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v === undefined ? '<undefined>' : v), 2);
}

/** Deep equality of JSON-like data; `{ a: undefined }` differs from `{}`. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every(
    (key) =>
      Object.prototype.hasOwnProperty.call(b, key) &&
      jsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}
