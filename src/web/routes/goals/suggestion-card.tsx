import { Quote } from 'lucide-react';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import type { AcceptSuggestionBody, SuggestionView } from '../../../contract/goal-suggestions.ts';
import { Button } from '../../components/button.tsx';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { FormDialog } from '../../components/form-dialog.tsx';
import { GoalDraft } from '../../components/goals/goal-draft.tsx';
import { GoalFormFields } from '../../components/goals/goal-form-fields.tsx';
import { linkClass } from '../../components/link-classes.ts';
import { useToast } from '../../components/toast.tsx';
import { useAcceptSuggestion, useDismissSuggestion } from '../../hooks/use-goal-suggestions.ts';
import { ApiRequestError } from '../../lib/api-client.ts';
import { sourceLabel } from '../../lib/goal-discovery.ts';
import {
  checkGoalForm,
  type GoalFormValues,
  goalFormFromSuggestion,
  goalFormResolver,
  suggestionEdits,
} from '../../lib/goal-form.ts';
import { GOAL_AREA_LABELS } from '../../lib/goals.ts';
import { plainApiError } from '../../lib/plain-errors.ts';

const resolver = goalFormResolver();

/** Acting on a suggestion decided meanwhile (in another tab) answers 409: said plainly. */
function plainSuggestionError(error: Error): string {
  if (error instanceof ApiRequestError && error.status === 409)
    return 'This suggestion was already accepted or dismissed. The list shows what is left.';
  return plainApiError(error);
}

/**
 * One suggestion of the queue: the goal it drafts, why it is suggested, and the client's own
 * words it comes from (each quote says from where); then accept it, edit then accept it, or
 * dismiss it (it is not suggested again).
 */
export function SuggestionCard({ suggestion }: { suggestion: SuggestionView }) {
  const accept = useAcceptSuggestion();
  const dismiss = useDismissSuggestion();
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const titleId = useId();

  // `mutateAsync`, not `mutate`'s callbacks: the queue may read itself again without this card
  // before the answer arrives, and `mutate`'s callbacks are dropped with the card, toast and all.
  function send(body: AcceptSuggestionBody, onDone?: () => void) {
    setProblem(null);
    accept.mutateAsync({ id: suggestion.id, body }).then(
      ({ goal }) => {
        onDone?.();
        toast({
          tone: 'success',
          title: `“${goal.title}” is added to your goals`,
          description: 'Start it when you are ready; check in as you go.',
        });
      },
      (error: Error) => setProblem(plainSuggestionError(error)),
    );
  }

  return (
    <article
      aria-labelledby={titleId}
      className="flex h-full flex-col gap-3 rounded-xl border border-border bg-surface p-5 shadow-card"
    >
      <div>
        <h3 id={titleId} className="font-medium break-words text-foreground">
          {suggestion.title}
        </h3>
        <p className="text-xs text-muted-foreground">{GOAL_AREA_LABELS[suggestion.area]}</p>
      </div>
      <GoalDraft
        description={suggestion.description}
        keyResults={suggestion.keyResults}
        milestones={suggestion.milestones}
      />
      <div className="rounded-lg bg-surface-muted/60 p-3 text-sm">
        <p className="font-medium text-foreground">Why this goal</p>
        <p className="mt-1 break-words text-muted-foreground">{suggestion.reasoning}</p>
        {suggestion.sources.length > 0 && (
          <ul aria-label="Where it comes from" className="mt-2 space-y-2">
            {suggestion.sources.map((source) => (
              <li key={`${source.kind}-${source.start}-${source.end}-${source.excerpt}`}>
                <figure>
                  <blockquote className="flex gap-2 break-words text-foreground">
                    <Quote aria-hidden="true" className="mt-0.5 size-3.5 shrink-0 text-primary" />
                    <span>{source.excerpt}</span>
                  </blockquote>
                  <figcaption className="mt-0.5 pl-5.5 text-xs text-muted-foreground">
                    {source.kind === 'document' ? (
                      <Link
                        to={`/documents/${encodeURIComponent(source.documentId)}`}
                        className={linkClass}
                      >
                        {sourceLabel(source)}
                      </Link>
                    ) : (
                      sourceLabel(source)
                    )}
                  </figcaption>
                </figure>
              </li>
            ))}
          </ul>
        )}
      </div>
      {problem && !editing && (
        <p role="alert" className="text-sm font-medium text-danger">
          {problem}
        </p>
      )}
      <div className="mt-auto flex flex-wrap gap-2 pt-1">
        <Button
          size="sm"
          pending={accept.isPending && !editing}
          aria-label={`Accept ${suggestion.title}`}
          onClick={() => send({})}
        >
          Accept
        </Button>
        <Button
          size="sm"
          variant="secondary"
          aria-label={`Edit then accept ${suggestion.title}`}
          onClick={() => {
            setProblem(null);
            setEditing(true);
          }}
        >
          Edit then accept
        </Button>
        <Button
          size="sm"
          variant="ghost"
          pending={dismiss.isPending}
          aria-label={`Dismiss ${suggestion.title}`}
          onClick={() =>
            dismiss.mutateAsync(suggestion.id).then(
              () => toast({ tone: 'info', title: `“${suggestion.title}” is dismissed` }),
              (error: Error) => setProblem(plainSuggestionError(error)),
            )
          }
        >
          Dismiss
        </Button>
      </div>
      {editing && (
        <EditSuggestion
          suggestion={suggestion}
          pending={accept.isPending}
          problem={problem}
          onAccept={(body) => send(body, () => setEditing(false))}
          onCancel={() => setEditing(false)}
        />
      )}
    </article>
  );
}

function EditSuggestion({
  suggestion,
  pending,
  problem,
  onAccept,
  onCancel,
}: {
  suggestion: SuggestionView;
  pending: boolean;
  problem: string | null;
  onAccept: (body: AcceptSuggestionBody) => void;
  onCancel: () => void;
}) {
  const [share, setShare] = useState(false);
  const form = useForm<GoalFormValues>({
    defaultValues: goalFormFromSuggestion(suggestion),
    resolver,
  });
  const submit = form.handleSubmit((values) => {
    const fields = checkGoalForm(values).fields;
    if (!fields) return;
    const edits = suggestionEdits(suggestion, fields, share ? 'shared' : undefined);
    onAccept(Object.keys(edits).length > 0 ? { edits } : {});
  });
  return (
    <FormDialog
      open
      title="Edit then accept"
      description={<p>Change what does not fit you; the goal is made as you leave it.</p>}
      formLabel="Edit the suggestion"
      confirmLabel="Accept goal"
      pending={pending}
      problem={problem}
      problemTitle="The goal was not added"
      onSubmit={submit}
      onCancel={onCancel}
    >
      <GoalFormFields form={form} />
      <CheckboxField
        label="Share with my coaches"
        hint="Left unticked, your session settings decide."
        checked={share}
        onChange={(event) => setShare(event.target.checked)}
      />
    </FormDialog>
  );
}
