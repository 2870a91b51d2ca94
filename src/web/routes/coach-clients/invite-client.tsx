import { UserPlus } from 'lucide-react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { inviteClientBodySchema } from '../../../contract/relationships.ts';
import { Button } from '../../components/button.tsx';
import { EmailField } from '../../components/email-field.tsx';
import { FormDialog, useFormDialog } from '../../components/form-dialog.tsx';
import { TextAreaField } from '../../components/form-field.tsx';
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
  const invite = useInviteClient();
  const toast = useToast();
  const form = useForm<InviteValues>({ defaultValues: { email: '', message: '' }, resolver });
  const { errors } = form.formState;
  const dialog = useFormDialog(() => form.reset({ email: '', message: '' }));

  const submit = form.handleSubmit((values) => {
    dialog.clearProblem();
    const message = values.message.trim();
    invite.mutate(
      { email: values.email.trim(), ...(message && { message }) },
      {
        onSuccess: ({ relationship, created }) => {
          dialog.close();
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
        onError: (error) => dialog.fail(plainApiError(error)),
      },
    );
  });

  return (
    <>
      <Button size="sm" onClick={dialog.show}>
        <UserPlus aria-hidden="true" className="size-4" />
        Invite a client
      </Button>
      <FormDialog
        open={dialog.open}
        title="Invite a client"
        description={
          <p>
            They get a mail with a link. Once they accept, you see them here as an active client.
          </p>
        }
        formLabel="Invite a client"
        confirmLabel="Send invitation"
        pending={invite.isPending}
        problem={dialog.problem}
        problemTitle="The invitation was not sent"
        onSubmit={submit}
        onCancel={dialog.close}
      >
        <EmailField autoComplete="off" {...form.register('email')} error={errors.email?.message} />
        <TextAreaField
          label="Message (optional)"
          rows={3}
          {...form.register('message')}
          error={errors.message?.message}
          hint={errors.message ? undefined : 'Shown with the invitation.'}
        />
      </FormDialog>
    </>
  );
}
