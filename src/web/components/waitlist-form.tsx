import { type ComponentType, type FormEvent, useRef, useState } from 'react';
import { useJoinWaitlist } from '../hooks/use-join-waitlist.ts';
import { ApiRequestError } from '../lib/api-client.ts';
import type { FieldErrors } from '../lib/sign-up-validation.ts';
import {
  tooManyRequestsMessage,
  validateWaitlistForm,
  WAITLIST_NOTE_MAX_LENGTH,
  type WaitlistFormValues,
  type WaitlistRole,
  waitlistFieldOf,
} from '../lib/waitlist.ts';
import { Alert } from './alert.tsx';
import { Button } from './button.tsx';
import { EmailField } from './email-field.tsx';
import { TextAreaField, TextField } from './form-field.tsx';
import { LabelledForm } from './labelled-form.tsx';
import { useAppNavigate } from './navigation.tsx';
import { BuildingIcon, CompassIcon } from './role-icons.tsx';

export const WAITLIST_ICONS: Record<WaitlistRole, ComponentType> = {
  coach: CompassIcon,
  client: BuildingIcon,
};

/** What the waitlist says to each role: coaches run a practice, clients come with their company. */
export const WAITLIST_COPY: Record<
  WaitlistRole,
  {
    cardTitle: string;
    tagline: string;
    pitch: string;
    heading: string;
    lead: string;
    benefits: string[];
    noteHint: string;
    submit: string;
    nextSteps: string[];
    other: { question: string; link: string };
  }
> = {
  coach: {
    cardTitle: 'For coaches',
    tagline: 'Run your practice',
    pitch:
      'You run a coaching practice. Bring it to Arete: your clients, their goals and your sessions in one calm place.',
    heading: 'Run your practice on Arete',
    lead: 'Arete is invitation only while it grows. Tell us about your practice: an admin reviews each request and invites you with the coach role.',
    benefits: [
      'Your practice as a space of its own, with your details and how you coach.',
      'Clients invited from the companies they work for.',
      'Each coaching relationship followed from the first session to completed goals.',
    ],
    noteHint: 'Your practice, what you coach on, how many clients you work with.',
    submit: 'Join as a coach',
    nextSteps: [
      'An admin reviews your request.',
      'Once you are approved, an invitation arrives by email with a link to create your account.',
      'Sign up with the address you used here: your account is a coach account from the start.',
      'A short guide then walks you through setting up your practice and inviting clients.',
    ],
    other: { question: 'Coming to coaching through your company?', link: 'Join as a client' },
  },
  client: {
    cardTitle: 'For clients',
    tagline: 'Grow with your company',
    pitch:
      'Your company offers you coaching. Join through it, connect with your coach and keep your goals together.',
    heading: 'Get coached where you work',
    lead: 'Arete is invitation only while it grows. Tell us which company you come with: an admin reviews each request and invites you with the client role.',
    benefits: [
      'Coaching through the company you work for.',
      'Your coach, or a way to tell your company you are interested.',
      'Your goals and the documents you share with your coach, in one place.',
    ],
    noteHint: 'The company you work for, and your coach if you already have one.',
    submit: 'Join as a client',
    nextSteps: [
      'An admin reviews your request.',
      'Once you are approved, an invitation arrives by email with a link to create your account.',
      'Sign up with the address you used here: your account is a client account from the start.',
      'A short guide then shows you how to join your company and connect with your coach.',
    ],
    other: { question: 'Do you run a coaching practice?', link: 'Join as a coach' },
  },
};

const FIELDS: (keyof WaitlistFormValues)[] = ['name', 'email', 'note'];

/** "must be a valid email address" → "Must be a valid email address." */
const sentence = (text: string) =>
  `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;

/** Where the form says "thank you": the role's next steps, with the server's receipt. */
export type WaitlistSuccessState = { message?: string };

/**
 * Asks for a place on the waitlist as a coach or a client. Checks fields as they are left (and
 * from then on as they change), shows what the server refuses next to its field, and says how
 * long to wait after too many requests.
 */
export function WaitlistForm({
  joinAs: role,
  initialEmail = '',
  className = '',
}: {
  joinAs: WaitlistRole;
  initialEmail?: string;
  className?: string;
}) {
  const copy = WAITLIST_COPY[role];
  const [values, setValues] = useState<WaitlistFormValues>({
    name: '',
    email: initialEmail,
    note: '',
  });
  const [errors, setErrors] = useState<FieldErrors<WaitlistFormValues>>({});
  const [touched, setTouched] = useState<Partial<Record<keyof WaitlistFormValues, boolean>>>({});
  const [formError, setFormError] = useState<{ title: string; message: string } | null>(null);
  const join = useJoinWaitlist();
  const navigate = useAppNavigate();
  const nameRef = useRef<HTMLInputElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const focus = (field: keyof WaitlistFormValues) =>
    ({ name: nameRef, email: emailRef, note: noteRef })[field].current?.focus();

  function update(field: keyof WaitlistFormValues, value: string) {
    const nextValues = { ...values, [field]: value };
    setValues(nextValues);
    if (touched[field]) {
      setErrors((current) => ({ ...current, [field]: validateWaitlistForm(nextValues)[field] }));
    }
  }

  function leave(field: keyof WaitlistFormValues) {
    if (values[field] === '' && !touched[field]) return;
    setTouched((current) => ({ ...current, [field]: true }));
    setErrors((current) => ({ ...current, [field]: validateWaitlistForm(values)[field] }));
  }

  function showServerError(error: unknown) {
    if (!(error instanceof ApiRequestError)) {
      setFormError({ title: 'Your request was not sent', message: 'Try again in a moment.' });
      return;
    }
    if (error.status === 429) {
      setFormError({
        title: 'Please wait a moment',
        message: tooManyRequestsMessage(error.retryAfterSeconds),
      });
      return;
    }
    const placed: FieldErrors<WaitlistFormValues> = {};
    for (const issue of error.issues) {
      const field = waitlistFieldOf(issue.path);
      if (field && !placed[field]) placed[field] = sentence(issue.message);
    }
    const first = FIELDS.find((field) => placed[field]);
    if (first) {
      setErrors((current) => ({ ...current, ...placed }));
      setTouched((current) => ({ ...current, [first]: true }));
      focus(first);
      return;
    }
    setFormError({ title: 'Your request was not sent', message: error.message });
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateWaitlistForm(values);
    setErrors(found);
    setTouched({ name: true, email: true, note: true });
    const firstInvalid = FIELDS.find((field) => found[field]);
    if (firstInvalid) return focus(firstInvalid);

    setFormError(null);
    join.mutate(
      { role, values },
      {
        onSuccess: (receipt) => {
          // From the landing page's own entry this is a full page load, which drops the state:
          // the success page then says the same receipt in its own words.
          const state: WaitlistSuccessState = { message: receipt.message };
          navigate(`/waitlist/success?role=${role}`, { state });
        },
        onError: showServerError,
      },
    );
  }

  const noteLength = values.note.trim().length;
  return (
    <LabelledForm
      label={`Join the waitlist as a ${role}`}
      onSubmit={handleSubmit}
      className={className}
    >
      {formError && (
        <Alert tone="danger" title={formError.title}>
          <p>{formError.message}</p>
        </Alert>
      )}
      <TextField
        label="Name (optional)"
        name="name"
        autoComplete="name"
        value={values.name}
        onChange={(event) => update('name', event.target.value)}
        onBlur={() => leave('name')}
        error={errors.name}
        inputRef={nameRef}
      />
      <EmailField
        value={values.email}
        onChange={(event) => update('email', event.target.value)}
        onBlur={() => leave('email')}
        error={errors.email}
        inputRef={emailRef}
      />
      <TextAreaField
        label="A short note (optional)"
        name="note"
        value={values.note}
        onChange={(event) => update('note', event.target.value)}
        onBlur={() => leave('note')}
        error={errors.note}
        hint={
          errors.note
            ? undefined
            : noteLength > WAITLIST_NOTE_MAX_LENGTH - 200
              ? `${noteLength} of ${WAITLIST_NOTE_MAX_LENGTH} characters.`
              : copy.noteHint
        }
        textareaRef={noteRef}
      />
      <Button type="submit" className="w-full" pending={join.isPending} pendingLabel="Sending…">
        {copy.submit}
      </Button>
      <p className="text-xs leading-relaxed text-muted-foreground">
        Your email is used only to invite you. Asking twice changes nothing.
      </p>
    </LabelledForm>
  );
}
