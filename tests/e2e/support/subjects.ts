/** A made-up client: the BSN passes the elfproef but belongs to nobody (the 99999xxxx test range). */
export const E2E_CLIENT = { name: 'Jaimy de Voorbeeld', bsn: '999990019', birthDate: '1974-05-17' } as const;

/**
 * Registers a client (POST /subjects) over real HTTP with a coordinator's bearer token and answers its subject
 * id: every case registration must refer to a registered subject.
 */
export async function registerSubject(baseUrl: string, token: string): Promise<string> {
  const response = await fetch(`${baseUrl}/subjects`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(E2E_CLIENT),
  });
  if (response.status !== 201) throw new Error(`POST /subjects answered ${response.status}`);
  return ((await response.json()) as { subjectId: string }).subjectId;
}
