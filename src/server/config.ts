import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  DATABASE_URL: optionalText.pipe(
    z
      .url({ protocol: /^postgres(ql)?$/, message: 'must be a postgres:// or postgresql:// URL' })
      .optional(),
  ),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  CORS_ORIGINS: optionalText
    .transform((value) => (value ? value.split(',').map((origin) => origin.trim()) : []))
    .pipe(
      z.array(z.url({ protocol: /^https?$/, message: 'must be comma-separated http(s) origins' })),
    ),
  WEB_DIST_DIR: z.string().trim().min(1).default('./dist/web'),
  TRUST_PROXY: z.stringbool().default(false),
  REDIS_URL: optionalText.pipe(z.url({ protocol: /^rediss?$/ }).optional()),
  RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  SIGNUP_MODE: z.enum(['waitlist', 'open']).default('waitlist'),
  PUBLIC_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  AUTH_SECRET: optionalText.pipe(
    z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)').optional(),
  ),
  ADMIN_EMAILS: optionalText.transform((value) =>
    value
      ? value
          .split(',')
          .map((email) => email.trim().toLowerCase())
          .filter(Boolean)
      : [],
  ),
  SMTP_URL: optionalText.pipe(z.url({ protocol: /^smtps?$/ }).optional()),
  MAIL_FROM: z.string().trim().min(3).default('Arete <no-reply@arete.local>'),
  CLERK_SECRET_KEY: optionalText,
  CLERK_PUBLISHABLE_KEY: optionalText,
  CLERK_JWT_KEY: optionalText,
  CLERK_WEBHOOK_SIGNING_SECRET: optionalText,
  CLERK_API_URL: optionalText.pipe(z.url().optional()),
  // Where the browser reaches Clerk's Frontend API when it is proxied: an absolute URL or a path
  // on the app's own origin (`/__clerk`).
  CLERK_PROXY_URL: optionalText.pipe(
    z
      .union([
        z.url({ protocol: /^https?$/ }),
        z.string().regex(/^\/[^/]/, 'must start with a single /'),
      ])
      .optional(),
  ),
  CLERK_AUTHORIZED_PARTIES: optionalText.transform((value) =>
    value ? value.split(',').map((origin) => origin.trim()) : [],
  ),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 ** 3, 'must be at most 1 GiB (1073741824)')
    .default(20 * 1024 * 1024),
  DOCUMENT_QUOTA_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(500 * 1024 * 1024),
  AI_BASE_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  AI_API_KEY: optionalText,
  AI_MODEL: z.string().trim().min(1).default('llama3.1'),
  GOAL_FOCUS_LIMIT: z.coerce.number().int().min(1).max(20).default(3),
  DOCUMENT_STORAGE: z.enum(['disk', 's3']).default('disk'),
  S3_BUCKET: optionalText,
  S3_REGION: z.string().trim().min(1).default('us-east-1'),
  S3_ENDPOINT: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  S3_FORCE_PATH_STYLE: z.stringbool().default(false),
  S3_ACCESS_KEY_ID: optionalText,
  S3_SECRET_ACCESS_KEY: optionalText,
});

export type DocumentStorageConfig =
  | { kind: 'disk'; root: string }
  | {
      kind: 's3';
      bucket: string;
      region: string;
      endpoint: string | undefined;
      forcePathStyle: boolean;
      /** Absent: the AWS SDK's own chain (environment, profile, instance role). */
      credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
      /** Where downloads for the extractor and uploads on their way are spooled. */
      spoolDir: string;
    };

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  /** Absent: the embedded PGlite database under `dataDir`. */
  databaseUrl: string | undefined;
  logLevel: (typeof logLevels)[number];
  /** Empty: CORS stays off, the web app is served from the same origin. */
  corsOrigins: string[];
  webDistDir: string;
  trustProxy: boolean;
  /** Absent: rate-limit counters live in this process's memory. */
  redisUrl: string | undefined;
  /** Off only for load tests on a machine of one's own: the limits would answer most requests 429. */
  rateLimits: boolean;
  /** `waitlist`: only approved (or invited) emails may sign up; `open`: anyone, as `pending`. */
  signUpMode: 'waitlist' | 'open';
  /** Where people reach the app: links in mail, token issuer, trusted origin. */
  publicUrl: string;
  /**
   * False when `publicUrl` was derived from HOST and PORT: then it differs between servers, which
   * must share one (a token names it as issuer and audience).
   */
  publicUrlConfigured: boolean;
  /**
   * Absent: the one kept under `dataDir`, or one generated on first start, as long as the database
   * holds no signing keys made with another (see identity/local/secret.ts).
   */
  authSecret: string | undefined;
  adminEmails: string[];
  mail: { smtpUrl: string | undefined; from: string };
  /** Present when CLERK_SECRET_KEY is set: identity is Clerk's, not the embedded provider's. */
  clerk:
    | {
        secretKey: string;
        publishableKey: string | undefined;
        jwtKey: string | undefined;
        webhookSigningSecret: string | undefined;
        apiUrl: string | undefined;
        /** Given to the web app: where clerk-js sends its Frontend API calls. */
        proxyUrl: string | undefined;
        authorizedParties: string[];
      }
    | undefined;
  documents: {
    /** One file's limit: larger uploads answer 413. */
    maxUploadBytes: number;
    /** What one user's documents may take in all: an upload past it answers 413. */
    quotaBytes: number;
    storage: DocumentStorageConfig;
  };
  /** How many goals a client may have in progress at once. */
  goalFocusLimit: number;
  /**
   * An OpenAI-compatible chat endpoint for goal suggestions (e.g. a local Ollama), used only for
   * clients whose AI privacy level is `external`; absent, every suggestion is made offline.
   */
  ai: { baseUrl: string; apiKey: string | undefined; model: string } | undefined;
};

export class ConfigError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Reads and validates the environment once, at start; every bad key is reported together. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const values = parsed.data;
  const problems = [
    ...(values.DOCUMENT_STORAGE === 's3' && !values.S3_BUCKET
      ? ['S3_BUCKET: is required when DOCUMENT_STORAGE=s3']
      : []),
    ...(Boolean(values.S3_ACCESS_KEY_ID) !== Boolean(values.S3_SECRET_ACCESS_KEY)
      ? ['S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: set both or neither']
      : []),
  ];
  if (problems.length > 0) throw new ConfigError(problems);
  const dataDir = path.resolve(values.DATA_DIR);
  return {
    env: values.NODE_ENV,
    port: values.PORT,
    host: values.HOST,
    dataDir,
    databaseUrl: values.DATABASE_URL,
    logLevel: values.LOG_LEVEL,
    corsOrigins: values.CORS_ORIGINS,
    webDistDir: path.resolve(values.WEB_DIST_DIR),
    trustProxy: values.TRUST_PROXY,
    redisUrl: values.REDIS_URL,
    signUpMode: values.SIGNUP_MODE,
    rateLimits: values.RATE_LIMITS === 'on',
    publicUrl: (values.PUBLIC_URL ?? `http://${displayHost(values.HOST)}:${values.PORT}`).replace(
      /\/$/,
      '',
    ),
    publicUrlConfigured: values.PUBLIC_URL !== undefined,
    authSecret: values.AUTH_SECRET,
    adminEmails: values.ADMIN_EMAILS,
    mail: { smtpUrl: values.SMTP_URL, from: values.MAIL_FROM },
    clerk: values.CLERK_SECRET_KEY
      ? {
          secretKey: values.CLERK_SECRET_KEY,
          publishableKey: values.CLERK_PUBLISHABLE_KEY,
          jwtKey: values.CLERK_JWT_KEY,
          webhookSigningSecret: values.CLERK_WEBHOOK_SIGNING_SECRET,
          apiUrl: values.CLERK_API_URL,
          proxyUrl: values.CLERK_PROXY_URL,
          authorizedParties: values.CLERK_AUTHORIZED_PARTIES,
        }
      : undefined,
    documents: {
      maxUploadBytes: values.UPLOAD_MAX_BYTES,
      quotaBytes: values.DOCUMENT_QUOTA_BYTES,
      storage:
        values.DOCUMENT_STORAGE === 's3' && values.S3_BUCKET
          ? {
              kind: 's3',
              bucket: values.S3_BUCKET,
              region: values.S3_REGION,
              endpoint: values.S3_ENDPOINT,
              forcePathStyle: values.S3_FORCE_PATH_STYLE,
              credentials:
                values.S3_ACCESS_KEY_ID && values.S3_SECRET_ACCESS_KEY
                  ? {
                      accessKeyId: values.S3_ACCESS_KEY_ID,
                      secretAccessKey: values.S3_SECRET_ACCESS_KEY,
                    }
                  : undefined,
              spoolDir: path.join(dataDir, 'spool'),
            }
          : { kind: 'disk', root: path.join(dataDir, 'uploads') },
    },
    goalFocusLimit: values.GOAL_FOCUS_LIMIT,
    ai: values.AI_BASE_URL
      ? { baseUrl: values.AI_BASE_URL, apiKey: values.AI_API_KEY, model: values.AI_MODEL }
      : undefined,
  };
}

function displayHost(host: string): string {
  return host === '0.0.0.0' || host === '::' ? 'localhost' : host;
}

/** Loads `.env` from the working directory when there is one; real environment variables win. */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

/** A complete config for tests and tools, with overrides. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    env: 'test',
    port: 0,
    host: '127.0.0.1',
    dataDir: path.resolve('.tmp/test-data'),
    databaseUrl: undefined,
    logLevel: 'silent',
    corsOrigins: [],
    webDistDir: path.resolve('dist/web'),
    trustProxy: false,
    redisUrl: undefined,
    signUpMode: 'open',
    rateLimits: true,
    publicUrl: 'http://127.0.0.1:3000',
    publicUrlConfigured: true,
    authSecret: 'test-secret-that-is-long-enough-for-better-auth',
    adminEmails: [],
    mail: { smtpUrl: undefined, from: 'Arete <no-reply@arete.test>' },
    clerk: undefined,
    documents: {
      maxUploadBytes: 20 * 1024 * 1024,
      quotaBytes: 500 * 1024 * 1024,
      storage: { kind: 'disk', root: path.resolve('.tmp/test-data/uploads') },
    },
    goalFocusLimit: 3,
    ai: undefined,
    ...overrides,
  };
}
