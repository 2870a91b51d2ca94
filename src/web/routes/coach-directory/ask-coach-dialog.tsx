import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { connectionRequestBodySchema, type ListedCoach } from '../../../contract/relationships.ts';
import { FormDialog } from '../../components/form-dialog.tsx';
import { TextAreaField } from '../../components/form-field.tsx';
import { useToast } from '../../components/toast.tsx';
import { useRequestCoach } from '../../hooks/use-relationships.ts';
import { plainApiError } from '../../lib/plain-errors.ts';
import { plainResolver } from '../../lib/plain-resolver.ts';
import { coachName } from '../../lib/relationships.ts';
import { SpecialtyTags } from '../member-coaching/coach-card.tsx';

type AskValues = { message: string };
const resolver = plainResolver<AskValues>(
  z.object({ message: connectionRequestBodySchema.shape.message }),
  { message: { name: 'the message' } },
);

/**
 * Asks a listed coach to work with the client, with an optional note. The coach's practice is
 * there to read first; the coach answers from their clients page.
 */
export function AskCoachDialog({
  coach,
  onClose,
}: {
  coach: ListedCoach | null;
  onClose: () => void;
}) {
  const request = useRequestCoach();
  const toast = useToast();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<AskValues>({ defaultValues: { message: '' }, resolver });
  const { errors } = form.formState;
  const { reset } = form;

  // Each coach gets a fresh form.
  useEffect(() => {
    if (coach) {
      reset({ message: '' });
      setProblem(null);
    }
  }, [coach, reset]);

  const name = coach ? coachName(coach) : '';
  const submit = form.handleSubmit((values) => {
    if (!coach) return;
    setProblem(null);
    const message = values.message.trim();
    request.mutate(
      { coachUserId: coach.identityUserId, ...(message && { message }) },
      {
        onSuccess: () => {
          onClose();
          toast({
            tone: 'success',
            title: `Your request is on its way to ${name}`,
            description: 'Their answer shows on your coaching page.',
          });
        },
        onError: (error) => setProblem(plainApiError(error)),
      },
    );
  });

  return (
    <FormDialog
      open={coach !== null}
      title={`Ask ${name} to work with you`}
      description={<p>They see your name and your message, and answer yes or no.</p>}
      before={coach && <CoachSummary coach={coach} />}
      formLabel={`Ask ${name}`}
      confirmLabel="Send request"
      pending={request.isPending}
      problem={problem}
      problemTitle="The request was not sent"
      onSubmit={submit}
      onCancel={onClose}
    >
      <TextAreaField
        label="Message (optional)"
        rows={3}
        {...form.register('message')}
        error={errors.message?.message}
        hint={errors.message ? undefined : 'What you would like to work on, in a sentence.'}
      />
    </FormDialog>
  );
}

/** The practice, its specialties and philosophy: what to read before asking. */
function CoachSummary({ coach }: { coach: ListedCoach }) {
  const about = coach.practice.philosophy ?? coach.bio;
  return (
    <div className="space-y-3 text-sm">
      <p className="text-foreground">
        {coach.practice.name}
        {coach.headline && ` · ${coach.headline}`}
      </p>
      <SpecialtyTags specialties={coach.practice.specialties} />
      {about && (
        // A long philosophy scrolls here rather than pushing the buttons out of the window.
        <div
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus
          tabIndex={0}
          className="max-h-40 overflow-y-auto rounded-lg border border-border p-3 break-words whitespace-pre-line text-muted-foreground"
        >
          {about}
        </div>
      )}
    </div>
  );
}
