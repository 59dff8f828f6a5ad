/**
 * The rows of ../shared/research/domain.md (sections 1.2 and 1.3) that the table encodes. A test
 * checks that every row is covered by at least one rule.
 */
export const RESEARCH_ROWS = [
  '1.2 jeugdige (Jw art. 1.1)',
  '1.2 verlengde jeugdhulp',
  '1.2 T1',
  '1.2 T2',
  '1.2 T3',
  '1.2 T4',
  '1.2 T5',
  '1.2 T6',
  '1.2 T7',
  '1.2 T8',
  '1.2 T9',
  '1.2 T10',
  '1.2 T11',
  '1.2 T12',
  '1.3 priority: Wlz before Wmo',
  '1.3 priority: Jeugdwet yields to other laws',
  '1.3 priority: no Zvw-ELV with a Wlz-indicatie',
  '1.3 priority: Zvw wijkverpleging yields to Wlz',
  '1.3 Wijkverpleging / persoonlijke verzorging',
  '1.3 Kortdurend verblijf',
  '1.3 Hulpmiddelen',
  '1.3 GGZ wonen vs beschermd wonen',
  '1.3 Jeugd-GGZ vs Zvw',
  '1.3 Intensieve kindzorg (IKZ)',
  '1.3 Dagbesteding',
  '1.3 Vervoer',
  '1.3 Ouderenzorg verpleeghuis',
] as const;
export type ResearchRow = (typeof RESEARCH_ROWS)[number];
