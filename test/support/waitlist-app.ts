import { createTestApp } from './app.ts';
import { bearer, signUpAndVerify, uniqueEmail } from './identity.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** The app in SIGNUP_MODE=waitlist with a verified admin (from ADMIN_EMAILS) to act as. */
export async function createWaitlistTestApp() {
  const adminEmail = uniqueEmail('admin');
  const app = await createTestApp({ signUpMode: 'waitlist', adminEmails: [adminEmail] });
  const admin = await signUpAndVerify(app, { email: adminEmail });
  const asAdmin = (
    method: Method,
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    app.inject({
      method,
      url,
      headers: { ...bearer(admin.token), ...headers },
      ...(payload === undefined ? {} : { payload: payload as string }),
    });
  return { app, admin, adminEmail, asAdmin };
}
