import { useId } from 'react';
import { Alert } from './alert.tsx';
import { DismissButton } from './page-state.tsx';

type SettingSwitchProps = {
  on: boolean;
  label: string;
  /** Says what the current state means, so it follows the switch. */
  hint: string;
  saving: boolean;
  saved: boolean;
  onToggle(): void;
  /** Why the last change was not saved, shown beside the switch until dismissed. */
  problem: string | null;
  onDismissProblem(): void;
  className?: string;
};

/**
 * A setting that saves as soon as it is switched (session sharing, a goal's or a document's
 * visibility): one look and one reading for assistive technology everywhere.
 */
export function SettingSwitch(props: SettingSwitchProps) {
  const { on, saving } = props;
  const labelId = useId();
  const hintId = useId();
  return (
    <div className={props.className}>
      <div className="flex items-start gap-3">
        <button
          type="button"
          role="switch"
          aria-checked={on}
          aria-labelledby={labelId}
          aria-describedby={hintId}
          aria-disabled={saving || undefined}
          onClick={() => {
            // One change at a time: a second click while one is saving would race its answer.
            if (!saving) props.onToggle();
          }}
          className={`relative mt-0.5 inline-flex h-6 w-11 shrink-0 items-center rounded-full border transition-colors aria-disabled:opacity-60 ${
            on ? 'border-primary bg-primary' : 'border-border bg-surface-muted'
          }`}
        >
          <span
            aria-hidden="true"
            className={`inline-block size-4 rounded-full bg-surface shadow-card transition-transform ${
              on ? 'translate-x-6' : 'translate-x-1'
            }`}
          />
        </button>
        <div className="min-w-0">
          <p id={labelId} className="text-sm font-medium text-foreground">
            {props.label}
          </p>
          <p id={hintId} className="mt-0.5 text-sm text-muted-foreground">
            {props.hint}
          </p>
          <p role="status" className="mt-0.5 text-xs text-muted-foreground">
            {saving ? 'Saving…' : props.saved ? 'Saved.' : ''}
          </p>
        </div>
      </div>
      {props.problem && (
        <Alert tone="danger" title="Not saved" className="mt-3">
          <p>{props.problem}</p>
          <DismissButton onClick={props.onDismissProblem} />
        </Alert>
      )}
    </div>
  );
}
