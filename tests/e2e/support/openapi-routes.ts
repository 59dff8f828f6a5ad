export interface DocumentedRoute {
  readonly method: string;
  readonly path: string;
  readonly permission?: string;
  readonly hasBody: boolean;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { 'x-required-permission'?: string; requestBody?: unknown }>>;
}

/** Every operation of the OpenAPI document, with the permission it declares. */
export async function documentedRoutes(baseUrl: string): Promise<DocumentedRoute[]> {
  const document = (await (await fetch(`${baseUrl}/docs/json`)).json()) as OpenApiDocument;
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      permission: operation['x-required-permission'],
      hasBody: operation.requestBody !== undefined,
    })),
  );
}

/** Fills path parameters: the case id given, a fresh UUID for any other id. */
export function concretePath(path: string, caseId: string): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    name === 'caseId'
      ? caseId
      : name === 'deadlineId'
        ? encodeURIComponent('liaison-answer:x')
        : crypto.randomUUID(),
  );
}
