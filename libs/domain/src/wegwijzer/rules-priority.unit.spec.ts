import type { NeedCategory } from '../vocabulary';
import type { WegwijzerContext } from './context';
import { suggest } from './suggest';
import type { WegwijzerSuggestion } from './suggestion';

const ON = '2026-06-01';
const ask = (category: NeedCategory, context: Partial<WegwijzerContext>) =>
  suggest({ category }, { wlzIndication: false, ...context }, ON);
const ids = (rules: WegwijzerSuggestion['rulesApplied']) => rules.map((rule) => rule.id);

describe('priority rules: each one wins the clash it is made for', () => {
  it('P-WLZ-BEFORE-WMO: given beschermd wonen where both T5-WMO and T5-WLZ match, then the Wlz wins', () => {
    const suggestion = ask('beschermd-wonen', { ageOnDate: 40, wlzIndication: true });
    expect(suggestion.outcome).toEqual({ lawDomain: 'Wlz', financierKind: 'zorgkantoor' });
    expect(ids(suggestion.rulesApplied)).toEqual(['T5-WLZ', 'P-WLZ-BEFORE-WMO']);
    expect(ids(suggestion.rulesOverruled)).toEqual(['T5-WMO']);
  });

  it('P-WLZ-BEFORE-WMO: given begeleiding for an adult with a Wlz besluit, then the Wlz wins over T3', () => {
    const suggestion = ask('begeleiding', { ageOnDate: 40, wlzIndication: true });
    expect(suggestion.outcome?.lawDomain).toBe('Wlz');
    expect(ids(suggestion.rulesOverruled)).toEqual(['T3']);
  });

  it('P-WLZ-BEFORE-WMO: given a CIZ aanvraag still pending (no besluit yet), then the Wmo stays the fallback', () => {
    const suggestion = ask('beschermd-wonen', { ageOnDate: 40, wlzIndication: false, blijvend: true });
    expect(suggestion.outcome?.lawDomain).toBe('Wmo');
    expect(ids(suggestion.rulesApplied)).not.toContain('P-WLZ-BEFORE-WMO');
  });

  it('P-JW-YIELDS: given a child with a Wlz besluit needing begeleiding, then the Jeugdwet yields to the Wlz', () => {
    const suggestion = ask('begeleiding', { ageOnDate: 10, wlzIndication: true });
    expect(suggestion.outcome?.lawDomain).toBe('Wlz');
    expect(ids(suggestion.rulesApplied)).toEqual(['T6', 'P-JW-YIELDS']);
    expect(ids(suggestion.rulesOverruled)).toEqual(['J-JEUGDIGE']);
  });

  it('P-JW-YIELDS: given verlengde jeugdhulp with a Wlz besluit for verblijf, then the Jeugdwet yields to the Wlz', () => {
    const suggestion = ask('verblijf', { ageOnDate: 20, wlzIndication: true, verlengdeJeugdhulp: true });
    expect(suggestion.outcome?.lawDomain).toBe('Wlz');
    expect(ids(suggestion.rulesOverruled)).toEqual(['VJH']);
  });

  it('P-NO-ELV-WITH-WLZ: given a medically unstable Wlz client, then no Zvw eerstelijnsverblijf: the Wlz wins', () => {
    const suggestion = ask('kortdurend-verblijf', {
      ageOnDate: 80,
      wlzIndication: true,
      medicalContext: true,
    });
    expect(suggestion.outcome).toEqual({ lawDomain: 'Wlz', financierKind: 'zorgkantoor' });
    expect(ids(suggestion.rulesApplied)).toEqual(['G-KV-WLZ', 'P-NO-ELV-WITH-WLZ']);
    expect(ids(suggestion.rulesOverruled)).toEqual(['G-KV-ELV']);
  });

  it('P-WIJKVERPLEGING-YIELDS-TO-WLZ: given verzorging in a geneeskundige context with a Wlz besluit, then the Wlz wins', () => {
    const suggestion = ask('persoonlijke-verzorging', {
      ageOnDate: 75,
      wlzIndication: true,
      medicalContext: true,
    });
    expect(suggestion.outcome?.lawDomain).toBe('Wlz');
    expect(ids(suggestion.rulesApplied)).toEqual(['G-PV-WLZ', 'P-WIJKVERPLEGING-YIELDS-TO-WLZ']);
    expect(ids(suggestion.rulesOverruled)).toEqual(['T4-ZVW']);
  });

  it('P-MSVT-ZVW-BEFORE-WLZ: given verpleging under aansturing of a medisch specialist, then the Zvw keeps it despite the Wlz besluit', () => {
    const suggestion = ask('verpleging', {
      ageOnDate: 75,
      wlzIndication: true,
      medicalContext: true,
      medischSpecialistAansturing: true,
    });
    expect(suggestion.outcome).toEqual({ lawDomain: 'Zvw', financierKind: 'zorgverzekeraar' });
    expect(ids(suggestion.rulesApplied)).toEqual(['G-PV-VERPLEGING', 'P-MSVT-ZVW-BEFORE-WLZ']);
    expect(ids(suggestion.rulesOverruled)).toEqual(['G-PV-WLZ']);
  });

  it('given a Wlz client needing verpleging and we do not know who directs it, then the wegwijzer asks', () => {
    const suggestion = ask('verpleging', { ageOnDate: 75, wlzIndication: true, medicalContext: true });
    expect(suggestion.verdict).toBe('needs-facts');
    expect(suggestion.missingFacts).toEqual(['medischSpecialistAansturing']);
  });
});
