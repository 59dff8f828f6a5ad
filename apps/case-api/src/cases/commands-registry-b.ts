import type { Type } from '@nestjs/common';
import { ClosureController } from './closure.controller';
import { CLOSURE_HANDLERS } from './closure.commands';
import { DeadlinesController } from './deadlines.controller';
import { DEADLINE_HANDLERS } from './deadlines.commands';
import { EscalationController } from './escalation.controller';
import { ESCALATION_HANDLERS } from './escalation.commands';
import { PlacementController } from './placement.controller';
import { PLACEMENT_HANDLERS } from './placement.commands';

/** Controllers and command handlers of one group of case commands; wired in case-api.module.ts. */
export const CONTROLLERS: Type[] = [
  EscalationController,
  PlacementController,
  DeadlinesController,
  ClosureController,
];
export const HANDLERS: Type[] = [
  ...ESCALATION_HANDLERS,
  ...PLACEMENT_HANDLERS,
  ...DEADLINE_HANDLERS,
  ...CLOSURE_HANDLERS,
];
