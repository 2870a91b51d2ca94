import type { WebAuth } from './web-auth.ts';

/**
 * A `WebAuth` for before the deployment's configuration is known (which provider): every call
 * waits for `load`, then goes to what it gave. A failed `load` is tried again on the next call.
 */
export function deferredWebAuth(load: () => Promise<WebAuth>): WebAuth {
  let found: WebAuth | null = null;
  let loading: Promise<WebAuth> | null = null;

  function resolve(): Promise<WebAuth> {
    if (found) return Promise.resolve(found);
    loading ??= load().then(
      (auth) => {
        found = auth;
        return auth;
      },
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  }

  return {
    get provider() {
      return found?.provider ?? 'local';
    },
    getToken: async (options) => (await resolve()).getToken(options),
    // Nothing can be held before the provider is known.
    forgetToken: () => found?.forgetToken(),
    switchOrganization: async (organizationId) =>
      (await resolve()).switchOrganization(organizationId),
    signOut: async () => (await resolve()).signOut(),
  };
}
