import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRs256Verifier } from './access-token-verifier';
import { rsaTestKey } from './test-support/fake-jwks';
import { COORDINATOR, craftJwt, rsaSigner, validPayload } from './test-support/jwt-factory';
import { verifyAccessToken } from './verify-access-token';

describe('RS256 verification against a JWKS served over HTTP', () => {
  const oldKey = rsaTestKey('2026-01');
  const newKey = rsaTestKey('2026-02');
  let published = [oldKey.jwk];
  let requests = 0;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests += 1;
      if (request.url !== '/jwks.json') {
        response.writeHead(404).end();
        return;
      }
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ keys: published }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fetches keys with fetch, caches them and picks up a rotated key', async () => {
    const nowSeconds = Math.floor(Date.now() / 1000);
    const verifier = createRs256Verifier({
      jwks: { url: `${url}/jwks.json`, refreshCooldownSeconds: 0 },
    });
    const sign = (key: typeof oldKey) =>
      craftJwt(
        { alg: 'RS256', kid: key.kid },
        validPayload({ iat: nowSeconds, exp: nowSeconds + 60 }),
        rsaSigner(key.privateKey),
      );

    await expect(verifyAccessToken(sign(oldKey), verifier)).resolves.toEqual(COORDINATOR);
    await expect(verifyAccessToken(sign(oldKey), verifier)).resolves.toEqual(COORDINATOR);
    expect(requests).toBe(1);

    published = [newKey.jwk];
    await expect(verifyAccessToken(sign(newKey), verifier)).resolves.toEqual(COORDINATOR);
    expect(requests).toBe(2);
  });

  it('reports keys-unavailable (503) when the URL answers 404', async () => {
    const verifier = createRs256Verifier({ jwks: { url: `${url}/missing` } });
    const token = craftJwt({ alg: 'RS256', kid: oldKey.kid }, validPayload(), rsaSigner(oldKey.privateKey));
    await expect(verifyAccessToken(token, verifier)).rejects.toMatchObject({
      code: 'auth.keys-unavailable',
      status: 503,
    });
  });
});
