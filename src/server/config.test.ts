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

  it('keeps documents on disk under DATA_DIR by default, with 20 MB uploads and 500 MB each', () => {
    expect(loadConfig({ DATA_DIR: '/srv/arete' }).documents).toEqual({
      maxUploadBytes: 20 * 1024 * 1024,
      quotaBytes: 500 * 1024 * 1024,
      storage: { kind: 'disk', root: '/srv/arete/uploads' },
    });
  });

  it('reads the S3 storage settings, and the limits', () => {
    const config = loadConfig({
      DATA_DIR: '/srv/arete',
      UPLOAD_MAX_BYTES: '1048576',
      DOCUMENT_QUOTA_BYTES: '10485760',
      DOCUMENT_STORAGE: 's3',
      S3_BUCKET: 'arete-documents',
      S3_REGION: 'eu-west-3',
      S3_ENDPOINT: 'https://s3.example.com',
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
    });
    expect(config.documents).toEqual({
      maxUploadBytes: 1024 * 1024,
      quotaBytes: 10 * 1024 * 1024,
      storage: {
        kind: 's3',
        bucket: 'arete-documents',
        region: 'eu-west-3',
        endpoint: 'https://s3.example.com',
        forcePathStyle: true,
        credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
        spoolDir: '/srv/arete/spool',
      },
    });
  });

  it('refuses S3 storage without a bucket, half a key pair, and an upload limit over 1 GiB', () => {
    expect(() => loadConfig({ DOCUMENT_STORAGE: 's3' })).toThrow(/S3_BUCKET/);
    expect(() => loadConfig({ S3_ACCESS_KEY_ID: 'key' })).toThrow(/S3_SECRET_ACCESS_KEY/);
    expect(() => loadConfig({ UPLOAD_MAX_BYTES: String(2 * 1024 ** 3) })).toThrow(
      /UPLOAD_MAX_BYTES/,
    );
  });

  it('reads the goal focus limit and the optional AI service', () => {
    expect(loadConfig({})).toMatchObject({ goalFocusLimit: 3, ai: undefined });
    expect(
      loadConfig({
        GOAL_FOCUS_LIMIT: '5',
        AI_BASE_URL: 'http://127.0.0.1:11434/v1',
        AI_MODEL: 'llama3.2',
      }),
    ).toMatchObject({
      goalFocusLimit: 5,
      ai: { baseUrl: 'http://127.0.0.1:11434/v1', apiKey: undefined, model: 'llama3.2' },
    });
    expect(() => loadConfig({ GOAL_FOCUS_LIMIT: '0' })).toThrow(/GOAL_FOCUS_LIMIT/);
    expect(() => loadConfig({ AI_BASE_URL: 'ftp://models' })).toThrow(/AI_BASE_URL/);
  });

  it('takes a Clerk proxy as an absolute URL or a same-origin path, nothing else', () => {
    const clerk = (proxy: string) =>
      loadConfig({ CLERK_SECRET_KEY: 'sk_test_x', CLERK_PROXY_URL: proxy }).clerk?.proxyUrl;
    expect(clerk('/__clerk')).toBe('/__clerk');
    expect(clerk('https://app.example.com/__clerk')).toBe('https://app.example.com/__clerk');
    expect(() => clerk('//evil.example.com')).toThrow(/CLERK_PROXY_URL/);
    expect(() => clerk('__clerk')).toThrow(/CLERK_PROXY_URL/);
  });
});
