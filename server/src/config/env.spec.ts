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

  it('should limit each user to 1200 requests a minute unless told, 0 switching it off', () => {
    expect(loadConfig({}, '/repo').rateLimitPerMinute).toBe(1200);
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '0' }, '/repo').rateLimitPerMinute).toBe(0);
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: 'lots' }, '/repo')).toThrow(/RATE_LIMIT_PER_MINUTE must be a whole number/);
  });

  it('should trust no proxy unless told, reading hop counts as numbers', () => {
    expect(loadConfig({}, '/repo').trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }, '/repo').trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }, '/repo').trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(() => loadConfig({ TRUST_PROXY: 'everyone; rm -rf' }, '/repo')).toThrow(/TRUST_PROXY must be/);
  });
});
