import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout, PublicPages, WORKSPACE_HANDLE } from './components/app-layout.tsx';
import { MAIN_CONTENT_ID } from './components/main-content.ts';
import { LandingPage } from './routes/landing-page.tsx';
import { RouteErrorPage } from './routes/route-error-page.tsx';

/*
 * Every page but the landing page is a lazy route: its code is fetched when it is first opened, so
 * a visitor's first page carries only its own code (scripts/check-size.ts holds it to a budget).
 */

/** Shown while a public page's code loads on a first visit (the header and footer are there). */
function PageLoading() {
  return (
    <div className="mx-auto w-full max-w-md px-4 py-16">
      <p role="status" className="text-muted-foreground">
        Loading…
      </p>
    </div>
  );
}

/** The same for a signed-in area, before the app shell's own code is there. */
function WorkspaceLoading() {
  return (
    <main id={MAIN_CONTENT_ID} tabIndex={-1} className="flex-1 px-4 py-16 outline-none sm:px-6">
      <p role="status" className="text-muted-foreground">
        Loading…
      </p>
    </main>
  );
}

/** A route whose component is loaded when the route is first matched. */
function lazyPage(load: () => Promise<ComponentType>): Pick<RouteObject, 'lazy'> {
  return { lazy: async () => ({ Component: await load() }) };
}

/** A public page: lazy, with a placeholder for a first visit straight to it. */
function publicPage(load: () => Promise<ComponentType>): RouteObject {
  return { HydrateFallback: PageLoading, ...lazyPage(load) };
}

type Guard = keyof typeof import('./components/app-shell/guards.tsx');

/** Lets in only the roles of an area (see RoleGuard); loaded with the area. */
function guarded(guard: Guard): Pick<RouteObject, 'lazy'> {
  return {
    lazy: async () => ({ Component: (await import('./components/app-shell/guards.tsx'))[guard] }),
  };
}

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <PublicPages />,
        children: [
          { index: true, element: <LandingPage /> },
          // `/sign-in` and `/sign-up`; in Clerk mode also the steps of Clerk's own under them (path routing).
          {
            path: 'sign-in/*',
            ...publicPage(async () => (await import('./routes/sign-in-page.tsx')).SignInPage),
          },
          {
            path: 'sign-up/*',
            ...publicPage(async () => (await import('./routes/sign-up-page.tsx')).SignUpPage),
          },
          {
            path: 'signing-in',
            ...publicPage(async () => (await import('./routes/signing-in-page.tsx')).SigningInPage),
          },
          {
            path: 'check-your-email',
            ...publicPage(
              async () => (await import('./routes/check-your-email-page.tsx')).CheckYourEmailPage,
            ),
          },
          {
            path: 'forgot-password',
            ...publicPage(
              async () => (await import('./routes/forgot-password-page.tsx')).ForgotPasswordPage,
            ),
          },
          {
            path: 'set-password',
            ...publicPage(
              async () => (await import('./routes/set-password-page.tsx')).SetPasswordPage,
            ),
          },
          {
            path: 'waitlist/coach',
            ...publicPage(
              async () => (await import('./routes/waitlist-pages.tsx')).WaitlistCoachPage,
            ),
          },
          {
            path: 'waitlist/client',
            ...publicPage(
              async () => (await import('./routes/waitlist-pages.tsx')).WaitlistClientPage,
            ),
          },
          {
            path: 'waitlist/success',
            ...publicPage(
              async () => (await import('./routes/waitlist-pages.tsx')).WaitlistSuccessPage,
            ),
          },
          // Where an organization invitation's mail leads: sign in or up, then accept or decline.
          {
            path: 'invitations/:invitationId',
            ...publicPage(
              async () => (await import('./routes/invitation-page.tsx')).InvitationPage,
            ),
          },
          // The server answers every unknown page URL with index.html, so "not found" is decided here.
          {
            path: '*',
            ...publicPage(async () => (await import('./routes/not-found-page.tsx')).NotFoundPage),
          },
        ],
      },
      // The signed-in areas, inside the app shell (its sidebar lists the area's pages).
      {
        handle: WORKSPACE_HANDLE,
        HydrateFallback: WorkspaceLoading,
        lazy: async () => ({
          Component: (await import('./components/app-shell/app-shell.tsx')).AppShell,
        }),
        children: [
          // Any signed-in user, `pending` included.
          {
            ...guarded('SignedInGuard'),
            children: [
              {
                path: 'account',
                ...lazyPage(async () => (await import('./routes/account-page.tsx')).AccountPage),
              },
              {
                path: 'pending',
                ...lazyPage(async () => (await import('./routes/pending-page.tsx')).PendingPage),
              },
              // Membership is the server's to check: anyone it lets in sees an organization.
              {
                path: 'organizations',
                ...lazyPage(
                  async () => (await import('./routes/organizations-page.tsx')).OrganizationsPage,
                ),
              },
              {
                path: 'organizations/:identityOrgId',
                ...lazyPage(
                  async () => (await import('./routes/organization-page.tsx')).OrganizationPage,
                ),
              },
              // Listed coaches: any signed-in user may look; only clients are offered to ask one.
              {
                path: 'coaches',
                ...lazyPage(
                  async () =>
                    (await import('./routes/coach-directory-page.tsx')).CoachDirectoryPage,
                ),
              },
            ],
          },
          // Admins, coaches and clients have a profile (a `pending` user is sent to /pending).
          {
            path: 'profile',
            ...guarded('ProfileGuard'),
            children: [
              {
                index: true,
                ...lazyPage(async () => (await import('./routes/profile-page.tsx')).ProfilePage),
              },
            ],
          },
          {
            path: 'admin',
            ...guarded('AdminGuard'),
            children: [
              {
                index: true,
                ...lazyPage(
                  async () => (await import('./routes/admin-home-page.tsx')).AdminHomePage,
                ),
              },
              {
                path: 'users',
                ...lazyPage(
                  async () => (await import('./routes/admin-users-page.tsx')).AdminUsersPage,
                ),
              },
              {
                path: 'waitlist',
                ...lazyPage(
                  async () => (await import('./routes/admin-waitlist-page.tsx')).AdminWaitlistPage,
                ),
              },
              {
                path: 'approved-users',
                ...lazyPage(
                  async () =>
                    (await import('./routes/admin-approved-users-page.tsx')).AdminApprovedUsersPage,
                ),
              },
              {
                path: 'audit-log',
                ...lazyPage(
                  async () => (await import('./routes/admin-audit-log-page.tsx')).AdminAuditLogPage,
                ),
              },
              {
                path: 'outbox',
                ...lazyPage(
                  async () => (await import('./routes/admin-outbox-page.tsx')).AdminOutboxPage,
                ),
              },
              {
                path: 'status',
                ...lazyPage(
                  async () => (await import('./routes/admin-status-page.tsx')).AdminStatusPage,
                ),
              },
              {
                path: 'coaching-interest',
                ...lazyPage(
                  async () =>
                    (await import('./routes/admin-coaching-interest-page.tsx'))
                      .AdminCoachingInterestPage,
                ),
              },
              {
                path: 'coaching-interest/:id',
                ...lazyPage(
                  async () =>
                    (await import('./routes/admin-coaching-interest-detail-page.tsx'))
                      .AdminCoachingInterestDetailPage,
                ),
              },
            ],
          },
          // Everyone's own documents (admins, coaches, clients; most of all clients).
          {
            path: 'documents',
            ...guarded('DocumentsGuard'),
            children: [
              {
                index: true,
                ...lazyPage(
                  async () => (await import('./routes/documents-page.tsx')).DocumentsPage,
                ),
              },
              {
                path: ':id',
                ...lazyPage(
                  async () =>
                    (await import('./routes/document-detail-page.tsx')).DocumentDetailPage,
                ),
              },
            ],
          },
          // A client's goals: the list, the discovery questionnaire and suggestions, one goal.
          {
            path: 'goals',
            ...guarded('GoalsGuard'),
            children: [
              {
                index: true,
                ...lazyPage(async () => (await import('./routes/goals-page.tsx')).GoalsPage),
              },
              {
                path: 'discovery',
                ...lazyPage(
                  async () => (await import('./routes/goal-discovery-page.tsx')).GoalDiscoveryPage,
                ),
              },
              {
                path: ':id',
                ...lazyPage(
                  async () => (await import('./routes/goal-detail-page.tsx')).GoalDetailPage,
                ),
              },
            ],
          },
          // The welcome guide after the first sign-in; a `pending` user is sent to /pending instead.
          {
            path: 'onboarding',
            ...guarded('GuideGuard'),
            children: [
              {
                index: true,
                ...lazyPage(
                  async () => (await import('./routes/onboarding-page.tsx')).OnboardingPage,
                ),
              },
            ],
          },
          {
            path: 'coach',
            ...guarded('CoachGuard'),
            children: [
              {
                index: true,
                ...lazyPage(
                  async () => (await import('./routes/area-home-pages.tsx')).CoachHomePage,
                ),
              },
              {
                path: 'clients',
                ...lazyPage(
                  async () => (await import('./routes/coach-clients-page.tsx')).CoachClientsPage,
                ),
              },
              // A client's shared documents: the server answers only while coaching is active.
              {
                path: 'clients/:relationshipId/documents',
                ...lazyPage(
                  async () =>
                    (await import('./routes/client-documents-page.tsx')).ClientDocumentsPage,
                ),
              },
              // A client's shared goals: the server answers only while coaching is active.
              {
                path: 'clients/:relationshipId/goals',
                ...lazyPage(
                  async () => (await import('./routes/client-goals-page.tsx')).ClientGoalsPage,
                ),
              },
              {
                path: 'clients/:relationshipId/goals/:goalId',
                ...lazyPage(
                  async () => (await import('./routes/client-goal-page.tsx')).ClientGoalPage,
                ),
              },
              {
                path: 'clients/:relationshipId/documents/:documentId',
                ...lazyPage(
                  async () =>
                    (await import('./routes/client-document-page.tsx')).ClientDocumentPage,
                ),
              },
            ],
          },
          {
            path: 'member',
            ...guarded('MemberGuard'),
            children: [
              {
                index: true,
                ...lazyPage(
                  async () => (await import('./routes/area-home-pages.tsx')).MemberHomePage,
                ),
              },
              {
                path: 'coaching',
                ...lazyPage(
                  async () =>
                    (await import('./routes/member-coaching-page.tsx')).MemberCoachingPage,
                ),
              },
            ],
          },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
