/** Collecting validation problems with their JSON paths. */

import type { ReferenceDataProblem } from '../reference-data-error';

export class Problems {
  private readonly found: ReferenceDataProblem[] = [];

  add(path: string, message: string): void {
    this.found.push({ path, message });
  }

  get list(): readonly ReferenceDataProblem[] {
    return this.found;
  }

  get isEmpty(): boolean {
    return this.found.length === 0;
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `$.a` + `b` → `$.a.b`; `$.a` + `2` → `$.a[2]`; odd keys are quoted: `$.a["x y"]`. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}
