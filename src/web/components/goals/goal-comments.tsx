import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { commentBodySchema } from '../../../contract/goals.ts';
import { type GoalSource, useAddComment, useGoalComments } from '../../hooks/use-goals.ts';
import { useCurrentUser } from '../../hooks/use-session.ts';
import { plainApiError } from '../../lib/plain-errors.ts';
import { plainResolver } from '../../lib/plain-resolver.ts';
import { Alert } from '../alert.tsx';
import { Button } from '../button.tsx';
import { DateCell } from '../data-table/cells.tsx';
import { TextAreaField } from '../form-field.tsx';
import { SectionError } from '../page-state.tsx';
import { GoalCard } from './goal-card.tsx';

type Values = { body: string };
const resolver = plainResolver<Values>(z.object({ body: commentBodySchema.shape.body }), {
  body: { name: 'the comment', missing: 'Write a comment first.' },
});

/**
 * The conversation about a goal between the client and their coach, oldest first, and a comment
 * to add. `otherName` names whoever is not the reader ("Your coach", or the client's name).
 */
export function GoalComments({
  source,
  goalId,
  otherName,
}: {
  source: GoalSource;
  goalId: string;
  otherName: string;
}) {
  const comments = useGoalComments(source, goalId);
  const add = useAddComment(source, goalId);
  const me = useCurrentUser();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<Values>({ defaultValues: { body: '' }, resolver });
  const { errors } = form.formState;

  const submit = form.handleSubmit((values) => {
    setProblem(null);
    add.mutate(values.body.trim(), {
      onSuccess: () => form.reset({ body: '' }),
      onError: (error) => setProblem(plainApiError(error)),
    });
  });

  const list = comments.data?.data;
  return (
    <GoalCard title="Comments">
      {comments.isPending ? (
        <div aria-hidden="true" className="mt-4 h-16 animate-pulse rounded bg-surface-muted" />
      ) : comments.isError ? (
        <SectionError onRetry={() => void comments.refetch()}>
          The comments could not be loaded. {plainApiError(comments.error)}
        </SectionError>
      ) : list && list.length > 0 ? (
        <ol aria-label="Comments so far" className="mt-4 space-y-3">
          {list.map((comment) => (
            <li key={comment.id} className="rounded-lg bg-surface-muted/60 px-3 py-2 text-sm">
              <p className="flex flex-wrap items-baseline gap-x-2 text-xs text-muted-foreground">
                <span className="font-medium text-foreground">
                  {comment.authorUserId === me?.id ? 'You' : otherName}
                </span>
                <DateCell iso={comment.createdAt} withTime />
              </p>
              <p className="mt-1 break-words whitespace-pre-line text-foreground">{comment.body}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="mt-3 text-sm text-muted-foreground">No comments yet.</p>
      )}
      <form
        noValidate
        aria-label="Add a comment"
        onSubmit={(event) => void submit(event)}
        className="mt-4 space-y-3"
      >
        {problem && (
          <Alert tone="danger" title="The comment was not added">
            <p>{problem}</p>
          </Alert>
        )}
        <TextAreaField
          label="Comment"
          rows={2}
          {...form.register('body')}
          error={errors.body?.message}
        />
        <Button type="submit" variant="secondary" size="sm" pending={add.isPending}>
          Add comment
        </Button>
      </form>
    </GoalCard>
  );
}
