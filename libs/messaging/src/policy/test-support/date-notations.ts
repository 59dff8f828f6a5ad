const DUTCH_MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

/**
 * A calendar date (`YYYY-MM-DD`) in the notations people and programs write it in, each labelled, for scans that
 * look for a date that identifies a person (a birth date, the date a client turns 18).
 */
export function dateNotations(isoDate: string): { label: string; text: string }[] {
  const [year, month, day] = isoDate.split('-');
  return [
    { label: 'YYYY-MM-DD', text: isoDate },
    { label: 'DD-MM-YYYY', text: `${day}-${month}-${year}` },
    { label: 'DD/MM/YYYY', text: `${day}/${month}/${year}` },
    { label: 'YYYYMMDD', text: `${year}${month}${day}` },
    { label: 'DDMMYYYY', text: `${day}${month}${year}` },
    { label: 'in words', text: `${Number(day)} ${DUTCH_MONTHS[Number(month) - 1]} ${year}` },
  ];
}
