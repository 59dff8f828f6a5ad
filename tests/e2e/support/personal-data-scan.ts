/**
 * Made-up clients with personal data distinctive enough that a scan cannot miss them or find them by chance, and
 * the scan itself: every written form of each datum (the name and its parts, the BSN with and without formatting,
 * the birth date and the date the subject turns 18 in the notations people and programs use), compared
 * case-insensitively.
 */

import { dateNotations } from '../../../libs/messaging/src/policy/test-support/date-notations';

export interface DistinctiveSubject {
  readonly name: string;
  readonly bsn: string;
  /** YYYY-MM-DD, as POST /subjects takes it; day and month of two digits, so that D-M-YYYY equals DD-MM-YYYY. */
  readonly birthDate: string;
}

/** Completes 8 digits with the check digit of the elfproef (9·d1 + ... + 2·d8 − d9 ≡ 0 mod 11). */
export function withElfproef(firstEight: string): string {
  if (!/^[1-9]\d{7}$/.test(firstEight)) throw new Error(`Not 8 digits: ${firstEight}`);
  const sum = [...firstEight].reduce((total, digit, i) => total + (9 - i) * Number(digit), 0);
  const check = sum % 11;
  if (check === 10) throw new Error(`${firstEight} has no elfproef check digit; pick other digits`);
  return `${firstEight}${check}`;
}

/** An adult, a youth who turns 18 on 14 April 2028, and an elderly client; names no journey text contains. */
export const SUBJECTS = {
  adult: {
    name: 'Quirijntje Brekelmans-Zwaardemaker',
    bsn: withElfproef('73918265'),
    birthDate: '1961-10-29',
  },
  youth: {
    name: 'Gijsbrechtje Ødegaard-Vrijhoeve',
    bsn: withElfproef('61847392'),
    birthDate: '2010-04-14',
  },
  elderly: {
    name: 'Wubbo Fluitsma-Terpstrahuizen',
    bsn: withElfproef('52736481'),
    birthDate: '1944-11-17',
  },
} as const satisfies Record<string, DistinctiveSubject>;

/**
 * The date a subject turns 18: the same day and month 18 years on. (The domain's `dateOfTurning18` refuses years
 * before 1980, and the adult's and elderly client's are; no subject is born on 29 February.)
 */
function eighteenthBirthday(birthDate: string): string {
  if (birthDate.endsWith('-02-29')) throw new Error(`Pick a subject not born on 29 February: ${birthDate}`);
  return `${Number(birthDate.slice(0, 4)) + 18}${birthDate.slice(4)}`;
}

/** Every form in which the subject's data could be written down, each labelled with what it is. */
export function writtenForms(subject: DistinctiveSubject): { label: string; text: string }[] {
  const { name, bsn, birthDate } = subject;
  const parts = name.split(/[\s-]+/).filter((part) => part.length >= 5);
  return [
    { label: 'name', text: name },
    ...parts.map((part) => ({ label: `name part ${part}`, text: part })),
    { label: 'BSN', text: bsn },
    { label: 'BSN with dots', text: `${bsn.slice(0, 4)}.${bsn.slice(4, 6)}.${bsn.slice(6)}` },
    { label: 'BSN in groups of three', text: `${bsn.slice(0, 3)} ${bsn.slice(3, 6)} ${bsn.slice(6)}` },
    ...dateNotations(birthDate).map((form) => ({ label: `birth date ${form.label}`, text: form.text })),
    // The 18th birthday dates the person as well as the birth date does (transition milestone ids carry it).
    ...dateNotations(eighteenthBirthday(birthDate)).map((form) => ({
      label: `18th birthday ${form.label}`,
      text: form.text,
    })),
  ];
}

/** One text in which a personal datum was found: where it came from, which datum, and the text around it. */
export interface Finding {
  readonly source: string;
  readonly datum: string;
  readonly excerpt: string;
}

/**
 * Scans texts for the written forms of the subjects' data. `add(source, text)` as often as needed, then
 * `findings` lists every hit (empty when all is clean); `scanned` counts the texts, so a test can show the scan
 * had something to read.
 */
export class PersonalDataScan {
  readonly findings: Finding[] = [];
  scanned = 0;
  private readonly forms: { datum: string; needle: string }[];

  constructor(subjects: readonly DistinctiveSubject[]) {
    this.forms = subjects.flatMap((subject) =>
      writtenForms(subject).map((form) => ({
        datum: `${form.label} of ${subject.name}`,
        needle: form.text.toLowerCase(),
      })),
    );
  }

  add(source: string, text: string): void {
    this.scanned++;
    const haystack = text.toLowerCase();
    for (const { datum, needle } of this.forms) {
      const at = haystack.indexOf(needle);
      if (at >= 0) {
        this.findings.push({
          source,
          datum,
          excerpt: text.slice(Math.max(0, at - 60), at + needle.length + 60),
        });
      }
    }
  }

  /** The data found in one text (for a positive control: a text that must contain them). */
  dataIn(text: string): string[] {
    const haystack = text.toLowerCase();
    return this.forms.filter(({ needle }) => haystack.includes(needle)).map(({ datum }) => datum);
  }
}
