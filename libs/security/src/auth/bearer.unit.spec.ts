import { AuthError } from './auth-error';
import { bearerToken } from './bearer';

describe('bearerToken', () => {
  it('takes the token from a Bearer header, whatever the case of the scheme', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('BEARER  abc.def-_.ghi ')).toBe('abc.def-_.ghi');
  });

  it.each([undefined, ''])('reports a missing header (%p) as token-missing', (header) => {
    expect(() => bearerToken(header)).toThrow(expect.objectContaining({ code: 'auth.token-missing' }));
  });

  it.each(['Basic dXNlcjpwdw==', 'Bearer', 'Bearer ', 'Bearer a b', 'Token abc', 'Bearerabc'])(
    'reports %p as token-malformed without quoting it',
    (header) => {
      const error = (() => {
        try {
          bearerToken(header);
        } catch (caught) {
          return caught as AuthError;
        }
        throw new Error('accepted');
      })();
      expect(error.code).toBe('auth.token-malformed');
      expect(error.message).not.toContain(header.slice(7) || '§');
    },
  );

  it('refuses repeated Authorization headers', () => {
    expect(() => bearerToken(['Bearer a', 'Bearer b'])).toThrow(
      expect.objectContaining({ code: 'auth.token-malformed' }),
    );
  });
});
