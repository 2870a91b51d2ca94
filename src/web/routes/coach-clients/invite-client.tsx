import { UserPlus } from 'lucide-react';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { inviteClientBodySchema } from '../../../contract/relationships.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { TextAreaField, TextField } from '../../components/form-field.tsx';
import { useToast } from '../../components/toast.tsx';
import { useInviteClient } from '../../hooks/use-relationships.ts';
import { plainApiError } from '../../lib/plain-errors.ts';
import { plainResolver } from '../../lib/plain-resolver.ts';

type InviteValues = { email: string; message: string };
const resolver = plainResolver<InviteValues>(
  z.object({
    email: inviteClientBodySchema.shape.email,
    message: inviteClientBodySchema.shape.message,
  }),
  {
    email: { name: 'the email address', missing: 'Enter the client’s email address.' },
    message: { name: 'the message' },
  },
);

/**
 * The page's primary action: invite a client by email. Inviting an address that has an open
 * invitation already answers that one (200, not 201): the toast says so rather than "invited".
 */
export function InviteClient() {
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const invite = useInviteClient();
  const toast = useToast();
  const formId = useId();
  const form = useForm<InviteValues>({ defaultValues: { email: '', message: '' }, resolver });
  const { errors } = form.formState;

  function show() {
    form.reset({ email: '', message: '' });
    setProblem(null);
    setOpen(true);
  }

  const submit = form.handleSubmit((values) => {
    setProblem(null);
    const message = values.message.trim();
    invite.mutate(
      { email: values.email.trim(), ...(message && { message }) },
      {
        onSuccess: ({ relationship, created }) => {
          setOpen(false);
          const email = relationship.client.email ?? values.email.trim();
          if (relationship.invitationError) {
            toast({
              tone: 'error',
              title: `The invitation to ${email} is saved, but its mail was not sent`,
              description: relationship.invitationError,
            });
          } else if (created) {
            toast({
              tone: 'success',
              title: `${email} is invited`,
              description: 'A mail with a link to accept is on its way.',
            });
          } else {
            toast({
              tone: 'info',
              title: `${email} was invited already`,
              description: 'Your earlier invitation still waits for their answer.',
            });
          }
        },
        onError: (error) => setProblem(plainApiError(error)),
      },
    );
  });

  return (
    <>
      <Button size="sm" onClick={show}>
        <UserPlus aria-hidden="true" className="size-4" />
        Invite a client
      </Button>
      <ConfirmDialog
        open={open}
        title="Invite a client"
        confirmLabel="Send invitation"
        pending={invite.isPending}
        formId={formId}
        onCancel={() => setOpen(false)}
        fields={
          <form
            id={formId}
            noValidate
            aria-label="Invite a client"
            onSubmit={(event) => void submit(event)}
            className="space-y-4"
          >
            {problem && (
              <Alert tone="danger" title="The invitation was not sent">
                <p>{problem}</p>
              </Alert>
            )}
            <TextField
              label="Email"
              type="email"
              inputMode="email"
              autoComplete="off"
              required
              {...form.register('email')}
              error={errors.email?.message}
            />
            <TextAreaField
              label="Message (optional)"
              rows={3}
              {...form.register('message')}
              error={errors.message?.message}
              hint={errors.message ? undefined : 'Shown with the invitation.'}
            />
          </form>
        }
      >
        <p>They get a mail with a link. Once they accept, you see them here as an active client.</p>
      </ConfirmDialog>
    </>
  );
}
