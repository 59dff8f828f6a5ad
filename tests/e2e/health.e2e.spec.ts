import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../apps/casusregie/src/create-app';
import { EVENT_STORE } from '../../apps/casusregie/src/event-store/event-store.module';
import type { EventStore } from '@casusregie/event-store';

describe('health endpoints over HTTP', () => {
  let dataDir: string;
  let app: NestFastifyApplication;
  let baseUrl: string;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'casusregie-e2e-'));
    app = await createApp(
      { dataDir, port: 0, host: '127.0.0.1', eventStoreSynchronous: 'FULL' },
      { logger: false },
    );
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });
  afterEach(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('live answers 200', async () => {
    const response = await fetch(`${baseUrl}/health/live`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('ready answers 200 with the head position when the event store answers', async () => {
    await app.get<EventStore>(EVENT_STORE).append(
      'case-1',
      [
        {
          eventId: '7a0c7f7e-1a63-4d2b-9a51-8f1f0c1d2e3f',
          type: 'test.Probe.v1',
          data: {},
          metadata: {
            actor: { userId: 'u', role: 'system', organisationId: 'o' },
            correlationId: 'c',
            causationId: 'c',
            occurredAt: '2026-11-24T10:00:00.000Z',
            schemaVersion: 1,
          },
        },
      ],
      'no_stream',
    );
    const response = await fetch(`${baseUrl}/health/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', eventStore: { status: 'up', headPosition: 1 } });
  });

  it('ready answers 503 when the event store does not answer', async () => {
    await app.get<EventStore>(EVENT_STORE).close();
    const response = await fetch(`${baseUrl}/health/ready`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'unavailable', eventStore: { status: 'down' } });
  });

  it('an unknown path is a 404, not a 500', async () => {
    expect((await fetch(`${baseUrl}/nope`)).status).toBe(404);
  });
});
