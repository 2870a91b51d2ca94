import { useState } from 'react';
import { type Path, type Resolver, type UseFormRegister, useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import type { ReceivedInvitation } from '../../../contract/tenants.ts';
import type { Me } from '../../../contract/users.ts';
import { SelectField, TextField } from '../../components/form-field.tsx';
import { ProfileFields } from '../../components/profile-fields.tsx';
import { useToast } from '../../components/toast.tsx';
import { useAnswerInvitation, useCreateOrganization } from '../../hooks/use-organizations.ts';
import { useOnboard } from '../../hooks/use-profile.ts';
import { ApiRequestError } from '../../lib/api-client.ts';
import type { FormProblem } from '../../lib/auth-errors.ts';
import { markOnboardingDone } from '../../lib/onboarding.ts';
import {
  browserTimeZone,
  COMPANY_SIZE_LABELS,
  COMPANY_SIZES,
  ORGANIZATION_ROLE_LABELS,
  organizationPath,
} from '../../lib/organizations.ts';
import { plainApiError } from '../../lib/plain-errors.ts';
import { plainResolver } from '../../lib/plain-resolver.ts';
import {
  CLIENT_ONBOARDING_WORDS,
  type ClientOnboardingValues,
  clientCreateSchema,
  clientJoinSchema,
  clientOnboardingBody,
  NEW_COMPANY,
  namesFrom,
  type ProfileFieldValues,
} from '../../lib/profile-form.ts';
import { LaterNote } from './coach-onboarding.tsx';
import { CompanyChoice } from './company-choice.tsx';
import { useWizardSteps, Wizard } from './wizard.tsx';

const createResolver = plainResolver<ClientOnboardingValues>(
  clientCreateSchema,
  CLIENT_ONBOARDING_WORDS,
);
const joinResolver = plainResolver<ClientOnboardingValues>(
  clientJoinSchema,
  CLIENT_ONBOARDING_WORDS,
);
// A new company's fields are asked for only when a new company is chosen.
const resolver: Resolver<ClientOnboardingValues> = (values, context, options) =>
  values.company === NEW_COMPANY
    ? createResolver(values, context, options)
    : joinResolver(values, context, options);

const STEP_FIELDS: Path<ClientOnboardingValues>[][] = [
  ['firstName', 'lastName', 'headline', 'jobTitle', 'timezone'],
  ['company', 'companyName', 'industry', 'size'],
];

/**
 * A new client's profile, then their company: a new one (they become its admin), or the one whose
 * invitation they hold. One request at the end (`POST /profiles/client`).
 */
export function ClientOnboarding({
  user,
  invitations,
  onLater,
}: {
  user: Me;
  invitations: ReceivedInvitation[];
  onLater: () => void;
}) {
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const onboard = useOnboard();
  const createOrganization = useCreateOrganization();
  const firstInvitation = invitations[0]?.id ?? '';
  const accept = useAnswerInvitation(firstInvitation);
  const navigate = useNavigate();
  const toast = useToast();
  const form = useForm<ClientOnboardingValues>({
    resolver,
    defaultValues: {
      ...namesFrom(user),
      headline: '',
      bio: '',
      jobTitle: '',
      timezone: browserTimeZone(),
      company: invitations[0]?.id ?? NEW_COMPANY,
      companyName: '',
      industry: '',
      size: '',
    },
  });
  const { errors } = form.formState;
  const wizard = useWizardSteps(form, STEP_FIELDS, () => setProblem(null));
  const company = form.watch('company');

  function done(identityOrgId: string, name: string, joined: boolean) {
    markOnboardingDone(user.id);
    toast({
      tone: 'success',
      title: joined ? `You joined ${name}` : `${name} is ready`,
      description: 'Your profile is saved.',
    });
    void navigate(organizationPath(identityOrgId));
  }

  const failed = (error: unknown) =>
    setProblem({ title: 'Your company was not set up', message: plainApiError(error as Error) });

  // Awaited rather than given callbacks: the list of organizations is read again as soon as the
  // company exists, and the page may show the guide (unmounting this form) before they would run.
  const submit = form.handleSubmit(async (values) => {
    setProblem(null);
    const body = clientOnboardingBody(values);
    try {
      const { tenant } = await onboard.mutateAsync({ kind: 'client', body });
      return done(tenant.identityOrgId ?? '', tenant.name, body.company.action === 'join');
    } catch (error) {
      if (!(error instanceof ApiRequestError && error.status === 409)) return failed(error);
    }
    // A profile written earlier (on the profile page): only the company is still missing.
    const chosen = body.company;
    try {
      if (chosen.action === 'create') {
        const tenant = await createOrganization.mutateAsync({
          name: chosen.name,
          metadata: { kind: 'client_company', industry: chosen.industry, size: chosen.size },
        });
        done(tenant.identityOrgId ?? '', tenant.name, false);
      } else if (chosen.invitationId === firstInvitation) {
        const answer = await accept.mutateAsync('accept');
        if (answer.answer === 'accept')
          done(answer.tenant.identityOrgId ?? '', answer.tenant.name, true);
      } else {
        void navigate(`/invitations/${encodeURIComponent(chosen.invitationId)}`);
      }
    } catch (error) {
      failed(error);
    }
  }, wizard.backToFirstWrong);

  const register = form.register;
  const steps = [
    {
      title: 'Your profile',
      description: 'Who you are, as your coach will see it.',
      content: (
        <>
          <ProfileFields
            register={register as unknown as UseFormRegister<ProfileFieldValues>}
            errors={errors}
            showBio={false}
          />
          <TextField
            label="Job title (optional)"
            autoComplete="organization-title"
            {...register('jobTitle')}
            error={errors.jobTitle?.message}
          />
        </>
      ),
    },
    {
      title: 'Your company',
      description:
        invitations.length > 0
          ? 'Join the company that invited you, or set up a new one.'
          : 'The company you work for. You become its admin and can invite colleagues.',
      content: (
        <>
          {invitations.length > 0 && (
            <CompanyChoice
              invitations={invitations}
              register={register('company')}
              error={errors.company?.message}
              roleLabel={(role) => ORGANIZATION_ROLE_LABELS[role].toLowerCase()}
            />
          )}
          {company === NEW_COMPANY && (
            <>
              <TextField
                label="Company name"
                autoComplete="organization"
                required
                {...register('companyName')}
                error={errors.companyName?.message}
              />
              <TextField
                label="Industry"
                required
                {...register('industry')}
                error={errors.industry?.message}
                hint={errors.industry ? undefined : 'Software, Healthcare, Retail…'}
              />
              <SelectField label="Size" required {...register('size')} error={errors.size?.message}>
                <option value="" disabled>
                  Choose a size
                </option>
                {COMPANY_SIZES.map((size) => (
                  <option key={size} value={size}>
                    {COMPANY_SIZE_LABELS[size]}
                  </option>
                ))}
              </SelectField>
            </>
          )}
        </>
      ),
    },
  ];

  const joining = company !== NEW_COMPANY;
  return (
    <Wizard
      label="Get ready for coaching"
      steps={steps}
      current={wizard.step}
      onBack={wizard.back}
      onNext={() => void wizard.next()}
      onSubmit={(event) => void submit(event)}
      submitLabel={joining ? 'Join the company' : 'Create my company'}
      pending={onboard.isPending || createOrganization.isPending || accept.isPending}
      problem={problem}
      aside={<LaterNote onLater={onLater} />}
    />
  );
}
