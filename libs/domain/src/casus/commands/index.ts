import type { ClosureCommand } from './closure';
import type { DeadlineCommand } from './deadlines';
import type { EscalationCommand } from './escalation';
import type { NotificationCommand } from './notifications';
import type { PlacementCommand } from './placement';
import type { RegistrationCommand } from './registration';
import type { ResponsibilityCommand } from './responsibility';
import type { StatutoryCommand } from './statutory';
import type { TableCommand } from './table';
import type { TransitionCommand } from './transition';

export type * from './closure';
export type * from './command';
export type * from './deadlines';
export type * from './escalation';
export type * from './notifications';
export type * from './placement';
export type * from './registration';
export type * from './responsibility';
export type * from './statutory';
export type * from './table';
export type * from './transition';

export type CaseCommand =
  | RegistrationCommand
  | TableCommand
  | ResponsibilityCommand
  | EscalationCommand
  | PlacementCommand
  | TransitionCommand
  | StatutoryCommand
  | DeadlineCommand
  | NotificationCommand
  | ClosureCommand;

export type CaseCommandType = CaseCommand['type'];
