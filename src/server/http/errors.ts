/**
 * Errors a service throws to say the request cannot be done; the error handler maps each to its status.
 * Their messages are written for the caller, so they must never carry internals.
 */
export class DomainError extends Error {
  readonly statusCode: number;
  readonly code: string;

  constructor(statusCode: number, code: string, message: string) {
    super(message);
    this.name = 'DomainError';
    this.statusCode = statusCode;
    this.code = code;
  }
}

export class BadRequestError extends DomainError {
  constructor(message: string) {
    super(400, 'bad_request', message);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message = 'Sign in to continue.') {
    super(401, 'unauthorized', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You do not have permission to do this.') {
    super(403, 'forbidden', message);
  }
}

/** Also for data the caller may not know exists: another tenant's records answer 404, never 403. */
export class NotFoundError extends DomainError {
  constructor(what = 'Resource') {
    super(404, 'not_found', `${what} not found.`);
  }
}

export class ConflictError extends DomainError {
  /** What already exists, when the caller may see it; sent back as `existing`. */
  readonly existing: unknown;

  constructor(message: string, existing?: unknown) {
    super(409, 'conflict', message);
    this.existing = existing;
  }
}

export class ServiceUnavailableError extends DomainError {
  constructor(message: string) {
    super(503, 'service_unavailable', message);
  }
}

export class TooManyRequestsError extends DomainError {
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super(
      429,
      'too_many_requests',
      `Too many requests. Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`,
    );
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export class PayloadTooLargeError extends DomainError {
  constructor(message: string) {
    super(413, 'payload_too_large', message);
  }
}

export class UnsupportedMediaTypeError extends DomainError {
  constructor(message: string) {
    super(415, 'unsupported_media_type', message);
  }
}

/** Invalid input that no route schema could check (multipart fields): 400 with each field's issue. */
export class ValidationError extends DomainError {
  readonly issues: { path: string; message: string }[];

  constructor(issues: { path: string; message: string }[]) {
    super(
      400,
      'validation_failed',
      `Invalid request: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
    );
    this.issues = issues;
  }
}
