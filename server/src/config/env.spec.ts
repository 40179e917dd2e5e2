import { ConfigError, loadConfig } from './env';

describe('loadConfig', () => {
  it('should default to port 3000, the embedded database and demo data', () => {
    const config = loadConfig({}, '/repo');
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.demoData).toBe(true);
    expect(config.dataDir).toBe('/repo/.data');
  });

  it('should turn demo data off by default when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/bce' }, '/repo');
    expect(config.databaseUrl).toBe('postgres://u:p@db:5432/bce');
    expect(config.demoData).toBe(false);
  });

  it('should name each bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', DEMO_DATA: 'maybe' }, '/repo')).toThrow(ConfigError);
    try {
      loadConfig({ PORT: '99999', DATABASE_URL: 'mysql://x' }, '/repo');
    } catch (e) {
      expect((e as Error).message).toMatch(/PORT/);
      expect((e as Error).message).toMatch(/DATABASE_URL must be a postgres/);
    }
  });

  it('should require JWT_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x/y' }, '/repo')).toThrow(/JWT_SECRET/);
  });
});
