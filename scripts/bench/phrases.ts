/**
 * Generic Dutch phrases for summaries, agreements, actions and reasons. No names, no numbers, nothing that points
 * to a person: a summary is built from a question and a circumstance.
 */
import type { CaseType, LawDomain, NeedCategory, OrganisationRef } from '@casusregie/domain';
import type { Prng } from './prng';
import type { TableProfile } from './tables';

const QUESTIONS: Readonly<Record<CaseType, readonly string[]>> = {
  grensvlak: [
    'Grensvlak wijkverpleging en persoonlijke verzorging',
    'Onduidelijk wie persoonlijke verzorging thuis financiert',
    'Verpleging en verzorging na ontslag uit het ziekenhuis',
    'Discussie Zvw of Wmo over ondersteuning bij ADL',
    'Huishoudelijke hulp en verzorging lopen door elkaar',
  ],
  'moeilijk-plaatsbaar': [
    'Moeilijk plaatsbare cliënt: LVB met GGZ-problematiek',
    'Geen passend verblijf na klinische opname',
    'Beschermd wonen gevraagd, meerdere aanbieders weigeren',
    'Complexe zorgvraag met verslaving en gedragsproblematiek',
    'Verblijf met intensieve begeleiding, wachtlijst bij aanbieders',
  ],
  'transitie-18-min-18-plus': [
    'Jongere wordt binnenkort 18, jeugdhulp loopt af',
    'Overgang van jeugd-GGZ naar volwassenenzorg',
    'Begeleiding na 18 nog niet geregeld',
    'Toekomstplan nodig voor zorg na meerderjarigheid',
  ],
  overig: [
    'Schulden en dreigende huisuitzetting',
    'Dagbesteding en begeleiding thuis, financiering onduidelijk',
    'Inkomen en woonsituatie onzeker na scheiding',
    'Ondersteuning thuis stagneert, meerdere loketten betrokken',
    'Vraag om regie bij stapeling van problemen',
  ],
};

const CIRCUMSTANCES = [
  'na ziekenhuisopname.',
  'na ontslag uit kliniek.',
  'mantelzorger overbelast.',
  'wachtlijst bij de gecontracteerde aanbieders.',
  'meerdere financiers wijzen naar elkaar.',
  'situatie thuis is niet langer houdbaar.',
  'indicatie ontbreekt nog.',
  'wijkteam vraagt om afstemming.',
  'huisarts signaleert achteruitgang.',
  'eerdere aanpak heeft niet gewerkt.',
];

export function summaryFor(caseType: CaseType, rng: Prng): string {
  return `${rng.pick(QUESTIONS[caseType])}; ${rng.pick(CIRCUMSTANCES)}`;
}

export const AGREEMENTS = [
  'Financiers beoordelen de aanvraag binnen een week.',
  'Regiehouder stemt af met het wijkteam en de huisarts.',
  'Zorgverzekeraar en gemeente overleggen over de verdeling van de zorg.',
  'Aanbieders worden gevraagd naar beschikbare plekken.',
  'Casus komt terug op de volgende tafel.',
];

export const ACTIONS = [
  'Indicatie wijkverpleging aanvragen.',
  'Informatie opvragen bij de huisarts.',
  'Beschikbaarheid bij aanbieders navragen.',
  'Aanvraag bij het CIZ voorbereiden.',
  'Gesprek met cliënt en netwerk plannen.',
];

export const REJECTIONS = [
  'Geen geneeskundige context: valt onder de Wmo.',
  'Voldoet niet aan de criteria voor deze wet.',
  'Valt onder een andere wet.',
  'Onvoldoende informatie om te beoordelen.',
];

/** The law domain a table usually proposes for a need of an adult at home (the wegwijzer's common answer). */
export function usualLawDomain(category: NeedCategory, medicalContext: boolean): LawDomain {
  switch (category) {
    case 'verpleging':
    case 'behandeling-ggz':
      return 'Zvw';
    case 'persoonlijke-verzorging':
    case 'kortdurend-verblijf':
      return medicalContext ? 'Zvw' : 'Wmo';
    case 'verblijf':
      return 'Wlz';
    case 'jeugdhulp':
    case 'jeugdbescherming':
      return 'Jeugdwet';
    case 'schuldhulp':
      return 'Wgs';
    case 'inkomen':
      return 'Participatiewet';
    case 'overig':
      return 'overig';
    default:
      return 'Wmo';
  }
}

/** The domain a rejecting financier points to, and the table tries next. */
export function alternativeLawDomain(domain: LawDomain): LawDomain {
  switch (domain) {
    case 'Zvw':
      return 'Wmo';
    case 'Wlz':
      return 'Wmo';
    case 'Wmo':
      return 'Zvw';
    default:
      return 'Wmo';
  }
}

/** Who finances `domain` for a case at `table` with this regiehouder. */
export function financierFor(
  domain: LawDomain,
  table: TableProfile,
  regiehouder: OrganisationRef,
  insurer: OrganisationRef,
): OrganisationRef {
  switch (domain) {
    case 'Zvw':
      return insurer;
    case 'Wlz':
      return table.zorgkantoor;
    default:
      return regiehouder;
  }
}
