/** Access tokens for the benchmark's users, signed with the secret the app was started with. */
import { signAccessToken } from '@casusregie/security';
import type { TableProfile } from './tables';

export class Tokens {
  private readonly cache = new Map<string, string>();

  constructor(
    private readonly secret: string,
    private readonly tables: readonly TableProfile[],
  ) {}

  /** A coordinator of one table, working for the table's first gemeente. */
  coordinator(tableId: string): string {
    const table = this.tables.find((t) => t.id === tableId);
    return this.sign(`coordinator:${tableId}`, {
      sub: `bench-coordinator-${tableId}`,
      name: 'Benchmark coordinator',
      role: 'coordinator',
      org: table?.gemeenten[0]?.code ?? 'GM0344',
      tables: [tableId],
    });
  }

  /** A liaison of the organisation with this code. */
  liaison(organisationCode: string): string {
    return this.sign(`liaison:${organisationCode}`, {
      sub: `bench-liaison-${organisationCode.toLowerCase()}`,
      name: 'Benchmark liaison',
      role: 'liaison',
      org: organisationCode,
      tables: [],
    });
  }

  private sign(key: string, claims: Parameters<typeof signAccessToken>[0]): string {
    let token = this.cache.get(key);
    if (!token) {
      token = signAccessToken(claims, this.secret, { expiresInSeconds: 4 * 3600 });
      this.cache.set(key, token);
    }
    return token;
  }
}
