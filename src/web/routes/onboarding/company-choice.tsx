import { useId } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import type { ReceivedInvitation } from '../../../contract/tenants.ts';
import { NEW_COMPANY } from '../../lib/profile-form.ts';

const optionClass =
  'flex cursor-pointer items-start gap-3 rounded-lg border border-border bg-surface p-3 text-sm has-checked:border-primary has-checked:bg-primary-soft';

/** Join the company that invited you (one option per invitation), or set up a new one. */
export function CompanyChoice({
  invitations,
  register,
  error,
  roleLabel,
}: {
  invitations: ReceivedInvitation[];
  register: UseFormRegisterReturn<'company'>;
  error: string | undefined;
  roleLabel: (role: ReceivedInvitation['role']) => string;
}) {
  const legendId = useId();
  const errorId = useId();
  return (
    <fieldset aria-describedby={error ? errorId : undefined} className="space-y-2">
      <legend id={legendId} className="mb-2 text-sm font-medium text-foreground">
        Company
      </legend>
      {invitations.map((invitation) => (
        <label key={invitation.id} className={optionClass}>
          <input
            type="radio"
            value={invitation.id}
            {...register}
            className="mt-0.5 accent-primary"
          />
          <span>
            <span className="block font-medium text-foreground">
              Join {invitation.organization.name}
            </span>
            <span className="block text-muted-foreground">
              You are invited as {roleLabel(invitation.role)}.
            </span>
          </span>
        </label>
      ))}
      <label className={optionClass}>
        <input type="radio" value={NEW_COMPANY} {...register} className="mt-0.5 accent-primary" />
        <span>
          <span className="block font-medium text-foreground">Set up a new company</span>
          <span className="block text-muted-foreground">You become its admin.</span>
        </span>
      </label>
      {error && (
        <p id={errorId} className="text-sm font-medium text-danger">
          {error}
        </p>
      )}
    </fieldset>
  );
}
