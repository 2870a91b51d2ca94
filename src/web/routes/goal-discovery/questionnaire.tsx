import { ArrowLeft, ArrowRight, Check } from 'lucide-react';
import { useId, useState } from 'react';
import type { DiscoveryView } from '../../../contract/goal-suggestions.ts';
import { type GoalArea, goalAreas } from '../../../contract/goals.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { TextAreaField } from '../../components/form-field.tsx';
import { GoalProgress } from '../../components/goals/goal-progress.tsx';
import { useCompleteDiscovery, useSaveDiscovery } from '../../hooks/use-goal-suggestions.ts';
import {
  answeredCount,
  DISCOVERY_STEPS,
  type DiscoveryStep,
  resumeStep,
  toggleArea,
} from '../../lib/goal-discovery.ts';
import { GOAL_AREA_LABELS } from '../../lib/goals.ts';
import { plainApiError } from '../../lib/plain-errors.ts';
import { type SaveState, useAutosave } from './use-autosave.ts';

const SAVE_WORDS: Record<SaveState, string> = {
  idle: 'Your answers are saved as you go.',
  saving: 'Saving…',
  saved: 'Saved.',
  failed: 'Not saved yet.',
};

/**
 * The discovery questionnaire, one question at a time, resumed where the client left it. Answers
 * are saved as they are typed; finishing asks for goal suggestions from them (`onFinished`).
 */
export function Questionnaire({
  discovery,
  onFinished,
}: {
  discovery: DiscoveryView;
  onFinished: () => void;
}) {
  const answers = useAutosave(discovery.answers);
  const complete = useCompleteDiscovery();
  const [index, setIndex] = useState(() =>
    discovery.completedAt ? 0 : resumeStep(discovery.answers),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const headingId = useId();
  const step = DISCOVERY_STEPS[index] as DiscoveryStep;
  const last = index === DISCOVERY_STEPS.length - 1;
  const answered = answeredCount(answers.draft);

  async function move(to: number) {
    setProblem(null);
    await answers.flush();
    setIndex(to);
  }

  async function finish() {
    setProblem(null);
    if (answered === 0) {
      setProblem('Answer at least one question first: suggestions are made from your answers.');
      return;
    }
    if (!(await answers.flush())) return;
    complete.mutate(undefined, {
      onSuccess: onFinished,
      onError: (error) => setProblem(plainApiError(error)),
    });
  }

  return (
    <section
      aria-labelledby={headingId}
      className="max-w-2xl rounded-xl border border-border bg-surface p-5 shadow-card"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="text-sm font-medium text-foreground">
          Question {index + 1} of {DISCOVERY_STEPS.length}
        </h2>
        <p role="status" className="text-xs text-muted-foreground">
          {SAVE_WORDS[answers.state]}
        </p>
      </div>
      <GoalProgress
        progress={answered / DISCOVERY_STEPS.length}
        label="Questions answered"
        className="mt-3"
      />
      <form
        noValidate
        aria-label="Discovery questionnaire"
        className="mt-5 space-y-5"
        onSubmit={(event) => {
          event.preventDefault();
          void (last ? finish() : move(index + 1));
        }}
      >
        {step.kind === 'areas' ? (
          <AreasStep
            step={step}
            value={answers.draft.areas ?? []}
            onChange={(areas) => answers.set({ areas })}
          />
        ) : (
          <TextAreaField
            key={step.key}
            label={step.question}
            hint={step.hint}
            rows={5}
            maxLength={4000}
            value={answers.draft[step.key] ?? ''}
            onChange={(event) => answers.set({ [step.key]: event.target.value })}
          />
        )}
        {(problem || answers.problem) && (
          <Alert tone="danger" title={problem ? 'Not finished' : 'Your answer is not saved'}>
            <p>{problem ?? answers.problem}</p>
          </Alert>
        )}
        <div className="flex flex-wrap items-center justify-between gap-2">
          <Button
            variant="secondary"
            size="sm"
            disabled={index === 0}
            onClick={() => void move(index - 1)}
          >
            <ArrowLeft aria-hidden="true" className="size-4" />
            Back
          </Button>
          <div className="flex flex-wrap gap-2">
            {!last && (
              <Button
                variant="ghost"
                size="sm"
                onClick={() => void finish()}
                pending={complete.isPending}
              >
                Finish now
              </Button>
            )}
            <Button type="submit" size="sm" pending={last && complete.isPending}>
              {last ? (
                <>
                  <Check aria-hidden="true" className="size-4" />
                  Finish and suggest goals
                </>
              ) : (
                <>
                  Next
                  <ArrowRight aria-hidden="true" className="size-4" />
                </>
              )}
            </Button>
          </div>
        </div>
      </form>
      <ShareAnswers shared={discovery.sharedWithCoaches} />
    </section>
  );
}

function AreasStep({
  step,
  value,
  onChange,
}: {
  step: DiscoveryStep;
  value: readonly GoalArea[];
  onChange: (areas: GoalArea[]) => void;
}) {
  const hintId = useId();
  return (
    <fieldset aria-describedby={hintId}>
      <legend className="text-sm font-medium text-foreground">{step.question}</legend>
      <p id={hintId} className="mt-1 text-sm text-muted-foreground">
        {step.hint}
      </p>
      <div className="mt-3 grid gap-2 sm:grid-cols-2">
        {goalAreas.map((area) => (
          <CheckboxField
            key={area}
            label={GOAL_AREA_LABELS[area]}
            checked={value.includes(area)}
            onChange={() => onChange(toggleArea(value, area, goalAreas))}
            className="rounded-md border border-border px-3 py-2"
          />
        ))}
      </div>
    </fieldset>
  );
}

/** Whether the client's coaches may read the answers: saved at once. */
function ShareAnswers({ shared }: { shared: boolean }) {
  const save = useSaveDiscovery();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="mt-6 border-t border-border pt-4">
      <CheckboxField
        label="Share my answers with my coaches"
        hint={
          problem ??
          (shared
            ? 'The coaches you work with now can read them.'
            : 'Only you can read them; suggestions are made either way.')
        }
        checked={shared}
        disabled={save.isPending}
        onChange={(event) =>
          save.mutate(
            { answers: {}, sharedWithCoaches: event.target.checked },
            {
              onSuccess: () => setProblem(null),
              onError: (error) => setProblem(`Not saved: ${plainApiError(error)}`),
            },
          )
        }
      />
    </div>
  );
}
