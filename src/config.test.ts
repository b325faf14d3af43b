import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('uses the local Neo4j and port 4000 when nothing is set', () => {
    const config = loadConfig({});
    expect(config.neo4j.uri).toBeNull();
    expect(config.api.port).toBe(4000);
    expect(config.api.apiToken).toBeNull();
  });

  it('runs with production defaults unless NODE_ENV=development is set explicitly', () => {
    for (const env of [{}, { NODE_ENV: 'production' }, { NODE_ENV: 'staging' }]) {
      const config = loadConfig(env);
      expect(config.env).toBe('production');
      expect(config.api.introspection).toBe(false);
      expect(config.api.explorer).toBe(false);
    }
    const development = loadConfig({ NODE_ENV: 'development' });
    expect(development.env).toBe('development');
    expect(development.api.introspection).toBe(true);
    expect(development.api.explorer).toBe(true);
  });

  it('reads timeouts and the CORS allow-list once, with defaults for a loaded machine', () => {
    const config = loadConfig({ CORS_ORIGINS: 'https://dash.example.org, http://localhost:5173' });
    expect(config.api.corsOrigins).toEqual(['https://dash.example.org', 'http://localhost:5173']);
    expect(config.neo4j).toMatchObject({ queryTimeoutMs: 15_000, connectTimeoutMs: 5_000, retryTimeMs: 30_000, probeIntervalMs: 1_000 });
    expect(() => loadConfig({ CORS_ORIGINS: 'dash.example.org/path' })).toThrow(/CORS_ORIGINS must be a comma-separated list of origins/);
  });

  it('turns introspection off in production unless asked for', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).api.introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }).api.introspection).toBe(true);
  });

  it('returns a frozen object', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.api)).toBe(true);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT must be a whole number from 0 to 65535/],
    [{ NEO4J_URI: 'http://localhost:7474' }, /NEO4J_URI must be a neo4j:\/\/ or bolt:\/\//],
    [{ API_TOKEN: 'short' }, /API_TOKEN must be at least 16/],
    [{ NEO4J_LOCAL_HEAP: 'lots' }, /NEO4J_LOCAL_HEAP must look like 512m/],
    [{ INGEST_ON_START: 'maybe' }, /INGEST_ON_START must be true or false/],
    [{ WEBHOOK_URL: 'ftp://example.org/hook', WEBHOOK_SECRET: '0123456789abcdef' }, /WEBHOOK_URL must be an http:\/\/ or https:\/\/ URL/],
    [{ WEBHOOK_URL: 'not a url', WEBHOOK_SECRET: '0123456789abcdef' }, /WEBHOOK_URL must be an http:\/\/ or https:\/\/ URL/],
    [{ WEBHOOK_URL: 'https://example.org/hook' }, /WEBHOOK_URL is set but WEBHOOK_SECRET is not/],
    [{ WEBHOOK_SECRET: '0123456789abcdef' }, /WEBHOOK_SECRET is set but WEBHOOK_URL is not/],
    [{ WEBHOOK_URL: 'https://example.org/hook', WEBHOOK_SECRET: 'short' }, /WEBHOOK_SECRET must be at least 16/],
    [{ WEBHOOK_URL: 'https://example.org/hook', WEBHOOK_SECRET: '0123456789abcdef', WEBHOOK_MAX_ATTEMPTS: '0' }, /WEBHOOK_MAX_ATTEMPTS must be a whole number from 1 to 20/],
  ])('refuses %j with a CONFIG_ERROR', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
    try {
      loadConfig(env);
    } catch (error) {
      expect(error).toMatchObject({ code: 'CONFIG_ERROR' });
    }
  });

  it('sends no webhooks unless WEBHOOK_URL is set, and reads their settings with defaults', () => {
    expect(loadConfig({}).api.webhook).toBeNull();
    expect(loadConfig({ WEBHOOK_URL: 'https://example.org/hook', WEBHOOK_SECRET: '0123456789abcdef' }).api.webhook).toEqual({
      url: 'https://example.org/hook',
      secret: '0123456789abcdef',
      maxAttempts: 6,
      retryBaseMs: 1_000,
      timeoutMs: 10_000,
      maxQueue: 10_000,
    });
  });

  it('accepts neo4j+s URIs for Aura', () => {
    expect(loadConfig({ NEO4J_URI: 'neo4j+s://abcd.databases.neo4j.io' }).neo4j.uri).toBe('neo4j+s://abcd.databases.neo4j.io');
  });
});
