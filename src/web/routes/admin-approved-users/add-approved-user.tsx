import { UserPlus } from 'lucide-react';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { approvedUserBodySchema } from '../../../contract/waitlist.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
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
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const add = useAddApprovedUser();
  const toast = useToast();
  const formId = useId();
  const form = useForm<AddValues>({ defaultValues: EMPTY, resolver });
  const { errors } = form.formState;

  function show() {
    form.reset(EMPTY);
    setFormError(null);
    setOpen(true);
  }

  const submit = form.handleSubmit((values) => {
    setFormError(null);
    add.mutate(
      {
        email: values.email,
        role: values.role as WaitlistRole,
        name: values.name,
        notes: values.notes,
      },
      {
        onSuccess: (entry) => {
          setOpen(false);
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
            setFormError(plainApiError(error));
          }
        },
      },
    );
  });

  return (
    <>
      <Button size="sm" onClick={show}>
        <UserPlus aria-hidden="true" className="size-4" />
        Add approved user
      </Button>
      <ConfirmDialog
        open={open}
        title="Add an approved user"
        confirmLabel="Add and invite"
        pending={add.isPending}
        formId={formId}
        onCancel={() => setOpen(false)}
        fields={
          <form
            id={formId}
            noValidate
            aria-label="Add an approved user"
            onSubmit={(event) => void submit(event)}
            className="space-y-4"
          >
            {formError && (
              <Alert tone="danger" title="The user was not added">
                <p>{formError}</p>
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
            <SelectField
              label="Role"
              required
              {...form.register('role')}
              error={errors.role?.message}
            >
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
          </form>
        }
      >
        <p>
          Pre-approve an email, whether or not it joined the waitlist. An invitation to sign up is
          sent at once.
        </p>
      </ConfirmDialog>
    </>
  );
}
