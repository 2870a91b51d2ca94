import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development',
      port: 3000,
      host: '127.0.0.1',
      dataDir: path.resolve('data'),
      databaseUrl: undefined,
      logLevel: 'info',
      corsOrigins: [],
      trustProxy: false,
    });
  });

  it('reads every setting from the environment', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      PORT: '8080',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/arete',
      DATABASE_URL: 'postgres://arete:secret@db.internal:5432/arete',
      LOG_LEVEL: 'warn',
      CORS_ORIGINS: 'https://app.example.com, https://admin.example.com',
      TRUST_PROXY: 'true',
    });
    expect(config).toMatchObject({
      env: 'production',
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/var/lib/arete',
      databaseUrl: 'postgres://arete:secret@db.internal:5432/arete',
      logLevel: 'warn',
      corsOrigins: ['https://app.example.com', 'https://admin.example.com'],
      trustProxy: true,
    });
  });

  it('treats an empty DATABASE_URL as unset, so the embedded database is used', () => {
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });

  it('names every bad key in one error', () => {
    const attempt = () =>
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://localhost/arete',
        LOG_LEVEL: 'loud',
        CORS_ORIGINS: 'not a url',
        TRUST_PROXY: 'maybe',
      });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      for (const key of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'CORS_ORIGINS', 'TRUST_PROXY']) {
        expect(problems).toContain(key);
      }
      expect((error as ConfigError).message).toMatch(/^Invalid configuration:/);
    }
  });

  it('derives PUBLIC_URL from HOST and PORT unless it is set, and says which', () => {
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '3001' })).toMatchObject({
      publicUrl: 'http://localhost:3001',
      publicUrlConfigured: false,
    });
    expect(loadConfig({ PORT: '3001', PUBLIC_URL: 'https://arete.example.com/' })).toMatchObject({
      publicUrl: 'https://arete.example.com',
      publicUrlConfigured: true,
    });
  });

  it('refuses a short AUTH_SECRET', () => {
    expect(() => loadConfig({ AUTH_SECRET: 'too-short' })).toThrow(/AUTH_SECRET/);
  });

  it('refuses a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
  });
});
