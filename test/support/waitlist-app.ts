import { type Config, testConfig } from '../../src/server/config.ts';
import { createTestApp } from './app.ts';
import { bearer, signUpAndVerify, uniqueEmail } from './identity.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * The app in SIGNUP_MODE=waitlist (unless `overrides` say otherwise) with a verified admin (from
 * ADMIN_EMAILS) to act as.
 */
export async function createWaitlistTestApp(overrides: Partial<Config> = {}) {
  const adminEmail = uniqueEmail('admin');
  const config = testConfig({ signUpMode: 'waitlist', adminEmails: [adminEmail], ...overrides });
  const app = await createTestApp(config);
  const admin = await signUpAndVerify(app, { email: adminEmail });
  /**
   * An admin request; then the jobs it queued (invitations, revocations) run before the answer is
   * looked at, as they do moments later in a running server. A stopped runner runs nothing.
   */
  const asAdmin = async (
    method: Method,
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await app.inject({
      method,
      url,
      headers: { ...bearer(admin.token), ...headers },
      ...(payload === undefined ? {} : { payload: payload as string }),
    });
    await app.jobs.drain();
    return response;
  };
  return { app, admin, adminEmail, asAdmin, config };
}
