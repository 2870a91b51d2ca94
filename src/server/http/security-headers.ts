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

/** Where Clerk's users' pictures come from. */
const CLERK_IMAGES = 'https://img.clerk.com';

/**
 * The origin of the Frontend API that clerk-js calls: the proxy's when CLERK_PROXY_URL is an
 * absolute URL, none beyond this one when it is a path, else the host a publishable key encodes
 * (`pk_live_` + base64 of `clerk.example.com$`). Undefined when neither says.
 */
export function clerkFrontendApiOrigin(clerk: {
  publishableKey: string | undefined;
  proxyUrl: string | undefined;
}): string | undefined {
  if (clerk.proxyUrl)
    return clerk.proxyUrl.startsWith('/') ? undefined : new URL(clerk.proxyUrl).origin;
  const encoded = clerk.publishableKey?.match(/^pk_(?:test|live)_(.+)$/)?.[1];
  if (!encoded) return undefined;
  const host = Buffer.from(encoded, 'base64').toString('utf8').replace(/\$$/, '');
  return /^[a-z0-9.-]+(:\d+)?$/i.test(host) ? `https://${host}` : undefined;
}

/**
 * Clerk mode (CLERK_SECRET_KEY): Clerk's bundled components style themselves at run time (Emotion
 * inserts `<style>` elements and sets inline styles) and clerk-js keeps its token timers in a
 * worker made from a `blob:` URL, so the pages of the full app allow those two; they also reach
 * Clerk's Frontend API (`frontendApi`, unless it is proxied on this origin) and show Clerk's
 * avatars. Scripts stay our own origin's only. The landing page keeps its own stricter policy
 * (web-app.ts): it never loads Clerk.
 */
export function clerkHelmetOptions(frontendApi: string | undefined): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: {
      directives: {
        ...DIRECTIVES,
        'style-src': ["'self'", "'unsafe-inline'"],
        'worker-src': ["'self'", 'blob:'],
        'connect-src': ["'self'", ...(frontendApi ? [frontendApi] : [])],
        'img-src': ["'self'", 'data:', CLERK_IMAGES],
      },
    },
  };
}

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
export async function registerSecurityHeaders(
  app: FastifyInstance,
  options: { clerk?: { frontendApi: string | undefined } } = {},
): Promise<void> {
  const headers = await helmetHeaders(
    options.clerk ? clerkHelmetOptions(options.clerk.frontendApi) : HELMET_OPTIONS,
  );
  app.addHook('onRequest', (_request, reply, done) => {
    const response = reply.raw;
    for (const [name, value] of headers) response.setHeader(name, value);
    // helmet's `xPoweredBy`: nothing in Node sets it, but a proxy or plugin may have.
    response.removeHeader('X-Powered-By');
    done();
  });
}
