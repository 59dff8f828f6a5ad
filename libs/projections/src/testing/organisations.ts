import type { OrganisationRef, ProposalContext, ServiceLevels } from '@casusregie/domain';

function org(organisationId: string, kind: OrganisationRef['kind'], code: string): OrganisationRef {
  return { organisationId, kind, code };
}

/** Sample organisations with their Dutch codes (CBS gemeentecode, UZOVI, zorgkantoorregio, AGB). */
export const ORG = {
  utrecht: org('org-gm0344', 'gemeente', 'GM0344'),
  houten: org('org-gm0321', 'gemeente', 'GM0321'),
  zwolle: org('org-gm0193', 'gemeente', 'GM0193'),
  tilburg: org('org-gm0855', 'gemeente', 'GM0855'),
  zilverenKruis: org('org-uzovi-3311', 'zorgverzekeraar', '3311'),
  vgz: org('org-uzovi-7095', 'zorgverzekeraar', '7095'),
  cz: org('org-uzovi-0203', 'zorgverzekeraar', '0203'),
  zorgkantoorUtrecht: org('org-zk-utrecht', 'zorgkantoor', 'ZK-UTRECHT'),
  zorgkantoorZwolle: org('org-zk-zwolle', 'zorgkantoor', 'ZK-ZWOLLE'),
  wijkteam: org('org-wijkteam-west', 'overig', 'WT-WEST'),
  lvbKliniek: org('org-agb-06010101', 'aanbieder', '06010101'),
  ggzInstelling: org('org-agb-22220001', 'aanbieder', '22220001'),
  beschermdWonen: org('org-agb-75750001', 'aanbieder', '75750001'),
} as const;

/** Sample tables and the region each belongs to. */
export const TABLE = {
  utrechtStad: 'mwt-utrecht-stad',
  zuidoostUtrecht: 'mwt-zuidoost-utrecht',
  ijsselVecht: 'mwt-ijssel-vecht',
  hartVanBrabant: 'mwt-hart-van-brabant',
} as const;

export const REGION_OF_TABLE: Readonly<Record<string, string>> = {
  [TABLE.utrechtStad]: 'Utrecht',
  [TABLE.zuidoostUtrecht]: 'Utrecht',
  [TABLE.ijsselVecht]: 'IJssel-Vecht',
  [TABLE.hartVanBrabant]: 'Hart van Brabant',
};

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
