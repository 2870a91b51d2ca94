import { useState } from 'react';
import { type UseFormRegister, useForm } from 'react-hook-form';
import type { ProfileView } from '../../contract/profiles.ts';
import type { Me } from '../../contract/users.ts';
import { Alert } from '../components/alert.tsx';
import { Button } from '../components/button.tsx';
import { TextAreaField, TextField } from '../components/form-field.tsx';
import { PageContainer } from '../components/page-container.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ErrorState } from '../components/page-state.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { ProfileFields } from '../components/profile-fields.tsx';
import { useToast } from '../components/toast.tsx';
import { useMyProfile, useSaveProfile } from '../hooks/use-profile.ts';
import { useCurrentUser } from '../hooks/use-session.ts';
import type { FormProblem } from '../lib/auth-errors.ts';
import { browserTimeZone } from '../lib/organizations.ts';
import { plainApiError } from '../lib/plain-errors.ts';
import { plainResolver } from '../lib/plain-resolver.ts';
import {
  createProfileBody,
  namesFrom,
  PROFILE_PAGE_WORDS,
  type ProfileFieldValues,
  type ProfilePageValues,
  profilePageSchema,
  profilePageValues,
  updateProfileBody,
} from '../lib/profile-form.ts';

const resolver = plainResolver<ProfilePageValues>(profilePageSchema, PROFILE_PAGE_WORDS);

/**
 * The signed-in person's profile: what people who share an organization with them see. Written
 * here the first time (or during onboarding), changed here afterwards.
 */
export function ProfilePage() {
  const user = useCurrentUser();
  const profile = useMyProfile();
  if (!user) return null;
  if (profile.error) {
    return (
      <ErrorState
        title="Your profile could not be loaded"
        error={profile.error}
        onRetry={() => void profile.refetch()}
      />
    );
  }
  return (
    <PageContainer>
      <PageHeader
        title="Profile"
        documentTitle="Your profile"
        description="What the people in your organizations see of you."
      />
      {profile.isPending ? (
        <div aria-hidden="true" className="h-96 animate-pulse rounded-xl bg-surface-muted" />
      ) : (
        <ProfileForm key={profile.data?.updatedAt ?? 'new'} user={user} profile={profile.data} />
      )}
      {profile.isPending && (
        <p role="status" className="sr-only">
          Loading your profile…
        </p>
      )}
    </PageContainer>
  );
}

function ProfileForm({ user, profile }: { user: Me; profile: ProfileView | null }) {
  const save = useSaveProfile();
  const toast = useToast();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const kind = user.role === 'coach' ? 'coach' : user.role === 'client' ? 'client' : 'none';
  const form = useForm<ProfilePageValues>({
    resolver,
    defaultValues: profilePageValues(profile, {
      ...namesFrom(user),
      timezone: browserTimeZone(),
    }),
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit((values) => {
    setProblem(null);
    save.mutate(
      profile
        ? { kind: 'update', body: updateProfileBody(values, kind) }
        : { kind: 'create', body: createProfileBody(values, kind) },
      {
        onSuccess: () =>
          toast({
            tone: 'success',
            title: profile ? 'Your profile is saved' : 'Your profile is created',
          }),
        onError: (error) =>
          setProblem({ title: 'Your profile was not saved', message: plainApiError(error) }),
      },
    );
  });

  return (
    <div className="space-y-4 pb-16">
      {!profile && (
        <Alert tone="info" title="You have no profile yet" live={false}>
          <p>Fill it in and save it: the people in your organizations then see it.</p>
        </Alert>
      )}
      <form
        noValidate
        aria-label="Your profile"
        onSubmit={(event) => void submit(event)}
        className="max-w-3xl space-y-4 rounded-xl border border-border bg-surface p-5 shadow-card"
      >
        <ProblemAlert problem={problem} />
        <ProfileFields
          register={form.register as unknown as UseFormRegister<ProfileFieldValues>}
          errors={errors}
          currentTimezone={profile?.timezone}
        />
        {kind === 'coach' && (
          <fieldset className="space-y-4 border-t border-border pt-4">
            <legend className="sr-only">As a coach</legend>
            <p aria-hidden="true" className="text-sm font-medium text-foreground">
              As a coach
            </p>
            <TextField
              label="Specialties (optional)"
              {...form.register('specialties')}
              error={errors.specialties?.message}
              hint={errors.specialties ? undefined : 'Separated by commas.'}
            />
            <TextField
              label="Certifications (optional)"
              {...form.register('certifications')}
              error={errors.certifications?.message}
              hint={errors.certifications ? undefined : 'Separated by commas.'}
            />
            <TextField
              label="Years of experience (optional)"
              type="number"
              inputMode="numeric"
              min={0}
              max={80}
              {...form.register('yearsOfExperience')}
              error={errors.yearsOfExperience?.message}
            />
          </fieldset>
        )}
        {kind === 'client' && (
          <fieldset className="space-y-4 border-t border-border pt-4">
            <legend className="sr-only">At work</legend>
            <p aria-hidden="true" className="text-sm font-medium text-foreground">
              At work
            </p>
            <TextField
              label="Job title (optional)"
              autoComplete="organization-title"
              {...form.register('jobTitle')}
              error={errors.jobTitle?.message}
            />
            <TextAreaField
              label="Goals (optional)"
              rows={3}
              {...form.register('goals')}
              error={errors.goals?.message}
              hint={errors.goals ? undefined : 'One per line.'}
            />
          </fieldset>
        )}
        <Button type="submit" size="sm" pending={save.isPending} pendingLabel="Saving…">
          {profile ? 'Save profile' : 'Create profile'}
        </Button>
      </form>
    </div>
  );
}
