import { useState } from 'react';
import { type Path, type UseFormRegister, useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import type { Me } from '../../../contract/users.ts';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { TextAreaField, TextField } from '../../components/form-field.tsx';
import { ProfileFields } from '../../components/profile-fields.tsx';
import { useToast } from '../../components/toast.tsx';
import { useCreateOrganization } from '../../hooks/use-organizations.ts';
import { useOnboard } from '../../hooks/use-profile.ts';
import { ApiRequestError } from '../../lib/api-client.ts';
import type { FormProblem } from '../../lib/auth-errors.ts';
import { markOnboardingDone } from '../../lib/onboarding.ts';
import { browserTimeZone, organizationPath } from '../../lib/organizations.ts';
import { plainApiError } from '../../lib/plain-errors.ts';
import { plainResolver } from '../../lib/plain-resolver.ts';
import {
  COACH_ONBOARDING_WORDS,
  type CoachOnboardingValues,
  coachOnboardingBody,
  coachOnboardingSchema,
  LISTED_HINT,
  LISTED_LABEL,
  namesFrom,
  type ProfileFieldValues,
} from '../../lib/profile-form.ts';
import { useWizardSteps, Wizard } from './wizard.tsx';

const resolver = plainResolver<CoachOnboardingValues>(
  coachOnboardingSchema,
  COACH_ONBOARDING_WORDS,
);

const STEP_FIELDS: Path<CoachOnboardingValues>[][] = [
  ['practiceName', 'website'],
  ['specialties', 'experienceYears', 'languages'],
  ['philosophy', 'listed'],
  ['firstName', 'lastName', 'headline', 'bio', 'timezone'],
];

/**
 * A new coach's practice and profile in four short steps, sent in one request at the end
 * (`POST /profiles/coach`): the practice is made in the identity provider, the coach its admin.
 */
export function CoachOnboarding({ user, onLater }: { user: Me; onLater: () => void }) {
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const onboard = useOnboard();
  const createOrganization = useCreateOrganization();
  const navigate = useNavigate();
  const toast = useToast();
  const form = useForm<CoachOnboardingValues>({
    resolver,
    defaultValues: {
      practiceName: '',
      website: '',
      specialties: '',
      experienceYears: '',
      languages: '',
      philosophy: '',
      listed: false,
      ...namesFrom(user),
      headline: '',
      bio: '',
      timezone: browserTimeZone(),
    },
  });
  const { errors } = form.formState;
  const wizard = useWizardSteps(form, STEP_FIELDS, () => setProblem(null));

  function done(identityOrgId: string, name: string) {
    markOnboardingDone(user.id);
    toast({ tone: 'success', title: `${name} is ready`, description: 'Your practice is set up.' });
    void navigate(organizationPath(identityOrgId));
  }

  // Awaited rather than given callbacks: the list of organizations is read again as soon as the
  // practice exists, and the page may show the guide (unmounting this form) before they would run.
  const submit = form.handleSubmit(async (values) => {
    setProblem(null);
    const body = coachOnboardingBody(values);
    try {
      const { tenant } = await onboard.mutateAsync({ kind: 'coach', body });
      return done(tenant.identityOrgId ?? '', tenant.name);
    } catch (error) {
      // A profile written earlier (on the profile page): the practice alone is still missing.
      if (!(error instanceof ApiRequestError && error.status === 409)) {
        return setProblem({
          title: 'Your practice was not created',
          message: plainApiError(error as Error),
        });
      }
    }
    const { name, ...practice } = body.practice;
    try {
      const tenant = await createOrganization.mutateAsync({
        name,
        metadata: { kind: 'coach_practice', ...practice },
      });
      done(tenant.identityOrgId ?? '', tenant.name);
    } catch (error) {
      setProblem({
        title: 'Your practice was not created',
        message: plainApiError(error as Error),
      });
    }
  }, wizard.backToFirstWrong);

  const register = form.register;
  const steps = [
    {
      title: 'Your practice',
      description: 'The organization your clients will be invited into.',
      content: (
        <>
          <TextField
            label="Practice name"
            autoComplete="organization"
            required
            {...register('practiceName')}
            error={errors.practiceName?.message}
          />
          <TextField
            label="Website (optional)"
            type="url"
            inputMode="url"
            autoComplete="url"
            {...register('website')}
            error={errors.website?.message}
            hint={errors.website ? undefined : 'Starts with https://'}
          />
        </>
      ),
    },
    {
      title: 'What you offer',
      description: 'What you coach on, and for how long you have.',
      content: (
        <>
          <TextField
            label="Specialties"
            required
            {...register('specialties')}
            error={errors.specialties?.message}
            hint={errors.specialties ? undefined : 'Separated by commas: Leadership, Career change'}
          />
          <TextField
            label="Years of experience"
            type="number"
            inputMode="numeric"
            min={0}
            max={80}
            required
            {...register('experienceYears')}
            error={errors.experienceYears?.message}
            hint={errors.experienceYears ? undefined : 'From 0 to 80.'}
          />
          <TextField
            label="Languages you coach in (optional)"
            {...register('languages')}
            error={errors.languages?.message}
            hint={errors.languages ? undefined : 'Separated by commas: English, French'}
          />
        </>
      ),
    },
    {
      title: 'How you coach',
      description: 'Your philosophy, in a few sentences, for clients to read.',
      content: (
        <>
          <TextAreaField
            label="Coaching philosophy"
            rows={6}
            required
            {...register('philosophy')}
            error={errors.philosophy?.message}
          />
          <CheckboxField label={LISTED_LABEL} hint={LISTED_HINT} {...register('listed')} />
        </>
      ),
    },
    {
      title: 'Your profile',
      description: 'Who you are, as your clients will see it.',
      content: (
        <ProfileFields
          register={register as unknown as UseFormRegister<ProfileFieldValues>}
          errors={errors}
        />
      ),
    },
  ];

  return (
    <Wizard
      label="Set up your practice"
      steps={steps}
      current={wizard.step}
      onBack={wizard.back}
      onNext={() => void wizard.next()}
      onSubmit={(event) => void submit(event)}
      submitLabel="Create my practice"
      pending={onboard.isPending || createOrganization.isPending}
      problem={problem}
      aside={<LaterNote onLater={onLater} />}
    />
  );
}

export function LaterNote({ onLater }: { onLater: () => void }) {
  return (
    <p className="text-sm text-muted-foreground">
      Not now?{' '}
      <button
        type="button"
        onClick={onLater}
        className="font-medium text-primary underline underline-offset-4"
      >
        Set up later
      </button>
      . Your area’s home page brings you back here.
    </p>
  );
}
