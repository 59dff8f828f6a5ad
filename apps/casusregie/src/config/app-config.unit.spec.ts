import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('defaults to ./data, port 3000 and durable commits', () => {
    expect(loadConfig({}, '/srv/casusregie')).toEqual({
      dataDir: '/srv/casusregie/data',
      port: 3000,
      host: '0.0.0.0',
      eventStoreSynchronous: 'FULL',
    });
  });

  it('takes DATA_DIR, PORT, HOST and EVENT_STORE_SYNCHRONOUS from the environment', () => {
    expect(
      loadConfig(
        { DATA_DIR: '/var/lib/cr', PORT: '8080', HOST: '127.0.0.1', EVENT_STORE_SYNCHRONOUS: 'normal' },
        '/x',
      ),
    ).toEqual({ dataDir: '/var/lib/cr', port: 8080, host: '127.0.0.1', eventStoreSynchronous: 'NORMAL' });
  });

  it('names every wrong value with what is allowed', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', EVENT_STORE_SYNCHRONOUS: 'OFF', DATA_DIR: ' ' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'DATA_DIR must not be empty (default ./data)',
      'PORT must be an integer from 0 to 65535 (0 = any free port), got "eighty"',
      'EVENT_STORE_SYNCHRONOUS must be FULL or NORMAL, got "OFF"',
    ]);
  });

  it('refuses a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT must be an integer from 0 to 65535/);
  });
});
