import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import {
  clientCompanyFields,
  coachPracticeFields,
  companySizeSchema,
  type TenantView,
} from '../../../contract/tenants.ts';
import { Button } from '../../components/button.tsx';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/form-field.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useToast } from '../../components/toast.tsx';
import { useUpdateMetadata } from '../../hooks/use-organizations.ts';
import type { FormProblem } from '../../lib/auth-errors.ts';
import {
  COMPANY_SIZE_LABELS,
  COMPANY_SIZES,
  type CompanySize,
  isCompanySize,
  joinList,
  organizationSummary,
  splitList,
} from '../../lib/organizations.ts';
import { plainApiError } from '../../lib/plain-errors.ts';
import { plainResolver } from '../../lib/plain-resolver.ts';
import { LISTED_HINT, LISTED_LABEL } from '../../lib/profile-form.ts';

type PracticeValues = {
  specialties: string;
  experienceYears: string;
  philosophy: string;
  languages: string;
  website: string;
  listed: boolean;
};
type CompanyValues = { industry: string; size: CompanySize | '' };

const practiceResolver = plainResolver<PracticeValues>(
  z.object({
    specialties: z.string().transform(splitList).pipe(coachPracticeFields.specialties),
    experienceYears: z
      .string()
      .regex(/^\d+$/, 'expected int')
      .transform(Number)
      .pipe(coachPracticeFields.experience_years),
    philosophy: coachPracticeFields.philosophy,
    languages: z
      .string()
      .transform(splitList)
      .pipe(z.array(z.string().max(40)).max(20))
      .optional(),
    website: coachPracticeFields.website,
    listed: coachPracticeFields.listed,
  }),
  {
    specialties: { name: 'the specialties', missing: 'Name at least one specialty.' },
    experienceYears: { name: 'the years of experience', missing: 'Enter the years of experience.' },
    philosophy: { name: 'the philosophy', missing: 'Say in a few words how you coach.' },
    languages: { name: 'the languages' },
    website: { name: 'the website address (it starts with https://)' },
  },
);

const companyResolver = plainResolver<CompanyValues>(
  z.object({ industry: clientCompanyFields.industry, size: companySizeSchema }),
  {
    industry: { name: 'the industry', missing: 'Enter the industry.' },
    size: { name: 'the size', missing: 'Choose the size.' },
  },
);

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * The organization's business details: a form for its admins (the fields of its kind), the details
 * as text for the other members.
 */
export function OrganizationDetails({ tenant }: { tenant: TenantView }) {
  const isAdmin = tenant.role === 'admin' && !tenant.deletedAt && tenant.identityOrgId !== null;
  return (
    <section
      aria-labelledby="org-details-title"
      className="rounded-xl border border-border bg-surface p-5 shadow-card"
    >
      <h2 id="org-details-title" className="text-sm font-medium text-foreground">
        Details
      </h2>
      {isAdmin && tenant.identityOrgId ? (
        tenant.kind === 'coach_practice' ? (
          <PracticeForm tenant={tenant} identityOrgId={tenant.identityOrgId} />
        ) : (
          <CompanyForm tenant={tenant} identityOrgId={tenant.identityOrgId} />
        )
      ) : (
        <ReadOnlyDetails tenant={tenant} />
      )}
    </section>
  );
}

function ReadOnlyDetails({ tenant }: { tenant: TenantView }) {
  const metadata = tenant.metadata;
  const rows: [string, string][] =
    tenant.kind === 'coach_practice'
      ? [
          ['Specialties', joinList(metadata.specialties)],
          [
            'Experience',
            typeof metadata.experience_years === 'number'
              ? `${metadata.experience_years} years`
              : '',
          ],
          ['Philosophy', text(metadata.philosophy)],
          ['Languages', joinList(metadata.languages)],
          ['Website', text(metadata.website)],
          ['Coach directory', metadata.listed === true ? 'Listed: clients can find it' : ''],
        ]
      : [
          ['Industry', text(metadata.industry)],
          ['Size', isCompanySize(metadata.size) ? COMPANY_SIZE_LABELS[metadata.size] : ''],
        ];
  const shown = rows.filter(([, value]) => value !== '');
  if (shown.length === 0) {
    return (
      <p className="mt-3 text-sm text-muted-foreground">
        {organizationSummary(tenant) || 'No details yet. Its admins can add them.'}
      </p>
    );
  }
  return (
    <dl className="mt-4 grid gap-x-8 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
      {shown.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-muted-foreground">{label}</dt>
          <dd className="break-words whitespace-pre-line text-foreground">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function useSave(identityOrgId: string) {
  const update = useUpdateMetadata(identityOrgId);
  const toast = useToast();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  function save(patch: Parameters<typeof update.mutate>[0]) {
    setProblem(null);
    update.mutate(patch, {
      onSuccess: () => toast({ tone: 'success', title: 'The details are saved' }),
      onError: (error) =>
        setProblem({ title: 'The details were not saved', message: plainApiError(error) }),
    });
  }
  return { save, problem, pending: update.isPending };
}

function PracticeForm({ tenant, identityOrgId }: { tenant: TenantView; identityOrgId: string }) {
  const metadata = tenant.metadata;
  const { save, problem, pending } = useSave(identityOrgId);
  const form = useForm<PracticeValues>({
    resolver: practiceResolver,
    defaultValues: {
      specialties: joinList(metadata.specialties),
      experienceYears:
        typeof metadata.experience_years === 'number' ? String(metadata.experience_years) : '',
      philosophy: text(metadata.philosophy),
      languages: joinList(metadata.languages),
      website: text(metadata.website),
      listed: metadata.listed === true,
    },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) => {
    const languages = splitList(values.languages);
    save({
      specialties: splitList(values.specialties),
      experience_years: Number(values.experienceYears),
      philosophy: values.philosophy.trim(),
      languages: languages.length > 0 ? languages : null,
      website: values.website.trim() || null,
      listed: values.listed,
    });
  });
  return (
    <form
      noValidate
      aria-label="Practice details"
      onSubmit={(event) => void submit(event)}
      className="mt-4 space-y-4"
    >
      <ProblemAlert problem={problem} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Specialties"
          required
          {...form.register('specialties')}
          error={errors.specialties?.message}
          hint={errors.specialties ? undefined : 'Separated by commas.'}
        />
        <TextField
          label="Years of experience"
          type="number"
          inputMode="numeric"
          min={0}
          max={80}
          required
          {...form.register('experienceYears')}
          error={errors.experienceYears?.message}
        />
      </div>
      <TextAreaField
        label="Coaching philosophy"
        rows={5}
        required
        {...form.register('philosophy')}
        error={errors.philosophy?.message}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Languages (optional)"
          {...form.register('languages')}
          error={errors.languages?.message}
          hint={errors.languages ? undefined : 'Separated by commas.'}
        />
        <TextField
          label="Website (optional)"
          type="url"
          inputMode="url"
          {...form.register('website')}
          error={errors.website?.message}
        />
      </div>
      <CheckboxField label={LISTED_LABEL} hint={LISTED_HINT} {...form.register('listed')} />
      <Button type="submit" size="sm" pending={pending} pendingLabel="Saving…">
        Save details
      </Button>
    </form>
  );
}

function CompanyForm({ tenant, identityOrgId }: { tenant: TenantView; identityOrgId: string }) {
  const metadata = tenant.metadata;
  const { save, problem, pending } = useSave(identityOrgId);
  const form = useForm<CompanyValues>({
    resolver: companyResolver,
    defaultValues: {
      industry: text(metadata.industry),
      size: isCompanySize(metadata.size) ? metadata.size : '',
    },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) =>
    save({ industry: values.industry.trim(), size: values.size as CompanySize }),
  );
  return (
    <form
      noValidate
      aria-label="Company details"
      onSubmit={(event) => void submit(event)}
      className="mt-4 space-y-4"
    >
      <ProblemAlert problem={problem} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Industry"
          required
          {...form.register('industry')}
          error={errors.industry?.message}
        />
        <SelectField label="Size" required {...form.register('size')} error={errors.size?.message}>
          <option value="" disabled>
            Choose a size
          </option>
          {COMPANY_SIZES.map((size) => (
            <option key={size} value={size}>
              {COMPANY_SIZE_LABELS[size]}
            </option>
          ))}
        </SelectField>
      </div>
      <Button type="submit" size="sm" pending={pending} pendingLabel="Saving…">
        Save details
      </Button>
    </form>
  );
}
