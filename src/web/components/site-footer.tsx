/** The foot of every page. Internals (the database, migrations) are on the admin status page. */
export function SiteFooter({ wide = false }: { wide?: boolean }) {
  return (
    <footer className="border-t border-border bg-surface">
      <div
        className={`flex flex-col gap-3 px-4 py-6 text-sm text-muted-foreground sm:flex-row sm:items-center sm:justify-between sm:px-6 ${wide ? '' : 'mx-auto max-w-6xl'}`}
      >
        <p>
          <span className="font-display font-semibold text-foreground">Arete</span> · a coaching
          platform
        </p>
        <nav aria-label="Footer">
          <ul className="flex gap-4">
            <li>
              {/* A plain link: the API docs are served by the server, not by this app. */}
              <a
                href="/api/docs/"
                className="font-medium text-primary underline-offset-4 hover:underline"
              >
                API docs
              </a>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
