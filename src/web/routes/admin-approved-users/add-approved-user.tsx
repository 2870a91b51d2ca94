import { UserPlus } from 'lucide-react';
import { useForm } from 'react-hook-form';
import { approvedUserBodySchema } from '../../../contract/waitlist.ts';
import { Button } from '../../components/button.tsx';
import { EmailField } from '../../components/email-field.tsx';
import { FormDialog, useFormDialog } from '../../components/form-dialog.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/form-field.tsx';
import { useToast } from '../../components/toast.tsx';
import { useAddApprovedUser } from '../../hooks/use-waitlist.ts';
import { ApiRequestError } from '../../lib/api-client.ts';
import { plainApiError } from '../../lib/plain-errors.ts';
import { plainResolver } from '../../lib/plain-resolver.ts';
import { ROLE_LABELS } from '../../lib/roles.ts';
import {
  WAITLIST_NAME_MAX_LENGTH,
  WAITLIST_NOTE_MAX_LENGTH,
  WAITLIST_ROLES,
  type WaitlistRole,
} from '../../lib/waitlist.ts';

type AddValues = { email: string; role: WaitlistRole | ''; name: string; notes: string };
const EMPTY: AddValues = { email: '', role: '', name: '', notes: '' };

// The request's own schema: what the server checks, checked here first, in plain words.
const resolver = plainResolver<AddValues>(approvedUserBodySchema, {
  email: { name: 'the email address', missing: 'Enter the email address.' },
  role: { name: 'the role', missing: 'Choose the role their account gets.' },
  name: { name: 'the name' },
  notes: { name: 'the notes' },
});

/** The page's primary action: pre-approve one email (an invitation to sign up goes out). */
export function AddApprovedUser() {
  const add = useAddApprovedUser();
  const toast = useToast();
  const form = useForm<AddValues>({ defaultValues: EMPTY, resolver });
  const { errors } = form.formState;
  const dialog = useFormDialog(() => form.reset(EMPTY));

  const submit = form.handleSubmit((values) => {
    dialog.clearProblem();
    add.mutate(
      {
        email: values.email,
        role: values.role as WaitlistRole,
        name: values.name,
        notes: values.notes,
      },
      {
        onSuccess: (entry) => {
          dialog.close();
          toast({
            tone: 'success',
            title: `${entry.email} is approved as ${ROLE_LABELS[entry.role].toLowerCase()}`,
            description: entry.invitedAt ? 'An invitation to sign up is on its way.' : undefined,
          });
        },
        onError: (error) => {
          if (error instanceof ApiRequestError && error.status === 409) {
            form.setError('email', { message: error.message }, { shouldFocus: true });
          } else {
            dialog.fail(plainApiError(error));
          }
        },
      },
    );
  });

  return (
    <>
      <Button size="sm" onClick={dialog.show}>
        <UserPlus aria-hidden="true" className="size-4" />
        Add approved user
      </Button>
      <FormDialog
        open={dialog.open}
        title="Add an approved user"
        description={
          <p>
            Pre-approve an email, whether or not it joined the waitlist. An invitation to sign up is
            sent at once.
          </p>
        }
        formLabel="Add an approved user"
        confirmLabel="Add and invite"
        pending={add.isPending}
        problem={dialog.problem}
        problemTitle="The user was not added"
        onSubmit={submit}
        onCancel={dialog.close}
      >
        <EmailField autoComplete="off" {...form.register('email')} error={errors.email?.message} />
        <SelectField label="Role" required {...form.register('role')} error={errors.role?.message}>
          <option value="" disabled>
            Choose a role
          </option>
          {WAITLIST_ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Name (optional)"
          autoComplete="off"
          {...form.register('name')}
          error={errors.name?.message}
          hint={errors.name ? undefined : `At most ${WAITLIST_NAME_MAX_LENGTH} characters.`}
        />
        <TextAreaField
          label="Notes (optional)"
          rows={2}
          maxLength={WAITLIST_NOTE_MAX_LENGTH}
          {...form.register('notes')}
          error={errors.notes?.message}
          hint={errors.notes ? undefined : 'For admins only.'}
        />
      </FormDialog>
    </>
  );
}
