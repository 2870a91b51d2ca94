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
});

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
  return {
    env: values.NODE_ENV,
    port: values.PORT,
    host: values.HOST,
    dataDir: path.resolve(values.DATA_DIR),
    databaseUrl: values.DATABASE_URL,
    logLevel: values.LOG_LEVEL,
    corsOrigins: values.CORS_ORIGINS,
    webDistDir: path.resolve(values.WEB_DIST_DIR),
    trustProxy: values.TRUST_PROXY,
  };
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
    ...overrides,
  };
}
