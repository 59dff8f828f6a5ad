import { CASE_EVENT_TYPES } from '@casusregie/domain';
import { UnmappableEventError } from '../../policy/envelope';
import { at, CaseJourney, type JourneyStep } from '../../policy/test-support/case-journey';
import { BIRTHDAY_18, catalogue } from '../../policy/test-support/catalogue';
import { ORG } from '../../policy/test-support/organisations';
import { personalDataIn, SEEDED, SEEDED_WORDS } from '../../policy/test-support/personal-data';
import { caseEventHeaders, caseEventKey } from '../case-event-message';
import { toPublicCaseEvent } from '../public-case-event';
import { PUBLIC_CASE_EVENT_TYPES, PUBLIC_DATA_RULES, removedFields } from '../public-data';
import { publicDeadlineId } from '../public-deadline-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type Rules = Readonly<Record<string, Readonly<Record<string, unknown>>>>;
const RULES = PUBLIC_DATA_RULES as unknown as Rules;

function published(step: JourneyStep) {
  const event = toPublicCaseEvent(step.envelope);
  if (!event) throw new Error(`no public form for ${step.envelope.type}`);
  return event;
}

function stepsOfType(steps: readonly JourneyStep[], type: string): JourneyStep[] {
  return steps.filter((s) => s.envelope.type === type);
}

describe('toPublicCaseEvent', () => {
  const { steps } = catalogue();

  it.each([...CASE_EVENT_TYPES])('publishes %s with its coordinates and without its free text', (type) => {
    const found = stepsOfType(steps, type);
    expect(found.length).toBeGreaterThan(0);
    for (const step of found) {
      const event = published(step);
      const source = step.envelope.data as Record<string, unknown>;
      expect(event).toMatchObject({
        schema: 'casusregie.case-event.v1',
        eventId: step.envelope.eventId,
        type,
        caseId: source.caseId,
        streamVersion: step.envelope.streamVersion,
        globalPosition: step.envelope.globalPosition,
        occurredAt: step.envelope.metadata.occurredAt,
        correlationId: step.envelope.metadata.correlationId,
      });
      // Every field the decider wrote is classified; what is kept is there, what is removed is not.
      const rule = RULES[type];
      expect(Object.keys(source).filter((field) => !Object.hasOwn(rule, field))).toEqual([]);
      const kept = Object.keys(rule).filter(
        (field) => rule[field] !== 'free-text' && rule[field] !== 'personal',
      );
      expect(Object.keys(event.data).sort()).toEqual(kept.filter((f) => Object.hasOwn(source, f)).sort());
      const removedAtTop = removedFields(type as keyof typeof PUBLIC_DATA_RULES).filter((f) =>
        /^\w+$/.test(f),
      );
      expect(removedAtTop.filter((field) => Object.hasOwn(event.data, field))).toEqual([]);
    }
  });

  it('has a public form for every current case event type, the deadline watcher’s included', () => {
    expect([...PUBLIC_CASE_EVENT_TYPES].sort()).toEqual([...CASE_EVENT_TYPES].sort());
    expect(PUBLIC_CASE_EVENT_TYPES).toEqual(
      expect.arrayContaining([
        'casus.DeadlineApproaching.v1',
        'casus.DeadlineMissed.v1',
        'casus.NotificationAcknowledged.v1',
      ]),
    );
  });

  it('leaves out the summary, the subject id and the date the client turns 18 of a registration', () => {
    const transition = stepsOfType(steps, 'casus.CaseRegistered.v1').find(
      (s) => (s.envelope.data as { birthday18: string | null }).birthday18 !== null,
    )!;
    const { data } = published(transition);
    expect(data).not.toHaveProperty('summary');
    expect(data).not.toHaveProperty('subjectId');
    expect(data).not.toHaveProperty('birthday18');
    expect(data).toMatchObject({ caseType: 'transitie-18-min-18-plus', regiehouder: ORG.utrecht });
  });

  it('keeps the wegwijzer verdict of a proposal but not its evaluation date (the 18th birthday of a successor)', () => {
    const proposals = stepsOfType(steps, 'casus.ResponsibilityProposed.v1');
    expect(proposals.length).toBeGreaterThan(0);
    for (const proposal of proposals) {
      const source = (proposal.envelope.data as { wegwijzer: Record<string, unknown> }).wegwijzer;
      const { evaluatedOn: _removed, ...rest } = source;
      const wegwijzer = published(proposal).data.wegwijzer;
      expect(wegwijzer).toEqual(rest);
      expect(wegwijzer).not.toHaveProperty('evaluatedOn');
    }
  });

  it('keeps the organisations of an escalation but not the function titles, the question or the decision text', () => {
    const [escalated] = stepsOfType(steps, 'casus.CaseEscalated.v1');
    const e = published(escalated).data;
    expect(e.mandateHolder).toEqual({ organisationId: 'ZK-UTRECHT' });
    expect(e.decisionOwner).toEqual({ organisationId: 'GM0344' });
    expect(e).not.toHaveProperty('question');
    const [decided] = stepsOfType(steps, 'casus.BreakthroughDecided.v1');
    const d = published(decided).data as { assignments: object[] };
    expect(d).not.toHaveProperty('summary');
    expect(d.assignments[0]).toEqual({
      needId: 'need-pv',
      responsibilityId: 'dec-1:need-pv',
      lawDomain: 'Wmo',
      financierOrganisationId: 'GM0344',
      financierKind: 'gemeente',
      provisional: true,
      deliveredByOrganisationId: '06010101',
      supersededResponsibilityIds: ['resp-pv'],
    });
  });

  it('keeps the routes of a toekomstplan without their explanations', () => {
    const [plan] = stepsOfType(steps, 'casus.TransitionPlanRecorded.v1');
    expect(published(plan).data.routes).toEqual([
      {
        route: 'successor',
        needId: 'need-beg',
        lawDomain: 'Wmo',
        financierOrganisationId: 'GM0344',
        responsibilityId: 'r-beg-wmo',
      },
      { route: 'verlengde-jeugdhulp', needId: 'need-ggz', condition: 'ii' },
      { route: 'ending', needId: 'need-pv' },
    ]);
  });

  it('publishes a rejection stored in version 1 as version 2, without its free-text reason', () => {
    const [legacy] = stepsOfType(steps, 'casus.ResponsibilityRejected.v1');
    const event = published(legacy);
    expect(event.type).toBe('casus.ResponsibilityRejected.v2');
    expect(event.data).toEqual({
      caseId: 'case-legacy',
      needId: 'need-pv',
      responsibilityId: 'resp-pv',
      requestId: 'req-resp-pv',
      financierOrganisationId: '3311',
      reasonCode: 'other',
      referralLawDomain: null,
      occurredAt: at(2),
    });
  });

  it('publishes the deadline watcher’s events with the fields of their contract', () => {
    const [approaching] = stepsOfType(steps, 'casus.DeadlineApproaching.v1');
    expect(published(approaching).data).toEqual({
      caseId: 'case-grensvlak',
      deadlineId: publicDeadlineId('case-grensvlak', 'liaison-answer:req-resp-vb'),
      kind: 'liaison-answer',
      dueOn: '2026-04-06',
      responsibleOrganisationIds: ['ZK-UTRECHT'],
      occurredAt: at(30),
    });
  });

  it('publishes every deadline id as an opaque id of case and deadline, the same in every event', () => {
    const [registered] = stepsOfType(steps, 'casus.CaseRegistered.v1').filter(
      (s) => (s.envelope.data as { caseId: string }).caseId === 'case-transition',
    );
    const stored = registered.envelope.data as {
      milestones: { deadlineId: string; kind: string; dueOn: string }[];
    };
    expect(stored.milestones.map((m) => m.deadlineId)).toContain(`transition-plan-started:${BIRTHDAY_18}`);
    const milestones = published(registered).data.milestones as { deadlineId: string }[];
    expect(milestones).toEqual(
      stored.milestones.map((m) => ({
        deadlineId: publicDeadlineId('case-transition', m.deadlineId),
        kind: m.kind,
        dueOn: m.dueOn,
      })),
    );
    for (const { deadlineId } of milestones) expect(deadlineId).toMatch(UUID);
    expect(new Set(milestones.map((m) => m.deadlineId)).size).toBe(stored.milestones.length);

    // Every field that holds a deadline id, in every event of the catalogue: the opaque form of the stored id.
    const fields = ['deadlineId', 'discussionDeadlineId'];
    const checked = steps.flatMap((step) => {
      const source = step.envelope.data as Record<string, unknown>;
      const data = published(step).data;
      return fields
        .filter((field) => typeof source[field] === 'string')
        .map((field) => {
          expect(data[field]).toBe(publicDeadlineId(String(source.caseId), String(source[field])));
          expect(data[field]).toMatch(UUID);
          return step.envelope.type;
        });
    });
    expect(new Set(checked)).toEqual(
      new Set([
        'casus.DeadlineSuspended.v1',
        'casus.DeadlineResumed.v1',
        'casus.DeadlineExtended.v1',
        'casus.DeadlineClosed.v1',
        'casus.CaseReopened.v1',
        'casus.DeadlineApproaching.v1',
        'casus.DeadlineMissed.v1',
      ]),
    );
  });

  it('gives another case the same deadline another public id', () => {
    expect(publicDeadlineId('case-a', 'discussion:1')).not.toBe(publicDeadlineId('case-b', 'discussion:1'));
    expect(publicDeadlineId('case-a', 'discussion:1')).toBe(publicDeadlineId('case-a', 'discussion:1'));
  });

  it('leaves out a field its rule does not know (an event of a newer version of the same type)', () => {
    const [approaching] = stepsOfType(steps, 'casus.DeadlineApproaching.v1');
    const newer = {
      ...approaching.envelope,
      data: { ...(approaching.envelope.data as object), note: 'Een veld dat het contract niet kent.' },
    };
    expect(toPublicCaseEvent(newer)!.data).toEqual(published(approaching).data);
  });

  it('publishes an acknowledgement with ids and the kind only', () => {
    const [acknowledged] = stepsOfType(steps, 'casus.NotificationAcknowledged.v1');
    expect(published(acknowledged).data).toEqual({
      caseId: 'case-missed-answer',
      notificationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      organisationId: '7095',
      kind: 'deadline-missed',
      occurredAt: at(9, 2),
    });
  });

  it('does not change the stored event', () => {
    for (const step of steps) {
      const before = JSON.stringify(step.envelope);
      toPublicCaseEvent(step.envelope);
      expect(JSON.stringify(step.envelope)).toBe(before);
    }
  });

  it('is keyed by case id, with the case id and schema as headers', () => {
    const event = published(steps[0]);
    expect(caseEventKey(event)).toBe('case-grensvlak');
    expect(caseEventHeaders(event)).toEqual({
      'case-id': 'case-grensvlak',
      schema: 'casusregie.case-event.v1',
    });
  });

  it('refuses an event it cannot map, with the coordinates the dead-letter topic needs', () => {
    const envelope = {
      eventId: 'e-1',
      streamId: 'subject-1',
      streamVersion: 0,
      globalPosition: 9,
      metadata: { correlationId: 'c-1', occurredAt: at(0) },
    };
    for (const bad of [
      { ...envelope, type: 'subject.SubjectRegistered.v1', data: { subjectId: 'subject-1' } },
      { ...envelope, type: 'casus.CaseRegistered.v7', data: { caseId: 'case-1' } },
      { ...envelope, type: 'casus.CaseClosed.v1', data: { result: 'other' } },
      { ...envelope, type: 'casus.CaseClosed.v1', data: null },
    ]) {
      expect(() => toPublicCaseEvent(bad)).toThrow(UnmappableEventError);
    }
    try {
      toPublicCaseEvent({ ...envelope, type: 'casus.Unknown.v1', data: { caseId: 'case-1' } });
    } catch (error) {
      expect(error).toMatchObject({
        name: 'UnmappableEventError',
        code: 'unmappable-event',
        coordinates: {
          eventId: 'e-1',
          type: 'casus.Unknown.v1',
          streamId: 'subject-1',
          streamVersion: 0,
          globalPosition: 9,
        },
      });
    }
    expect.assertions(5);
  });
});

describe('toPublicCaseEvent: personal data seeded in every free text and subject id', () => {
  const seeded = catalogue(SEEDED_WORDS, ` BSN ${SEEDED.bsn}`);

  it('finds the seeds in the stored events (the test would prove nothing otherwise)', () => {
    const stored = JSON.stringify(seeded.steps.map((s) => s.envelope));
    // The 18th birthday is stored in its ISO form only: in `birthday18` and inside the transition deadline ids.
    expect(personalDataIn(stored).sort()).toEqual([...Object.values(SEEDED), BIRTHDAY_18].sort());
    expect(stored).toContain(`"deadlineId":"transition-plan-started:${BIRTHDAY_18}"`);
  });

  it('finds none of them in any public case event of every type', () => {
    const events = seeded.steps.map(published);
    expect(new Set(events.map((e) => e.type)).size).toBe(PUBLIC_CASE_EVENT_TYPES.length);
    const leaks = events
      .map((e) => ({ type: e.type, found: personalDataIn(JSON.stringify(e)) }))
      .filter((l) => l.found.length > 0);
    expect(leaks).toEqual([]);
  });

  it('also leaves the seeds out of a registration journey with the smallest data', () => {
    const j = new CaseJourney('case-small', undefined, SEEDED_WORDS);
    const events = [...j.register(at(0)), ...j.referAtTriage(at(1))].map(published);
    expect(personalDataIn(JSON.stringify(events))).toEqual([]);
  });
});
