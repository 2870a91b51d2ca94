import type { ServerReadiness } from '../hooks/use-readiness.ts';
import { type ReadinessTone, summarizeReadiness } from '../lib/readiness-summary.ts';

// Full class names, so that Tailwind finds them in the source.
const toneClasses: Record<ReadinessTone, { text: string; dot: string }> = {
  pending: { text: 'text-muted-foreground', dot: 'bg-muted-foreground' },
  ready: { text: 'text-success', dot: 'bg-success' },
  starting: { text: 'text-warning', dot: 'bg-warning motion-safe:animate-pulse' },
  down: { text: 'text-danger', dot: 'bg-danger' },
};

/** One line: ready or not, and the database with its migrations (`pglite · migrations 7/7`). */
export function SystemStatus({
  readiness,
  failed,
}: {
  readiness: ServerReadiness | undefined;
  failed: boolean;
}) {
  const summary = summarizeReadiness(readiness, failed);
  const tone = toneClasses[summary.tone];

  return (
    <p
      role="status"
      aria-live="polite"
      aria-label="System status"
      className="flex flex-wrap items-center gap-x-2 gap-y-1"
    >
      <span aria-hidden="true" className={`size-2.5 shrink-0 rounded-full ${tone.dot}`} />
      <span className={`font-medium ${tone.text}`}>{summary.label}</span>
      {summary.detail && (
        <span className="font-mono text-xs text-muted-foreground">{summary.detail}</span>
      )}
    </p>
  );
}
