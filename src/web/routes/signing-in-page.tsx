import { Navigate } from 'react-router';
import { localIdentityPage } from '../components/local-identity-page.tsx';

/** The embedded provider signs in on its own page and never comes here. */
function ToSignIn() {
  return <Navigate to="/sign-in" replace />;
}

/** Where Clerk's sign-in and sign-up lead (clerk-paths.ts): the user is read, then on to their area. */
export const SigningInPage = localIdentityPage(
  'Signing in',
  ToSignIn,
  async () => (await import('../auth/clerk-pages.tsx')).ClerkContinuePage,
);
