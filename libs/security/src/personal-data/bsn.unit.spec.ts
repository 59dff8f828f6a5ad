import fc from 'fast-check';
import { isValidBsn, normaliseBsn, parseBsn } from './bsn';
import { InvalidBsnError } from './personal-data-errors';

/** The elfproef written out, to check the examples below independently of the implementation. */
function elfproef(digits: string): number {
  return [9, 8, 7, 6, 5, 4, 3, 2, -1].reduce((sum, weight, i) => sum + weight * Number(digits[i]), 0);
}

describe('BSN', () => {
  it.each([
    // 9+8+7+12+10+8+9+6−3 = 66 = 6·11
    ['111222333', 66],
    // 9+16+21+24+25+24+21+16−2 = 154 = 14·11
    ['123456782', 154],
    // 0+8+14+18+20+20+18+14−2 = 110 = 10·11
    ['012345672', 110],
    // 81+72+63+54+45+36+27+18−0 = 396 = 36·11
    ['999999990', 396],
  ])('accepts %s (elfproef sum %i)', (bsn, sum) => {
    expect(elfproef(bsn)).toBe(sum);
    expect(isValidBsn(bsn)).toBe(true);
    expect(parseBsn(bsn)).toBe(bsn);
  });

  it('accepts 8 digits as a BSN whose leading zero was dropped, and returns the 9-digit form', () => {
    expect(normaliseBsn('12345672')).toBe('012345672');
    expect(parseBsn('12345684')).toBe('012345684');
    expect(isValidBsn('12345673')).toBe(false);
  });

  it.each([
    ['123456789', 'fails the elfproef (sum 147)'],
    ['111222334', 'fails the elfproef'],
    ['000000000', 'is all zeros (passes the elfproef arithmetically)'],
    ['000000012', 'has two leading zeros (below 10000000)'],
    ['00000012', 'is 8 digits that would need two leading zeros'],
    ['1234567', 'has 7 digits'],
    ['1234567820', 'has 10 digits'],
    ['12345678a', 'has a letter'],
    ['123 456 782', 'has spaces'],
    ['1234.56.782', 'has dots'],
    [' 123456782', 'has surrounding whitespace'],
    ['١٢٣٤٥٦٧٨٢', 'uses non-ASCII digits'],
    ['', 'is empty'],
  ])('refuses %p: it %s', (input) => {
    expect(isValidBsn(input)).toBe(false);
    expect(normaliseBsn(input)).toBeUndefined();
  });

  it.each([123456782, null, undefined, ['123456782']])('refuses the non-string %p', (input) => {
    expect(isValidBsn(input)).toBe(false);
  });

  it('throws InvalidBsnError without the input in the message', () => {
    expect(() => parseBsn('123456789')).toThrow(InvalidBsnError);
    expect(() => parseBsn('123456789')).not.toThrow(/123456789/);
    expect(() => parseBsn('123456789')).toThrow(
      expect.objectContaining({ code: 'personal-data.bsn-invalid' }),
    );
  });

  it('detects every single-digit error in a valid BSN (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('111222333', '123456782', '012345672', '999999990'),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 1, max: 9 }),
        (bsn, position, delta) => {
          const digit = (Number(bsn[position]) + delta) % 10;
          const changed = `${bsn.slice(0, position)}${digit}${bsn.slice(position + 1)}`;
          expect(isValidBsn(changed)).toBe(false);
        },
      ),
    );
  });

  it('agrees with the elfproef on arbitrary 9-digit strings (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{8}$/), (digits) => {
        expect(isValidBsn(digits)).toBe(elfproef(digits) % 11 === 0);
      }),
    );
  });
});
