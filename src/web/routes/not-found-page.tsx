import { Link, useLocation } from 'react-router';
import { PageContainer } from '../components/page-container.tsx';
import { useCurrentUser } from '../hooks/use-session.ts';
import { ROLE_AREAS } from '../lib/roles.ts';

export function NotFoundPage() {
  const { pathname } = useLocation();
  // A signed-in person's home is their own area.
  const user = useCurrentUser();
  const home = user ? ROLE_AREAS[user.role].path : '/';
  return (
    <PageContainer>
      <title>Page not found · Arete</title>
      <section aria-labelledby="not-found-title" className="py-16 sm:py-24">
        <p className="font-mono text-sm text-muted-foreground">404</p>
        <h1
          id="not-found-title"
          className="mt-2 font-display text-4xl font-semibold text-foreground sm:text-5xl"
        >
          Page not found
        </h1>
        <p className="mt-4 max-w-xl text-lg text-muted-foreground">
          There is no page at{' '}
          <code className="font-mono text-base text-foreground">{pathname}</code>. It may have
          moved, or the link may be mistyped.
        </p>
        <Link
          to={home}
          className="mt-8 inline-flex rounded-lg bg-primary px-5 py-3 font-medium text-primary-foreground hover:opacity-90"
        >
          Back to the home page
        </Link>
      </section>
    </PageContainer>
  );
}
