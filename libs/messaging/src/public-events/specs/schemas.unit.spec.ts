import * as domain from '@casusregie/domain';
import caseEventSchema from '../../../schemas/case-event.v1.schema.json';
import notificationSchema from '../../../schemas/notification.v1.schema.json';
import { NOTIFICATION_SCHEMA, toNotificationMessageValue } from '../../policy/notification-message';
import { ASKED_ACTIONS, NOTIFICATION_KINDS } from '../../policy/notification';
import { catalogue } from '../../policy/test-support/catalogue';
import { CASE_EVENT_SCHEMA, toPublicCaseEvent } from '../public-case-event';
import { PUBLIC_CASE_EVENT_TYPES, PUBLIC_DATA_RULES } from '../public-data';
import { type JsonSchema, validate } from '../test-support/json-schema';

const CASE_EVENT = caseEventSchema as unknown as JsonSchema;
const NOTIFICATION = notificationSchema as unknown as JsonSchema;
const DEFS = (
  caseEventSchema as unknown as { $defs: Record<string, { properties?: object; enum?: unknown[] }> }
).$defs;

describe('the JSON Schemas of the messages (libs/messaging/schemas)', () => {
  const { steps, journeys } = catalogue();
  const events = steps.map((s) => toPublicCaseEvent(s.envelope)!);
  const notifications = journeys.flatMap((j) => j.notifications()).map(toNotificationMessageValue);

  it('name their schema ids and draft 2020-12', () => {
    for (const [schema, id] of [
      [caseEventSchema, CASE_EVENT_SCHEMA],
      [notificationSchema, NOTIFICATION_SCHEMA],
    ] as const) {
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.title).toBe(id);
      expect(schema.properties.schema).toEqual({ const: id });
    }
  });

  it('accept every public case event of every type, which declares every field it carries', () => {
    expect(new Set(events.map((e) => e.type)).size).toBe(PUBLIC_CASE_EVENT_TYPES.length);
    const problems = events
      .map((e) => ({ type: e.type, errors: validate(CASE_EVENT, e, { closed: true }) }))
      .filter((p) => p.errors.length > 0);
    expect(problems).toEqual([]);
  });

  it('accept every notification of every kind, which declares every field it carries', () => {
    expect(new Set(notifications.map((n) => n.kind))).toEqual(new Set(NOTIFICATION_KINDS));
    const problems = notifications
      .map((n) => ({ kind: n.kind, errors: validate(NOTIFICATION, n, { closed: true }) }))
      .filter((p) => p.errors.length > 0);
    expect(problems).toEqual([]);
  });

  it('describe the data of exactly the types that have a public form, with exactly the fields kept', () => {
    const described = caseEventSchema.allOf.map((rule) => rule.if.properties.type.const);
    expect([...described].sort()).toEqual([...PUBLIC_CASE_EVENT_TYPES].sort());
    for (const rule of caseEventSchema.allOf) {
      const type = rule.if.properties.type.const as keyof typeof PUBLIC_DATA_RULES;
      const def = DEFS[rule.then.properties.data.$ref.replace('#/$defs/', '')];
      const fieldRules = PUBLIC_DATA_RULES[type] as Readonly<Record<string, unknown>>;
      const kept = Object.keys(fieldRules).filter(
        (f) => fieldRules[f] !== 'free-text' && fieldRules[f] !== 'personal',
      );
      expect({ type, fields: Object.keys(def.properties ?? {}).sort() }).toEqual({
        type,
        fields: kept.sort(),
      });
    }
  });

  it('list the values of the domain vocabularies as the domain has them', () => {
    const vocabularies: Record<string, readonly string[]> = {
      CaseType: domain.CASE_TYPES,
      Urgency: domain.URGENCIES,
      OrganisationKind: domain.ORGANISATION_KINDS,
      PartyRole: domain.PARTY_ROLES,
      NeedCategory: domain.NEED_CATEGORIES,
      LawDomain: domain.LAW_DOMAINS,
      ResponsibilityStatus: domain.RESPONSIBILITY_STATUSES,
      ResponsibilityBasis: domain.RESPONSIBILITY_BASES,
      TakesEffect: domain.TAKES_EFFECT,
      JeugdhulpKader: domain.JEUGDHULP_KADERS,
      EscalationLevel: domain.ESCALATION_LEVELS,
      EscalationReason: domain.ESCALATION_REASONS,
      RejectionReason: domain.REJECTION_REASONS,
      OfferRefusalReason: domain.OFFER_REFUSAL_REASONS,
      CaseResult: domain.CASE_RESULTS,
      StatutoryApplicationKind: domain.STATUTORY_APPLICATION_KINDS,
      StatutoryOutcome: domain.STATUTORY_OUTCOMES,
      VerlengdeJeugdhulpCondition: domain.VERLENGDE_JEUGDHULP_CONDITIONS,
      WegwijzerVerdict: domain.WEGWIJZER_VERDICTS,
      DeadlineKind: domain.DEADLINE_KINDS,
    };
    for (const [name, values] of Object.entries(vocabularies)) {
      expect({ name, values: DEFS[name].enum }).toEqual({ name, values: [...values] });
    }
  });

  it('list the current notification kinds and asked codes as examples', () => {
    expect(notificationSchema.properties.kind.examples).toEqual([...NOTIFICATION_KINDS]);
    expect(notificationSchema.properties.asked.examples).toEqual([...ASKED_ACTIONS]);
    for (const value of [...NOTIFICATION_KINDS, ...ASKED_ACTIONS]) {
      expect(value).toMatch(new RegExp(notificationSchema.properties.kind.pattern));
    }
  });

  describe('the validator the tests use', () => {
    const [notification] = notifications;
    const event = events.find((e) => e.type === 'casus.CaseEscalated.v1')!;

    it('refuses a message without a required field, with a wrong type, an unknown value or a bad date', () => {
      const { caseId: _caseId, ...withoutCase } = notification;
      expect(validate(NOTIFICATION, withoutCase)).toEqual(['$: caseId is required']);
      expect(validate(NOTIFICATION, { ...notification, dueDate: 20260301 })).toEqual([
        '$.dueDate: expected string, got integer',
      ]);
      expect(validate(NOTIFICATION, { ...notification, dueDate: '1-3-2026' })).toHaveLength(1);
      expect(validate(NOTIFICATION, { ...notification, schema: 'casusregie.notification.v2' })).toHaveLength(
        1,
      );
      expect(validate(CASE_EVENT, { ...event, data: { ...event.data, level: 'gemeenteraad' } })).toEqual([
        `$.data.level: "gemeenteraad" is not one of ${JSON.stringify(domain.ESCALATION_LEVELS)}`,
      ]);
      expect(validate(CASE_EVENT, { ...event, occurredAt: 'yesterday' })).toHaveLength(1);
      expect(validate(CASE_EVENT, { ...event, streamVersion: -1 })).toHaveLength(1);
    });

    it('refuses, when closed, a field the schema does not declare, also in nested data', () => {
      expect(validate(NOTIFICATION, { ...notification, summary: 'x' })).toEqual([]);
      expect(validate(NOTIFICATION, { ...notification, summary: 'x' }, { closed: true })).toEqual([
        '$: summary is not declared in the schema',
      ]);
      const withTitle = {
        ...event,
        data: { ...event.data, decisionOwner: { organisationId: 'GM0344', functionTitle: 'x' } },
      };
      expect(validate(CASE_EVENT, withTitle, { closed: true })).toEqual([
        '$.data.decisionOwner: functionTitle is not declared in the schema',
      ]);
    });

    it('checks the data of a type against that type only, and lets a type it does not know pass', () => {
      const wrongData = { ...event, type: 'casus.CaseClosed.v1' };
      expect(validate(CASE_EVENT, wrongData)).toContain('$.data: result is required');
      expect(validate(CASE_EVENT, { ...event, type: 'casus.SomethingNew.v1' })).toEqual([]);
    });

    it('refuses a schema that uses a keyword it does not check', () => {
      expect(() => validate({ type: 'string', maxLength: 3 }, 'abcd')).toThrow('keyword maxLength');
    });
  });
});
