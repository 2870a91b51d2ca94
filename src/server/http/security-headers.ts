import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';

/**
 * Helmet's defaults with a strict CSP: scripts, styles and fonts from our own origin only (no
 * inline styles), nothing framed, no `upgrade-insecure-requests` (the app may be served over plain
 * HTTP on a private network).
 */
const DIRECTIVES = {
  'style-src': ["'self'"],
  'font-src': ["'self'"],
  'upgrade-insecure-requests': null,
};

export const HELMET_OPTIONS: FastifyHelmetOptions = {
  contentSecurityPolicy: { directives: DIRECTIVES },
};

export type SecurityHeader = readonly [name: string, value: string];

/**
 * The headers helmet sets with these options, names spelled as helmet spells them. Asked of helmet
 * itself, once, on a throwaway instance: helmet stays the authority on what they are, and a helmet
 * upgrade that adds or changes one changes them here too.
 */
export async function helmetHeaders(
  options: FastifyHelmetOptions = HELMET_OPTIONS,
): Promise<SecurityHeader[]> {
  const probe = Fastify();
  const headers: SecurityHeader[] = [];
  try {
    // Around helmet's own hooks: records each header as helmet sets it, in its order and spelling.
    probe.addHook('onRequest', (_request, reply, done) => {
      const response = reply.raw;
      const setHeader = response.setHeader;
      response.setHeader = function record(name, value) {
        if (typeof value !== 'string')
          throw new Error(`helmet set ${name} to a value that is not one string`);
        headers.push([name, value]);
        return setHeader.call(this, name, value);
      };
      done();
    });
    await probe.register(helmet, options);
    probe.addHook('onRequest', (_request, reply, done) => {
      Reflect.deleteProperty(reply.raw, 'setHeader');
      done();
    });
    probe.get('/', () => '');
    await probe.inject({ method: 'GET', url: '/' });
  } finally {
    await probe.close();
  }
  if (headers.length === 0) throw new Error('helmet set no headers');
  return headers;
}

/**
 * Our CSP, as helmet spells it, with `styleSources` allowed too: the hashes of a page's inline
 * stylesheets (the landing page's, web-app.ts).
 */
export async function policyAllowingStyles(styleSources: string[]): Promise<string> {
  const headers = await helmetHeaders({
    contentSecurityPolicy: {
      directives: { ...DIRECTIVES, 'style-src': [...DIRECTIVES['style-src'], ...styleSources] },
    },
  });
  const policy = headers.find(([name]) => name.toLowerCase() === 'content-security-policy');
  if (!policy) throw new Error('helmet set no Content-Security-Policy');
  return policy[1];
}

/**
 * Sets the security headers on every answer (errors, 404s and files included), as `@fastify/helmet`
 * did, but from a constant: helmet rebuilt its middleware, parsing the CSP again, on every request.
 * Like helmet, they are set on the raw response before routing, so a route may still replace one
 * (the API docs page sends its own CSP).
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  const headers = await helmetHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    const response = reply.raw;
    for (const [name, value] of headers) response.setHeader(name, value);
    // helmet's `xPoweredBy`: nothing in Node sets it, but a proxy or plugin may have.
    response.removeHeader('X-Powered-By');
    done();
  });
}
