import { call, type TestApi } from './test-api';

/** A made-up client: the BSN passes the elfproef but belongs to nobody (the 99999xxxx test range). */
export interface TestClient {
  readonly name: string;
  readonly bsn: string;
  readonly birthDate: string;
}

export const TEST_CLIENT: TestClient = {
  name: 'Jaimy de Voorbeeld',
  bsn: '999990019',
  birthDate: '1974-05-17',
};

/**
 * Registers a client over HTTP (POST /subjects) as the coordinator given, and answers its subject id: every case
 * registration (POST /cases) must refer to one.
 */
export async function registerSubject(
  api: TestApi,
  token: string,
  client: Partial<TestClient> = {},
): Promise<string> {
  const response = await call(api, 'POST', '/subjects', { token, body: { ...TEST_CLIENT, ...client } });
  if (response.status !== 201) {
    throw new Error(`POST /subjects answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body.subjectId as string;
}
