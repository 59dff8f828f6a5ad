import type { OrganisationRef, ProposalContext, ServiceLevels } from '@casusregie/domain';

/** In the running service an organisation's id is its reference-data code; the fixtures do the same. */
function org(code: string, kind: OrganisationRef['kind']): OrganisationRef {
  return { organisationId: code, kind, code };
}

export const ORG = {
  utrecht: org('GM0344', 'gemeente'),
  houten: org('GM0321', 'gemeente'),
  zilverenKruis: org('3311', 'zorgverzekeraar'),
  vgz: org('7095', 'zorgverzekeraar'),
  zorgkantoorUtrecht: org('ZK-UTRECHT', 'zorgkantoor'),
  ciz: org('CIZ', 'CIZ'),
  wijkteam: org('WT-WEST', 'overig'),
  lvbKliniek: org('06010101', 'aanbieder'),
  beschermdWonen: org('75750001', 'aanbieder'),
} as const;

export const TABLE_ID = 'mwt-utrecht-stad';

export const LEVELS: ServiceLevels = {
  discussionWorkingDays: 10,
  liaisonAnswerWorkingDays: 5,
  escalationDecisionWorkingDays: 10,
};

/** An adult at home without Wlz indicatie or geneeskundige context. */
export const ADULT_AT_HOME: ProposalContext = {
  wlzIndication: false,
  setting: 'thuis',
  medicalContext: false,
  blijvend: false,
  ageOnDate: 45,
};

/** The same adult with a geneeskundige context (wijkverpleging: Zvw). */
export const ADULT_MEDICAL: ProposalContext = { ...ADULT_AT_HOME, medicalContext: true };

/** A young person at home; the case knows the age from the 18th birthday. */
export const YOUTH: ProposalContext = {
  wlzIndication: false,
  setting: 'thuis',
  medicalContext: false,
  blijvend: false,
};
