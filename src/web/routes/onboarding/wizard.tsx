import { Check } from 'lucide-react';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { Button } from '../../components/button.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import type { FormProblem } from '../../lib/auth-errors.ts';

export type WizardStep = { title: string; description: string; content: ReactNode };

/**
 * Where a wizard over one form stands. `next` moves on only when the step's fields are right;
 * `backToFirstWrong`, for the form's invalid-submit callback, goes back to the first step holding
 * a field that is wrong now (it was right when that step was left).
 */
export function useWizardSteps<Values extends FieldValues>(
  form: UseFormReturn<Values>,
  stepFields: Path<Values>[][],
  onNext: () => void,
) {
  const [step, setStep] = useState(0);
  return {
    step,
    back: () => setStep((current) => Math.max(0, current - 1)),
    next: async () => {
      if (await form.trigger(stepFields[step] ?? [], { shouldFocus: true })) {
        onNext();
        setStep((current) => current + 1);
      }
    },
    backToFirstWrong: () => {
      const firstWrong = stepFields.findIndex((fields) =>
        fields.some((field) => form.getFieldState(field).invalid),
      );
      if (firstWrong >= 0 && firstWrong !== step) setStep(firstWrong);
    },
  };
}

/**
 * A few short steps of one form: where you are (a list of the steps), the step's fields, Back and
 * Next, and on the last step the button that sends it all. Each step's heading takes the focus when
 * it appears, so the keyboard and screen readers go on from there.
 */
export function Wizard({
  label,
  steps,
  current,
  onBack,
  onNext,
  onSubmit,
  submitLabel,
  pending,
  problem,
  aside,
}: {
  label: string;
  steps: WizardStep[];
  current: number;
  onBack: () => void;
  /** Checks the step's fields and moves on when they are right. */
  onNext: () => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  submitLabel: string;
  pending: boolean;
  problem: FormProblem | null;
  aside?: ReactNode;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    // Not on the first step's first showing: the page's own heading comes first.
    if (!moved.current && current === 0) return;
    moved.current = true;
    headingRef.current?.focus();
  }, [current]);

  const step = steps[current];
  if (!step) return null;
  const last = current === steps.length - 1;

  return (
    <div className="grid gap-5 lg:grid-cols-[14rem_1fr]">
      <nav aria-label="Steps" className="min-w-0">
        <ol className="flex flex-wrap gap-2 lg:flex-col lg:gap-1">
          {steps.map((item, index) => {
            const done = index < current;
            const here = index === current;
            return (
              <li
                key={item.title}
                aria-current={here ? 'step' : undefined}
                className={`flex items-center gap-2 rounded-md py-1 text-sm lg:px-2 ${
                  here ? 'font-medium text-foreground' : 'text-muted-foreground'
                }`}
              >
                <span
                  aria-hidden="true"
                  className={`flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-medium tabular-nums ${
                    here
                      ? 'bg-primary text-primary-foreground'
                      : done
                        ? 'bg-primary-soft text-primary'
                        : 'bg-surface-muted text-muted-foreground'
                  }`}
                >
                  {done ? <Check className="size-3.5" /> : index + 1}
                </span>
                <span className={here ? '' : 'sr-only lg:not-sr-only'}>
                  {item.title}
                  {done && <span className="sr-only"> (done)</span>}
                </span>
              </li>
            );
          })}
        </ol>
      </nav>
      <div className="min-w-0 space-y-5">
        <form
          noValidate
          aria-label={label}
          onSubmit={(event) => {
            if (last) onSubmit(event);
            else {
              event.preventDefault();
              onNext();
            }
          }}
          className="space-y-5 rounded-xl border border-border bg-surface p-5 shadow-card"
        >
          <div>
            <p className="text-xs font-medium text-muted-foreground">
              Step {current + 1} of {steps.length}
            </p>
            <h2
              ref={headingRef}
              tabIndex={-1}
              className="mt-1 text-lg font-semibold tracking-tight text-foreground outline-none"
            >
              {step.title}
            </h2>
            <p className="mt-1 text-sm text-muted-foreground">{step.description}</p>
          </div>
          <ProblemAlert problem={problem} />
          <div className="space-y-4">{step.content}</div>
          <div className="flex flex-wrap items-center justify-between gap-3 border-t border-border pt-4">
            {current > 0 ? (
              <Button variant="secondary" size="sm" onClick={onBack} disabled={pending}>
                Back
              </Button>
            ) : (
              <span />
            )}
            <Button
              type="submit"
              size="sm"
              pending={pending}
              pendingLabel={last ? 'Creating…' : undefined}
            >
              {last ? submitLabel : 'Next'}
            </Button>
          </div>
        </form>
        {aside}
      </div>
    </div>
  );
}
