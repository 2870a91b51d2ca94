import { percent, progressText } from '../../lib/goals.ts';

/**
 * A goal's (or key result's) progress as a bar: a progressbar to assistive technology, named by
 * `label` and read as "40% done". The number stands beside the bar for the eye.
 */
export function GoalProgress({
  progress,
  label,
  className = '',
}: {
  /** 0 to 1. */
  progress: number;
  label: string;
  className?: string;
}) {
  const value = percent(progress);
  return (
    <div className={`flex min-w-28 items-center gap-2 ${className}`}>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={progressText(progress)}
        className="h-2 flex-1 overflow-hidden rounded-full bg-surface-muted"
      >
        <div
          className="h-full rounded-full bg-primary transition-[width] duration-500"
          style={{ width: `${value}%` }}
        />
      </div>
      <span
        aria-hidden="true"
        className="w-9 text-right text-xs text-muted-foreground tabular-nums"
      >
        {value}%
      </span>
    </div>
  );
}
