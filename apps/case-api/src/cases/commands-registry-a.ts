import type { Type } from '@nestjs/common';

/** Controllers and command handlers of one group of case commands; wired in case-api.module.ts. */
export const CONTROLLERS: Type[] = [];
export const HANDLERS: Type[] = [];
