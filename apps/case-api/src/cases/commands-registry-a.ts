import type { Type } from '@nestjs/common';
import { RESPONSIBILITY_HANDLERS } from './responsibility.commands';
import { ResponsibilityCommandsController } from './responsibility.controller';
import { STATUTORY_HANDLERS } from './statutory.commands';
import { StatutoryController } from './statutory.controller';
import { TABLE_HANDLERS } from './table.commands';
import { TableController } from './table.controller';
import { TRANSITION_HANDLERS } from './transition.commands';
import { TransitionController } from './transition.controller';

/**
 * Controllers and command handlers of one group of case commands; wired in case-api.module.ts. Group A: the
 * table (agenda, discussion, actions), responsibility (propose, request, accept, reject, end), statutory
 * applications and the 18-/18+ transition.
 */
export const CONTROLLERS: Type[] = [
  TableController,
  ResponsibilityCommandsController,
  StatutoryController,
  TransitionController,
];
export const HANDLERS: Type[] = [
  ...TABLE_HANDLERS,
  ...RESPONSIBILITY_HANDLERS,
  ...STATUTORY_HANDLERS,
  ...TRANSITION_HANDLERS,
];
