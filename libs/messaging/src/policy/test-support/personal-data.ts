import type { JourneyWords } from './case-journey';

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

/** The seeded values found in a JSON text (case-insensitive). Empty when the text is clean. */
export function personalDataIn(json: string): string[] {
  const haystack = json.toLowerCase();
  return Object.values(SEEDED).filter((seed) => haystack.includes(seed.toLowerCase()));
}
