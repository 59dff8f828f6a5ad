/**
 * `$.tables[].autoEscalation`: who carries the automatic escalation of a missed liaison answer, as the domain's
 * EscalateCase needs it (a mandate holder and a decision owner, each an organisation and a function title, never a
 * person's name). Required on a table with `autoEscalateOnMissedAnswer: true`; only a maatwerktafel has it; both
 * organisations must be members of the table.
 */

import type { TableAutoEscalation, TableFunctionaris } from '../types';
import { ORGANISATION_CODE_FORMAT } from './formats';
import { expectObject, expectString, rejectUnknownFields } from './primitives';
import { Problems, childPath } from './problems';

const AUTO_ESCALATION_FIELDS = ['mandateHolder', 'decisionOwner'] as const;
const FUNCTIONARIS_FIELDS = ['organisationCode', 'functionTitle'] as const;
/** The domain's limit for a function title. */
const FUNCTION_TITLE_MAX_LENGTH = 200;

export interface AutoEscalationContext {
  readonly kind: string | undefined;
  readonly autoEscalateOnMissedAnswer: boolean | undefined;
  /** Undefined when the members could not be read: membership is then not checked. */
  readonly members: readonly string[] | undefined;
}

function validateFunctionaris(
  value: unknown,
  at: string,
  members: readonly string[] | undefined,
  problems: Problems,
): TableFunctionaris | undefined {
  const obj = expectObject(value, at, problems);
  if (!obj) return undefined;
  rejectUnknownFields(obj, FUNCTIONARIS_FIELDS, at, problems);
  const organisationCode = expectString(obj, 'organisationCode', at, problems, ORGANISATION_CODE_FORMAT);
  const functionTitle = expectString(obj, 'functionTitle', at, problems, {
    maxLength: FUNCTION_TITLE_MAX_LENGTH,
  });
  if (organisationCode !== undefined && members && !members.includes(organisationCode)) {
    problems.add(
      childPath(at, 'organisationCode'),
      `"${organisationCode}" is not a member of this table (memberOrganisationCodes)`,
    );
    return undefined;
  }
  if (organisationCode === undefined || functionTitle === undefined) return undefined;
  return { organisationCode, functionTitle };
}

/** The table's automatic escalation, `undefined` when absent or invalid (problems say which). */
export function validateAutoEscalation(
  value: unknown,
  at: string,
  context: AutoEscalationContext,
  problems: Problems,
): TableAutoEscalation | undefined {
  if (value === undefined) {
    if (context.autoEscalateOnMissedAnswer === true) {
      problems.add(
        at,
        'a table with autoEscalateOnMissedAnswer needs autoEscalation (mandateHolder and decisionOwner)',
      );
    }
    return undefined;
  }
  if (context.kind !== undefined && context.kind !== 'maatwerktafel') {
    problems.add(at, `only a maatwerktafel escalates; this table is an ${context.kind}`);
    return undefined;
  }
  const obj = expectObject(value, at, problems);
  if (!obj) return undefined;
  rejectUnknownFields(obj, AUTO_ESCALATION_FIELDS, at, problems);
  const [mandateHolder, decisionOwner] = AUTO_ESCALATION_FIELDS.map((field) => {
    const fieldAt = childPath(at, field);
    if (obj[field] === undefined) {
      problems.add(fieldAt, 'required field is missing');
      return undefined;
    }
    return validateFunctionaris(obj[field], fieldAt, context.members, problems);
  });
  return mandateHolder && decisionOwner ? { mandateHolder, decisionOwner } : undefined;
}
