import { SystemStatus } from './system-status.tsx';

export function SiteFooter() {
  return (
    <footer className="border-t border-border bg-surface">
      <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-6 text-sm text-muted-foreground sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>
          <span className="font-display font-semibold text-foreground">Arete</span> · a coaching
          platform
        </p>
        <SystemStatus />
      </div>
    </footer>
  );
}
