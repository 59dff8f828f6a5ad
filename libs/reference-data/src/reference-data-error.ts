/** The one error of this library: reference data that cannot be read or does not pass validation. */

export interface ReferenceDataProblem {
  /** Where the problem is, as a JSON path into the file, e.g. `$.organisations[3].codes.cbs`. */
  readonly path: string;
  readonly message: string;
}

export class ReferenceDataError extends Error {
  override readonly name = 'ReferenceDataError';

  constructor(
    /** Every problem found, in file order; never empty. */
    readonly problems: readonly ReferenceDataProblem[],
    /** The file the data came from, when it came from a file. */
    readonly source?: string,
  ) {
    super(describe(problems, source));
  }
}

function describe(problems: readonly ReferenceDataProblem[], source?: string): string {
  const where = source === undefined ? 'Reference data' : `Reference data in ${source}`;
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const lines = problems.map((p) => `  - ${p.path}: ${p.message}`);
  return [`${where} is invalid (${count}):`, ...lines].join('\n');
}
