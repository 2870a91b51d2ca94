import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { coachPracticeFields } from '../../contract/tenants.ts';
import { approvedUserBodySchema } from '../../contract/waitlist.ts';
import { splitList } from './organizations.ts';
import { plainResolver } from './plain-resolver.ts';

type Values = { email: string; role: string; name: string; notes: string };
const resolver = plainResolver<Values>(approvedUserBodySchema, {
  email: { name: 'the email address', missing: 'Enter the email address.' },
  role: { name: 'the role', missing: 'Choose the role their account gets.' },
  name: { name: 'the name' },
});
const check = (values: Values) =>
  resolver(values, undefined, { fields: {}, shouldUseNativeValidation: false });

describe('plainResolver', () => {
  it('passes what the server accepts, leaving empty optional fields out', async () => {
    const result = await check({ email: ' Ada@Example.com ', role: 'coach', name: '', notes: '' });
    expect(result.errors).toEqual({});
    expect(result.values).toMatchObject({ email: ' Ada@Example.com ', role: 'coach' });
  });

  it('says what is missing, and what is wrong, in plain words', async () => {
    const result = await check({
      email: 'not-an-email',
      role: '',
      name: 'x'.repeat(121),
      notes: 'fine',
    });
    expect(result.errors).toEqual({
      email: { type: 'invalid_format', message: 'Enter an email address like name@example.com.' },
      role: { type: 'invalid_value', message: 'Choose the role their account gets.' },
      name: { type: 'too_big', message: 'Use at most 120 characters.' },
    });
  });

  it('holds an address to the server’s 254 characters', async () => {
    const result = await check({
      email: `${'a'.repeat(250)}@example.com`,
      role: 'client',
      name: '',
      notes: '',
    });
    expect(result.errors.email?.message).toBe('Use at most 254 characters.');
  });

  it('says an empty required field is missing', async () => {
    const result = await check({ email: '   ', role: 'client', name: '', notes: '' });
    expect(result.errors.email?.message).toBe('Enter the email address.');
  });
});

describe('plainResolver with a list typed in one field', () => {
  const listResolver = plainResolver<{ specialties: string }>(
    z.object({
      specialties: z.string().transform(splitList).pipe(coachPracticeFields.specialties),
    }),
    {
      specialties: {
        name: 'the specialties',
        missing: 'Name at least one specialty.',
        each: 'Each specialty',
      },
    },
  );
  const checkList = (specialties: string) =>
    listResolver({ specialties }, undefined, { fields: {}, shouldUseNativeValidation: false });

  it('says which limit one item broke', async () => {
    const result = await checkList(`Leadership, ${'x'.repeat(81)}`);
    expect(result.errors.specialties?.message).toBe('Each specialty: use at most 80 characters.');
  });

  it('says the list is empty or too long in plain words', async () => {
    expect((await checkList(', ,')).errors.specialties?.message).toBe(
      'Name at least one specialty.',
    );
    const many = Array.from({ length: 21 }, (_, index) => `S${index}`).join(',');
    expect((await checkList(many)).errors.specialties?.message).toBe('Use at most 20 items.');
  });
});
