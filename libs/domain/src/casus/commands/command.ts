import type { CommandMetadata } from '../../vocabulary';

/** A command to the casus decider: a type, its data and who issues it when. */
export interface CaseCommandOf<Type extends string, Data> {
  readonly type: Type;
  readonly data: Readonly<Data>;
  readonly metadata: CommandMetadata;
}
