import type { JourneyWords } from './case-journey';
import { BIRTHDAY_18 } from './catalogue';
import { dateNotations } from './date-notations';

/**
 * Personal data a careless professional might type, seeded into every free text and subject id of a journey. The
 * domain refuses a BSN that passes the elfproef in free text, so there it is written with dots; the subject id (an
 * opaque id the domain cannot check) carries it as nine digits.
 */
export const SEEDED = {
  name: 'Jan Jansen',
  surname: 'jansen',
  bsn: '111222333',
  bsnWithDots: '111.222.333',
  birthDate: '2008-05-17',
  birthDateDutch: '17-05-2008',
  diagnosis: 'autismespectrumstoornis',
} as const;

export const SEEDED_WORDS: JourneyWords = {
  text: (field) =>
    `${field}: ${SEEDED.name} (geboren ${SEEDED.birthDate}, ${SEEDED.birthDateDutch}), bsn ${SEEDED.bsnWithDots}, ` +
    `diagnose ${SEEDED.diagnosis}.`,
  subjectId: (caseId) => `${SEEDED.surname}-${SEEDED.bsn}-${SEEDED.birthDate}-${caseId}`,
};

/**
 * The date the transition client of the catalogue turns 18 (the `birthday18` of its registration), in every
 * notation: it dates the person, so it must not leave the service either, not even inside an id.
 */
export const BIRTHDAY_18_FORMS: readonly string[] = dateNotations(BIRTHDAY_18).map((form) => form.text);

/** The seeded values and forms of the 18th birthday found in a JSON text (case-insensitive). Empty when clean. */
export function personalDataIn(json: string): string[] {
  const haystack = json.toLowerCase();
  return [...Object.values(SEEDED), ...BIRTHDAY_18_FORMS].filter((seed) =>
    haystack.includes(seed.toLowerCase()),
  );
}
