import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ApiError } from '../../contract/errors.ts';
import { IdentityProviderError } from '../identity/port.ts';
import { DomainError, TooManyRequestsError } from './errors.ts';

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
      return send(reply, error.statusCode, { error: error.code, message: error.message });
    }
    if (error instanceof IdentityProviderError) {
      if (error.status >= 500) request.log.error({ err: error }, 'identity provider failed');
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
    request.log.error({ err: error }, 'request failed');
    return send(reply, 500, {
      error: 'internal_error',
      message: 'Something went wrong on our side. Quote the request id if you report it.',
    });
  });
}

export function apiNotFound(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, 404, {
    error: 'not_found',
    message: `No route for ${request.method} ${request.url.split('?')[0]}.`,
  });
}
