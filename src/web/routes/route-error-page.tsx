// Shown instead of the whole layout when rendering a page throws, so it stands on its own.
export function RouteErrorPage() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center px-4 py-16">
      <title>Something went wrong · Arete</title>
      <h1 className="font-display text-4xl font-semibold text-foreground">Something went wrong</h1>
      <p className="mt-4 text-lg text-muted-foreground">
        This page could not be shown. Reload it, or go back to the home page.
      </p>
      {/* A full page load, in case the app itself is what broke. */}
      <a
        href="/"
        className="mt-8 inline-flex self-start rounded-lg bg-primary px-5 py-3 font-medium text-primary-foreground hover:opacity-90"
      >
        Back to the home page
      </a>
    </main>
  );
}
