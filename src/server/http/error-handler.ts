import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ApiError } from '../../contract/errors.ts';
import { IdentityProviderError } from '../identity/port.ts';
import { ConflictError, DomainError, TooManyRequestsError, ValidationError } from './errors.ts';

// Fastify's own 4xx errors (bad JSON, body too large, wrong content type) describe the request, not us.
const clientErrorCodes: Record<number, string> = {
  400: 'bad_request',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
};

/**
 * PostgreSQL refusing a value the request carried: SQLSTATE class 22 (data exception: NUL or bad
 * encoding 22021, out-of-range date 22008, bad date format 22007, bad text representation 22P02,
 * string too long 22001, number out of range 22003, invalid regular expression 2201B, …) and the
 * limits of class 54 a value can hit (54000 program limit exceeded, e.g. an index row too large;
 * 54001 statement too complex / stack depth). Input schemas should refuse these values first; this
 * is the net below them, so a value the schemas missed is the caller's 400, not our 500.
 */
const VALUE_REFUSED_CODES = new Set(['54000', '54001']);
// The classes PostgreSQL uses; so that `EPIPE` and other Node codes are never taken for one.
const SQLSTATE = /^(?:[0-5][0-9A-Z]|F0|HV|P0|XX)[0-9A-Z]{3}$/;

/** The SQLSTATE of a database error anywhere in an error's `cause` chain (Drizzle wraps the driver's). */
export function sqlStateOf(error: unknown): string | undefined {
  let current = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && SQLSTATE.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isRefusedValue(sqlState: string | undefined): boolean {
  return sqlState !== undefined && (sqlState.startsWith('22') || VALUE_REFUSED_CODES.has(sqlState));
}

/**
 * A failed query's message without the values it carried: Drizzle's reads
 * `Failed query: <sql>\nparams: <values>` (emails, names); the SQL stays, it holds only placeholders.
 */
export function redactQueryMessage(message: string): string {
  return message.replace(/\nparams: [\s\S]*$/, '\nparams: [redacted]');
}

/** PostgreSQL's own message may end by quoting the value it refused: `… for type uuid: "…"`. */
function redactDatabaseMessage(message: string): string {
  return message.replace(/: "[\s\S]*"$/, ': "[redacted]"');
}

// Fields of a driver's error that name things in the schema, never values (`detail` does:
// "Key (email)=(ada@example.com) already exists."; PGlite's errors also carry `query` and `params`).
const SAFE_DATABASE_FIELDS = [
  'code',
  'severity',
  'routine',
  'schema',
  'table',
  'column',
  'constraint',
  'dataType',
] as const;

/**
 * What the log keeps of an error (log it as `err`): its type as `name`, redacted message and stack,
 * a database error's schema-naming fields, and its cause the same way. Never `params`, `detail` or
 * other values.
 */
export function errorForLog(error: unknown, depth = 0): Record<string, unknown> | string {
  if (!(error instanceof Error))
    return typeof error === 'string' ? redactQueryMessage(error) : String(error);
  const fromDatabase = sqlStateOf({ code: (error as { code?: unknown }).code }) !== undefined;
  const message = fromDatabase
    ? redactDatabaseMessage(error.message)
    : redactQueryMessage(error.message);
  // No prototype: pino's `err` serializer then names it by `name` (not `Object`) and keeps the rest.
  const logged: Record<string, unknown> = Object.assign(Object.create(null), {
    name: error.constructor?.name ?? error.name,
    message,
    stack:
      error.stack && error.message && message !== error.message
        ? error.stack.split(error.message).join(message)
        : error.stack,
  });
  for (const field of SAFE_DATABASE_FIELDS) {
    const value = (error as unknown as Record<string, unknown>)[field];
    if (typeof value === 'string' || typeof value === 'number') logged[field] = value;
  }
  const statusCode = (error as { statusCode?: unknown }).statusCode;
  if (typeof statusCode === 'number') logged.statusCode = statusCode;
  if (error.cause !== undefined && depth < 4) logged.cause = errorForLog(error.cause, depth + 1);
  return logged;
}

function send(reply: FastifyReply, status: number, body: Omit<ApiError, 'requestId'>) {
  return reply.code(status).send({ ...body, requestId: String(reply.request.id) });
}

export function toValidationIssues(error: FastifyError) {
  const location = error.validationContext ?? 'request';
  return (error.validation ?? []).map((issue) => ({
    path: [location, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
    message: issue.message ?? 'Invalid value',
  }));
}

/** One place decides what a failure looks like to the caller; internals never leave the server. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = toValidationIssues(error);
      return send(reply, 400, {
        error: 'validation_failed',
        message: `Invalid request: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
        issues,
      });
    }
    if (error instanceof TooManyRequestsError)
      reply.header('retry-after', String(error.retryAfterSeconds));
    if (error instanceof DomainError) {
      const existing = error instanceof ConflictError ? error.existing : undefined;
      return send(reply, error.statusCode, {
        error: error.code,
        message: error.message,
        ...(error instanceof ValidationError ? { issues: error.issues } : {}),
        ...(existing === undefined ? {} : { existing }),
      });
    }
    const sqlState = sqlStateOf(error);
    if (isRefusedValue(sqlState)) {
      // Warn: the schemas should have refused the value; the log says which kind, never the value.
      request.log.warn({ err: error, sqlState }, 'the database refused a value');
      return send(reply, 400, {
        error: 'invalid_value',
        message:
          'The request holds a value that cannot be stored or compared here (for example a control character, or a date or number out of range).',
      });
    }
    if (error instanceof IdentityProviderError) {
      if (error.status >= 500)
        request.log.error({ err: error, sqlState }, 'identity provider failed');
      const code =
        error.status === 404
          ? 'not_found'
          : error.status === 422
            ? 'unprocessable'
            : 'identity_provider_error';
      return send(reply, error.status, { error: code, message: error.message });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      request.log.info({ err: error }, 'request refused');
      return send(reply, status, {
        error: clientErrorCodes[status] ?? 'bad_request',
        message: error.message,
      });
    }
    request.log.error({ err: error, sqlState }, 'request failed');
    return send(reply, 500, {
      error: 'internal_error',
      message: 'Something went wrong on our side. Quote the request id if you report it.',
    });
  });
}

/**
 * What Fastify answers itself, before routing and before any hook, in the API's shape: a malformed
 * percent-encoding in the path (`%zz`, `%FF`, an encoded lone surrogate) and a path parameter
 * longer than the router's `maxParamLength`. Pass it as Fastify's `frameworkErrors` option.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  // The onRequest hook that sets this has not run.
  reply.header('x-request-id', String(request.id));
  if (error.code === 'FST_ERR_BAD_URL') {
    return send(reply, 400, {
      error: 'bad_request',
      message: 'The address is not valid: it holds a malformed percent-encoding.',
    });
  }
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return send(reply, 414, {
      error: 'uri_too_long',
      message: 'A part of the address is too long.',
    });
  }
  request.log.error({ err: error }, 'request failed before routing');
  return send(reply, 500, {
    error: 'internal_error',
    message: 'Something went wrong on our side. Quote the request id if you report it.',
  });
}

export function apiNotFound(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, 404, {
    error: 'not_found',
    message: `No route for ${request.method} ${request.url.split('?')[0]}.`,
  });
}
