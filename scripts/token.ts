/**
 * Prints an HS256 access token for local use:
 *
 *   npm run token -- --role coordinator --org GM0344 --table mwt-utrecht [--table ...] [--sub u-1]
 *                    [--name "..."] [--ttl 3600] [--iss ...] [--aud ...]
 *
 * Signed with AUTH_JWT_SECRET from the environment, or else with the development secret in DATA_DIR (default ./data),
 * which is created when absent. The token goes to stdout alone; notes go to stderr. Exit codes: 0 printed,
 * 2 usage error, 1 anything else.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  ensureDevelopmentSecret,
  isRole,
  MAX_EXPIRES_IN_SECONDS,
  MIN_HS256_SECRET_BYTES,
  type Principal,
  principalClaimProblems,
  ROLES,
  SecurityError,
  signAccessToken,
} from '../libs/security/src';

const USAGE = `Usage: npm run token -- --role <${ROLES.join('|')}> --org <organisation code> [--table <table id>]...
                      [--sub <user id>] [--name <display name>] [--ttl <seconds>] [--iss <issuer>] [--aud <audience>]

  --role   the user's role (required)
  --org    the organisation the user acts for, e.g. GM0344 or a UZOVI/AGB code (required)
  --table  a table the user works at; repeat for more (a coordinator needs at least one)
  --sub    user id (default local-<role>)
  --name   display name (default "Local <role>")
  --ttl    lifetime in seconds (default 3600, at most ${MAX_EXPIRES_IN_SECONDS})
  --iss, --aud  issuer and audience claims, when the service checks them

Signs with AUTH_JWT_SECRET, or else the development secret in DATA_DIR/jwt-dev-secret (DATA_DIR default ./data).`;

class UsageError extends Error {}

interface TokenRequest {
  readonly claims: Principal;
  readonly ttl: number;
  readonly issuer?: string;
  readonly audience?: string;
}

function parseRequest(argv: string[]): TokenRequest | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        role: { type: 'string' },
        org: { type: 'string' },
        table: { type: 'string', multiple: true },
        sub: { type: 'string' },
        name: { type: 'string' },
        ttl: { type: 'string' },
        iss: { type: 'string' },
        aud: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';

  const problems: string[] = [];
  const role = values.role;
  if (role === undefined) problems.push('--role is required');
  else if (!isRole(role)) problems.push(`--role must be one of ${ROLES.join(', ')}`);
  if (values.org === undefined) problems.push('--org is required');
  const ttlText = values.ttl ?? '3600';
  const ttl = Number(ttlText);
  if (!/^\d+$/.test(ttlText) || ttl < 1 || ttl > MAX_EXPIRES_IN_SECONDS) {
    problems.push(`--ttl must be a whole number of seconds from 1 to ${MAX_EXPIRES_IN_SECONDS}`);
  }
  if (problems.length > 0) throw new UsageError(problems.join('\n'));

  const claims: Principal = {
    sub: values.sub ?? `local-${role}`,
    name: values.name ?? `Local ${role}`,
    role: role as Principal['role'],
    org: values.org as string,
    tables: values.table ?? [],
  };
  const claimProblems = principalClaimProblems(claims as unknown as Record<string, unknown>);
  if (claimProblems.length > 0) {
    const flag = (claim: string) => (claim === 'tables' ? '--table' : `--${claim}`);
    throw new UsageError(
      claimProblems
        .map((problem) => problem.replace(/^claim "(\w+)"/, (_, claim: string) => flag(claim)))
        .join('\n'),
    );
  }
  return { claims, ttl, issuer: values.iss, audience: values.aud };
}

/** AUTH_JWT_SECRET when set (an empty value counts as unset), else the development secret. */
function signingSecret(env: NodeJS.ProcessEnv, stderr: NodeJS.WritableStream): string {
  const configured = env.AUTH_JWT_SECRET;
  if (configured !== undefined && configured !== '') {
    if (Buffer.byteLength(configured, 'utf8') < MIN_HS256_SECRET_BYTES) {
      throw new UsageError(`AUTH_JWT_SECRET must be at least ${MIN_HS256_SECRET_BYTES} bytes long`);
    }
    return configured;
  }
  const development = ensureDevelopmentSecret(resolve(env.DATA_DIR || './data'));
  if (development.generated) stderr.write(`Generated a development secret in ${development.path}\n`);
  return development.secret;
}

function main(argv: string[], env: NodeJS.ProcessEnv): number {
  try {
    const request = parseRequest(argv);
    if (request === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const secret = signingSecret(env, process.stderr);
    const token = signAccessToken(request.claims, secret, {
      expiresInSeconds: request.ttl,
      issuer: request.issuer,
      audience: request.audience,
    });
    process.stdout.write(`${token}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`${error instanceof SecurityError ? error.message : String(error)}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2), process.env);
