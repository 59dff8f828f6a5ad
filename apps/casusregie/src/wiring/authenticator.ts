import type { Logger } from 'pino';
import {
  type AccessTokenVerifier,
  createHs256Verifier,
  createRs256Verifier,
  ensureDevelopmentSecret,
  hasPermission,
  type Permission,
  PERMISSIONS,
  verifyAccessToken,
} from '@casusregie/security';
import type { Authenticator } from '../../../case-api/src/auth/authenticator';
import type { AppConfig } from '../config/app-config';

/** Bearer JWTs: HS256 with a configured or generated development secret, or RS256 from a JWKS URL. */
export function createAuthenticator(config: AppConfig, logger: Logger, now: () => Date): Authenticator {
  const verifier = createVerifier(config, logger, now);
  return {
    authenticate: (token) => verifyAccessToken(token, verifier),
    hasPermission: (principal, permission) =>
      (PERMISSIONS as readonly string[]).includes(permission) &&
      hasPermission(principal, permission as Permission),
  };
}

function createVerifier(config: AppConfig, logger: Logger, now: () => Date): AccessTokenVerifier {
  const { auth } = config;
  if (auth.mode === 'jwks') {
    return createRs256Verifier({
      issuer: auth.issuer,
      audience: auth.audience,
      now,
      jwks: { url: auth.jwksUrl },
    });
  }
  let secret = auth.secret;
  if (secret === undefined) {
    const development = ensureDevelopmentSecret(config.dataDir);
    if (development.generated) {
      logger.warn(
        { path: development.path },
        'Generated a development JWT secret (HS256). Set AUTH_JWT_SECRET or AUTH_JWKS_URL for real use.',
      );
    }
    secret = development.secret;
  }
  return createHs256Verifier({ secret, issuer: auth.issuer, audience: auth.audience, now });
}
