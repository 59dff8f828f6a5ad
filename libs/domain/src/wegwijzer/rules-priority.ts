import type { PriorityRule } from './rule-types';
import { SOURCES } from './sources';
import { LAW_DOMAINS, NEED_CATEGORIES } from '../vocabulary';

/**
 * Priority rules settle clashes between assignment rules. They run in ascending `rank`; each one
 * drops the `over` candidates only while a `prefer` candidate is still standing. Exceptions are
 * ranked before the general rule they break (P-MSVT before P-WIJKVERPLEGING).
 */
export const PRIORITY_RULES: readonly PriorityRule[] = [
  {
    kind: 'priority',
    id: 'P-MSVT-ZVW-BEFORE-WLZ',
    version: 1,
    validFrom: null,
    validTo: null,
    rank: 10,
    researchRefs: ['1.3 priority: Zvw wijkverpleging yields to Wlz'],
    when: { categories: ['verpleging'], medischSpecialistAansturing: true },
    prefer: ['Zvw'],
    over: ['Wlz'],
    source: SOURCES.wijkverplegingYields,
    verified: true,
    explanation:
      'Exception to P-WIJKVERPLEGING-YIELDS-TO-WLZ: verpleging under direct aansturing of a medisch specialist stays Zvw, also with a Wlz indicatiebesluit.',
  },
  {
    kind: 'priority',
    id: 'P-WIJKVERPLEGING-YIELDS-TO-WLZ',
    version: 1,
    validFrom: null,
    validTo: null,
    rank: 20,
    researchRefs: ['1.3 priority: Zvw wijkverpleging yields to Wlz'],
    when: { categories: ['verpleging', 'persoonlijke-verzorging'], wlzIndication: true },
    prefer: ['Wlz'],
    over: ['Zvw'],
    source: SOURCES.wijkverplegingYields,
    verified: true,
    explanation:
      'Zvw wijkverpleging (verpleging and verzorging) yields to the Wlz once a Wlz indicatiebesluit exists.',
  },
  {
    kind: 'priority',
    id: 'P-NO-ELV-WITH-WLZ',
    version: 1,
    validFrom: null,
    validTo: null,
    rank: 30,
    researchRefs: ['1.3 priority: no Zvw-ELV with a Wlz-indicatie'],
    when: { categories: ['kortdurend-verblijf'], wlzIndication: true },
    prefer: ['Wlz'],
    over: ['Zvw'],
    source: SOURCES.noElvWithWlz,
    verified: true,
    explanation:
      'Zvw eerstelijnsverblijf is excluded when a Wlz indicatiebesluit exists, whether it is used or not: kortdurend verblijf then comes from the Wlz.',
  },
  {
    kind: 'priority',
    id: 'P-WLZ-BEFORE-WMO',
    version: 1,
    validFrom: null,
    validTo: null,
    rank: 40,
    researchRefs: ['1.3 priority: Wlz before Wmo'],
    when: {
      // Wmo art. 8.6a exceptions: hulpmiddelen and woningaanpassing stay Wmo (see rules G-HM-*).
      categories: NEED_CATEGORIES.filter((category) => category !== 'hulpmiddel'),
      wlzIndication: true,
    },
    prefer: ['Wlz'],
    over: ['Wmo'],
    source: SOURCES.wlzBeforeWmo,
    verified: true,
    explanation:
      'With a Wlz aanspraak on verblijf the college can refuse a Wmo maatwerkvoorziening, so the Wlz comes first (Wmo art. 2.3.5 lid 6). Exceptions (art. 8.6a): hulpmiddelen and woningaanpassing at home, and, until 2020, mobility hulpmiddelen for instelling-residents without behandeling. While a CIZ aanvraag is pending and the client cooperates, the Wmo stays the fallback.',
  },
  {
    kind: 'priority',
    id: 'P-JW-YIELDS',
    version: 1,
    validFrom: null,
    validTo: null,
    rank: 50,
    researchRefs: ['1.3 priority: Jeugdwet yields to other laws', '1.2 verlengde jeugdhulp'],
    when: { categories: NEED_CATEGORIES },
    prefer: LAW_DOMAINS.filter((domain) => domain !== 'Jeugdwet'),
    over: ['Jeugdwet'],
    source: SOURCES.jeugdwetYields,
    verified: true,
    explanation:
      'The Jeugdwet yields when there is an aanspraak on a voorziening under another law for the same problem (voorliggendheid, Jw art. 1.2 lid 1 sub b).',
  },
];
