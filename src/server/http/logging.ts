import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../config.ts';
import { errorForLog } from './error-handler.ts';

// A password link's token in its path, and any `token` in a query (the set-password page's URL).
const TOKEN_IN_PATH = /(\/reset-password\/)[^/?#]+/g;
const TOKEN_IN_QUERY = /([?&](?:token|code)=)[^&#]*/gi;

/** A URL as it may be logged: whatever grants access (link tokens) is replaced. */
export function urlForLog(url: string): string {
  return url.replace(TOKEN_IN_PATH, '$1[redacted]').replace(TOKEN_IN_QUERY, '$1[redacted]');
}

/** Any error logged as `err`, in pino's shape, through `errorForLog`. */
function serializeError(error: unknown) {
  const kept = errorForLog(error);
  if (typeof kept === 'string') return { type: 'Error', message: kept, stack: '' };
  return {
    ...kept,
    type: String(kept.name ?? 'Error'),
    message: String(kept.message ?? ''),
    stack: String(kept.stack ?? ''),
  };
}

type RequestLike = {
  id: unknown;
  method: string;
  url: string;
  hostname?: string;
  ip?: string;
  socket?: { remotePort?: number };
};

export function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    serializers: {
      // Whoever logs an error, its query parameters and the values a database quotes stay out.
      err: serializeError,
      req: (request: RequestLike) => ({
        reqId: request.id,
        method: request.method,
        url: urlForLog(request.url),
        host: request.hostname,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      }),
    },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.newPassword',
        '*.token',
        '*.secret',
        '*.databaseUrl',
      ],
      censor: '[redacted]',
    },
  };
}
