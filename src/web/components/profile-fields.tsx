import { useMemo } from 'react';
import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { timeZoneOptions } from '../lib/organizations.ts';
import type { ProfileFieldValues } from '../lib/profile-form.ts';
import { SelectField, TextAreaField, TextField } from './form-field.tsx';

/**
 * The fields every profile has (names, headline, bio, time zone), for any form whose values hold
 * them: onboarding's last step and the profile page.
 */
export function ProfileFields({
  register,
  errors,
  currentTimezone,
  showBio = true,
}: {
  // The form's own values include these fields; its register is narrowed to them here.
  register: UseFormRegister<ProfileFieldValues>;
  errors: FieldErrors<ProfileFieldValues>;
  currentTimezone?: string | null;
  showBio?: boolean;
}) {
  const zones = useMemo(() => timeZoneOptions(currentTimezone), [currentTimezone]);
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="First name"
          autoComplete="given-name"
          required
          {...register('firstName')}
          error={errors.firstName?.message}
        />
        <TextField
          label="Last name"
          autoComplete="family-name"
          required
          {...register('lastName')}
          error={errors.lastName?.message}
        />
      </div>
      <TextField
        label="Headline (optional)"
        autoComplete="off"
        {...register('headline')}
        error={errors.headline?.message}
        hint={errors.headline ? undefined : 'One line people see next to your name.'}
      />
      {showBio && (
        <TextAreaField
          label="Bio (optional)"
          rows={4}
          {...register('bio')}
          error={errors.bio?.message}
        />
      )}
      <SelectField label="Time zone" {...register('timezone')} error={errors.timezone?.message}>
        <option value="">Not set</option>
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll('_', ' ')}
          </option>
        ))}
      </SelectField>
    </>
  );
}
