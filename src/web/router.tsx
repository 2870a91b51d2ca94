import { createBrowserRouter } from 'react-router';
import { AppLayout } from './components/app-layout.tsx';
import { LoadingState } from './components/page-state.tsx';
import { RoleGuard } from './components/role-guard.tsx';
import { ALL_ROLES } from './lib/roles.ts';
import { AccountPage } from './routes/account-page.tsx';
import { AdminApprovedUsersPage } from './routes/admin-approved-users-page.tsx';
import { AdminAuditLogPage } from './routes/admin-audit-log-page.tsx';
import { AdminOutboxPage } from './routes/admin-outbox-page.tsx';
import { AdminUsersPage } from './routes/admin-users-page.tsx';
import { AdminWaitlistPage } from './routes/admin-waitlist-page.tsx';
import { AdminHomePage, CoachHomePage, MemberHomePage } from './routes/area-home-pages.tsx';
import { CheckYourEmailPage } from './routes/check-your-email-page.tsx';
import { LandingPage } from './routes/landing-page.tsx';
import { NotFoundPage } from './routes/not-found-page.tsx';
import { OnboardingPage } from './routes/onboarding-page.tsx';
import { PendingPage } from './routes/pending-page.tsx';
import { RouteErrorPage } from './routes/route-error-page.tsx';
import { SignInPage } from './routes/sign-in-page.tsx';
import { SignUpPage } from './routes/sign-up-page.tsx';
import {
  WaitlistClientPage,
  WaitlistCoachPage,
  WaitlistSuccessPage,
} from './routes/waitlist-pages.tsx';

/** Shown while a lazy page's code loads on a first visit (the header and footer are there). */
function PageLoading() {
  return (
    <div className="mx-auto w-full max-w-md px-4">
      <LoadingState label="Loading…" />
    </div>
  );
}

export const router = createBrowserRouter([
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <LandingPage /> },
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'sign-up', element: <SignUpPage /> },
      { path: 'check-your-email', element: <CheckYourEmailPage /> },
      // Reached from mail and from the sign-in page only: their code loads when they are opened.
      {
        path: 'forgot-password',
        HydrateFallback: PageLoading,
        lazy: async () => ({
          Component: (await import('./routes/forgot-password-page.tsx')).ForgotPasswordPage,
        }),
      },
      {
        path: 'set-password',
        HydrateFallback: PageLoading,
        lazy: async () => ({
          Component: (await import('./routes/set-password-page.tsx')).SetPasswordPage,
        }),
      },
      { path: 'waitlist/coach', element: <WaitlistCoachPage /> },
      { path: 'waitlist/client', element: <WaitlistClientPage /> },
      { path: 'waitlist/success', element: <WaitlistSuccessPage /> },
      // Any signed-in user, `pending` included.
      {
        element: <RoleGuard requiredRoles={ALL_ROLES} />,
        children: [
          { path: 'account', element: <AccountPage /> },
          { path: 'pending', element: <PendingPage /> },
        ],
      },
      {
        path: 'admin',
        element: <RoleGuard requiredRoles={['admin']} />,
        children: [
          { index: true, element: <AdminHomePage /> },
          { path: 'users', element: <AdminUsersPage /> },
          { path: 'waitlist', element: <AdminWaitlistPage /> },
          { path: 'approved-users', element: <AdminApprovedUsersPage /> },
          { path: 'audit-log', element: <AdminAuditLogPage /> },
          { path: 'outbox', element: <AdminOutboxPage /> },
        ],
      },
      // The welcome guide after the first sign-in; a `pending` user is sent to /pending instead.
      {
        path: 'onboarding',
        element: <RoleGuard requiredRoles={['coach', 'client']} />,
        children: [{ index: true, element: <OnboardingPage /> }],
      },
      {
        path: 'coach',
        element: <RoleGuard requiredRoles={['coach']} />,
        children: [{ index: true, element: <CoachHomePage /> }],
      },
      {
        path: 'member',
        element: <RoleGuard requiredRoles={['client']} />,
        children: [{ index: true, element: <MemberHomePage /> }],
      },
      // The server answers every unknown page URL with index.html, so "not found" is decided here.
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
