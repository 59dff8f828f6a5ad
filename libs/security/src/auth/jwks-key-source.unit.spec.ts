import { generateKeyPairSync } from 'node:crypto';
import { AuthError } from './auth-error';
import { JwksKeySource } from './jwks-key-source';
import { FakeJwksEndpoint, rsaTestKey } from './test-support/fake-jwks';

const URL = 'https://idp.example/.well-known/jwks.json';
const first = rsaTestKey('key-1');
const second = rsaTestKey('key-2');

function setUp(
  keys = [first.jwk],
  options: { cacheTtlSeconds?: number; refreshCooldownSeconds?: number } = {},
) {
  const endpoint = new FakeJwksEndpoint(keys);
  const clock = { ms: 1_790_000_000_000 };
  const source = new JwksKeySource({
    url: URL,
    fetch: endpoint.fetch,
    now: () => new Date(clock.ms),
    ...options,
  });
  return { endpoint, clock, source };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AuthError);
    return (error as AuthError).code;
  }
  throw new Error('no error');
}

describe('JwksKeySource', () => {
  it('fetches the key set once and serves keys by kid from the cache', async () => {
    const { endpoint, source } = setUp([first.jwk, second.jwk]);
    const key = await source.getKey('key-1');
    expect(key.equals(first.publicKey)).toBe(true);
    expect((await source.getKey('key-2')).equals(second.publicKey)).toBe(true);
    expect(endpoint.requests).toBe(1);
  });

  it('fetches again when the cache TTL has passed', async () => {
    const { endpoint, clock, source } = setUp([first.jwk], { cacheTtlSeconds: 600 });
    await source.getKey('key-1');
    clock.ms += 599_000;
    await source.getKey('key-1');
    expect(endpoint.requests).toBe(1);
    clock.ms += 1_000;
    await source.getKey('key-1');
    expect(endpoint.requests).toBe(2);
  });

  it('refreshes once on an unknown kid, so a rotated key is found', async () => {
    const { endpoint, clock, source } = setUp([first.jwk]);
    await source.getKey('key-1');
    endpoint.publish([first.jwk, second.jwk]);
    clock.ms += 60_000;
    expect((await source.getKey('key-2')).equals(second.publicKey)).toBe(true);
    expect(endpoint.requests).toBe(2);
  });

  it('refuses a kid that is still unknown after the refresh, and does not refresh again within the cooldown', async () => {
    const { endpoint, clock, source } = setUp([first.jwk], { refreshCooldownSeconds: 30 });
    expect(await codeOf(source.getKey('made-up'))).toBe('auth.signature-invalid');
    expect(endpoint.requests).toBe(1);
    clock.ms += 10_000;
    for (let i = 0; i < 5; i += 1)
      expect(await codeOf(source.getKey(`made-up-${i}`))).toBe('auth.signature-invalid');
    expect(endpoint.requests).toBe(1);
    clock.ms += 30_000;
    expect(await codeOf(source.getKey('made-up'))).toBe('auth.signature-invalid');
    expect(endpoint.requests).toBe(2);
  });

  it('shares one fetch between concurrent callers', async () => {
    const { endpoint, source } = setUp([first.jwk, second.jwk]);
    let open = (): void => undefined;
    endpoint.gate = new Promise((resolve) => (open = resolve));
    const pending = [source.getKey('key-1'), source.getKey('key-2'), source.getKey('key-1')];
    open();
    await Promise.all(pending);
    expect(endpoint.requests).toBe(1);
  });

  it('uses the only key for a token without kid, and refuses that when there are several', async () => {
    expect((await setUp([first.jwk]).source.getKey(undefined)).equals(first.publicKey)).toBe(true);
    expect(await codeOf(setUp([first.jwk, second.jwk]).source.getKey(undefined))).toBe(
      'auth.signature-invalid',
    );
  });

  it('skips keys that are not RSA signing keys for RS256', async () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
    const weak = rsaTestKey('weak', 1024);
    const { source } = setUp([
      { ...ec, kid: 'ec' },
      weak.jwk,
      { ...second.jwk, kid: 'enc', use: 'enc' },
      { ...second.jwk, kid: 'ps256', alg: 'PS256' },
      { ...second.jwk, kid: 'ops', key_ops: ['encrypt'] },
      { kty: 'RSA', kid: 'broken', n: 'AQAB', e: 'AQAB' },
      { kid: 'not-a-key' },
      'junk' as unknown as Record<string, unknown>,
      first.jwk,
    ]);
    expect((await source.getKey('key-1')).equals(first.publicKey)).toBe(true);
    for (const kid of ['ec', 'weak', 'enc', 'ps256', 'ops', 'broken', 'not-a-key']) {
      expect(await codeOf(source.getKey(kid))).toBe('auth.signature-invalid');
    }
  });

  it.each([
    ['an HTTP error', (endpoint: FakeJwksEndpoint) => (endpoint.status = 500)],
    ['a body that is not JSON', (endpoint: FakeJwksEndpoint) => (endpoint.body = '<html>')],
    ['a document without keys', (endpoint: FakeJwksEndpoint) => (endpoint.body = '{"keys":"none"}')],
    [
      'a document with only unusable keys',
      (endpoint: FakeJwksEndpoint) => endpoint.publish([{ kty: 'oct', k: 'AA' }]),
    ],
    [
      'a document that is too large',
      (endpoint: FakeJwksEndpoint) => (endpoint.body = ' '.repeat(1024 * 1024 + 1)),
    ],
  ])('reports keys-unavailable (503) on %s', async (_name, breakIt) => {
    const { endpoint, source } = setUp();
    breakIt(endpoint);
    const error = await source.getKey('key-1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).code).toBe('auth.keys-unavailable');
    expect((error as AuthError).status).toBe(503);
  });

  it('reports keys-unavailable when the endpoint cannot be reached', async () => {
    const source = new JwksKeySource({
      url: URL,
      fetch: (async () => {
        throw new TypeError('fetch failed');
      }) as unknown as typeof fetch,
    });
    expect(await codeOf(source.getKey('key-1'))).toBe('auth.keys-unavailable');
  });

  it('recovers when the endpoint answers again after a failure', async () => {
    const { endpoint, clock, source } = setUp([first.jwk], { refreshCooldownSeconds: 30 });
    endpoint.status = 503;
    expect(await codeOf(source.getKey('key-1'))).toBe('auth.keys-unavailable');
    endpoint.status = 200;
    clock.ms += 1_000;
    expect((await source.getKey('key-1')).equals(first.publicKey)).toBe(true);
  });

  it.each(['http://idp.example/jwks', 'ftp://localhost/jwks', 'not a url'])('refuses the URL %p', (url) => {
    expect(() => new JwksKeySource({ url })).toThrow(/JWKS URL/);
  });

  it('allows plain http to a loopback host', () => {
    for (const url of ['http://localhost:8080/jwks', 'http://127.0.0.1/jwks', 'http://[::1]:9000/jwks']) {
      expect(() => new JwksKeySource({ url })).not.toThrow();
    }
  });

  it('refuses negative cache settings', () => {
    expect(() => new JwksKeySource({ url: URL, cacheTtlSeconds: -1 })).toThrow(/cacheTtlSeconds/);
    expect(() => new JwksKeySource({ url: URL, refreshCooldownSeconds: Number.NaN })).toThrow(
      /refreshCooldownSeconds/,
    );
  });
});
