import { describe, expect, it } from 'vitest';
import { coachingInterestBodySchema } from '../../contract/coaching-interest.ts';
import {
  EMPTY_INTEREST_FORM,
  INTEREST_FORM_WORDS,
  INTEREST_REVIEW_WORDS,
  type InterestFormValues,
  type InterestReviewValues,
  interestBody,
  interestFormSchema,
  interestPatch,
  interestReviewSchema,
  memberName,
} from './coaching-interest.ts';
import { plainResolver } from './plain-resolver.ts';

const RAW = /Too big|Invalid|expected|must be|choose at/;
const options = { fields: {}, shouldUseNativeValidation: false } as const;
const checkForm = (values: InterestFormValues) =>
  plainResolver<InterestFormValues>(interestFormSchema, INTEREST_FORM_WORDS)(
    values,
    undefined,
    options,
  );

const filled: InterestFormValues = {
  goals: ' Lead my new team ',
  focusAreas: 'Leadership, delegation, leadership',
  preferredFormat: 'video',
  availability: '',
  message: '  ',
};

describe('the interest form', () => {
  it('builds the body the contract accepts, leaving out empty optional fields', async () => {
    expect((await checkForm(filled)).errors).toEqual({});
    const body = interestBody(filled);
    expect(body).toEqual({
      goals: 'Lead my new team',
      focusAreas: ['Leadership', 'delegation'],
      preferredFormat: 'video',
    });
    expect(coachingInterestBodySchema.safeParse(body).success).toBe(true);
  });

  it('says what is missing in the member’s words', async () => {
    const { errors } = await checkForm(EMPTY_INTEREST_FORM);
    expect(errors.goals?.message).toBe('Say in a few words what you want from coaching.');
    expect(errors.focusAreas?.message).toBe('Name at least one focus area.');
    expect(errors.preferredFormat?.message).toBe('Choose how you would like to meet.');
  });

  it('treats a list of only commas as no focus area', async () => {
    const { errors } = await checkForm({ ...filled, focusAreas: ' , ,' });
    expect(errors.focusAreas?.message).toBe('Name at least one focus area.');
  });

  it('holds the focus areas to the contract’s limits, without the validator’s words', async () => {
    const many = Array.from({ length: 11 }, (_, index) => `Area ${index}`).join(', ');
    const tooMany = await checkForm({ ...filled, focusAreas: many });
    expect(tooMany.errors.focusAreas?.message).toBe('Use at most 10 items.');
    const tooLong = await checkForm({ ...filled, focusAreas: `Leadership, ${'x'.repeat(81)}` });
    expect(tooLong.errors.focusAreas?.message).toBe('Each focus area: use at most 80 characters.');
    const long = await checkForm({
      ...filled,
      goals: 'x'.repeat(2001),
      availability: 'y'.repeat(501),
    });
    expect(long.errors.goals?.message).toBe('Use at most 2000 characters.');
    expect(long.errors.availability?.message).toBe('Use at most 500 characters.');
    for (const result of [tooMany, tooLong, long]) {
      for (const error of Object.values(result.errors)) {
        expect(String(error?.message)).not.toMatch(RAW);
      }
    }
  });
});

describe('the admin’s review', () => {
  const submission = { status: 'new' as const, notes: 'Called once' };
  const checkReview = (values: InterestReviewValues) =>
    plainResolver<InterestReviewValues>(interestReviewSchema, INTEREST_REVIEW_WORDS)(
      values,
      undefined,
      options,
    );

  it('sends only what changed, emptied notes as null', () => {
    expect(interestPatch(submission, { status: 'new', notes: ' Called once ' })).toBeNull();
    expect(interestPatch(submission, { status: 'contacted', notes: 'Called once' })).toEqual({
      status: 'contacted',
    });
    expect(interestPatch(submission, { status: 'new', notes: '' })).toEqual({ notes: null });
    expect(interestPatch({ status: 'new', notes: null }, { status: 'new', notes: '' })).toBeNull();
  });

  it('holds the notes to the server’s limit', async () => {
    const { errors } = await checkReview({ status: 'new', notes: 'x'.repeat(4001) });
    expect(errors.notes?.message).toBe('Use at most 4000 characters.');
  });
});

describe('memberName', () => {
  it('falls back to the email', () => {
    const member = { identityUserId: 'u', email: 'cleo@example.com' };
    expect(memberName({ member: { ...member, name: 'Cleo' } })).toBe('Cleo');
    expect(memberName({ member: { ...member, name: ' ' } })).toBe('cleo@example.com');
    expect(memberName({ member: { ...member, name: null } })).toBe('cleo@example.com');
  });
});
