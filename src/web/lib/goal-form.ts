import type { FieldErrors, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import type { SuggestionView } from '../../contract/goal-suggestions.ts';
import {
  type CheckInBody,
  checkInBodySchema,
  createGoalBodySchema,
  type GoalView,
  goalAreaSchema,
  newKeyResultSchema,
  newMilestoneSchema,
  type UpdateGoalBody,
} from '../../contract/goals.ts';
import { type FieldWords, messageUnderField, reasonOf } from './plain-errors.ts';

/*
 * The goal forms (create, propose, edit a suggestion or a proposal before accepting it) and the
 * check-in form: their values as typed, checked with the contract's schemas field by field (so the
 * server's limits, in plain words under each field), and the request bodies made from them. A key
 * result's numbers are typed as text and read here ("3,5" is 3.5). Pure: the dialogs use it.
 */

export type KeyResultRow = { title: string; startValue: string; targetValue: string; unit: string };
export type MilestoneRow = { title: string };

export type GoalFormValues = {
  title: string;
  area: string;
  description: string;
  whyItMatters: string;
  targetDate: string;
  keyResults: KeyResultRow[];
  milestones: MilestoneRow[];
};

/** What a valid goal form makes: the fields every goal request shares. */
export type GoalFields = {
  title: string;
  area: GoalView['area'];
  description?: string;
  whyItMatters?: string;
  targetDate?: string;
  keyResults: {
    title: string;
    startValue: number;
    targetValue: number;
    unit?: string;
    weight: number;
  }[];
  milestones: { title: string }[];
};

export const EMPTY_KEY_RESULT: KeyResultRow = {
  title: '',
  startValue: '0',
  targetValue: '',
  unit: '',
};

export function emptyGoalForm(): GoalFormValues {
  return {
    title: '',
    area: '',
    description: '',
    whyItMatters: '',
    targetDate: '',
    keyResults: [],
    milestones: [],
  };
}

const numberText = (value: number) => String(value);

/** A suggestion's draft as the form's values, to edit before accepting it. */
export function goalFormFromSuggestion(suggestion: SuggestionView): GoalFormValues {
  return {
    ...emptyGoalForm(),
    title: suggestion.title,
    area: suggestion.area,
    description: suggestion.description,
    keyResults: suggestion.keyResults.map((keyResult) => ({
      title: keyResult.title,
      startValue: numberText(keyResult.startValue),
      targetValue: numberText(keyResult.targetValue),
      unit: keyResult.unit ?? '',
    })),
    milestones: suggestion.milestones.map((title) => ({ title })),
  };
}

/** A goal's own fields as the form's values (a proposal: its steps are not edited there). */
export function goalFormFromGoal(goal: GoalView): GoalFormValues {
  return {
    ...emptyGoalForm(),
    title: goal.title,
    area: goal.area,
    description: goal.description ?? '',
    whyItMatters: goal.whyItMatters ?? '',
    targetDate: goal.targetDate ?? '',
  };
}

/** A number as people type it: "12", "-3", "3.5" or "3,5". Null when it is none. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(/\s/g, '');
  if (!/^-?(\d+([.,]\d*)?|[.,]\d+)$/.test(trimmed)) return null;
  const value = Number(trimmed.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

const WORDS: Record<string, FieldWords> = {
  title: { name: 'the title', missing: 'Enter a title for the goal.' },
  area: { name: 'the area', missing: 'Choose the area it belongs to.' },
  description: { name: 'the description' },
  whyItMatters: { name: 'why it matters' },
  targetDate: { name: 'the target date' },
  keyResultTitle: { name: 'what you will measure', missing: 'Say what you will measure.' },
  unit: { name: 'the unit' },
  milestoneTitle: { name: 'the milestone', missing: 'Name the milestone, or remove it.' },
};

const goalShape = createGoalBodySchema.shape;
const keyResultShape = newKeyResultSchema.shape;

type Errors = Record<string, string>;

/** Checks one value with a contract schema; the message under the field when it fails. */
function check<T>(
  schema: z.ZodType<T>,
  value: unknown,
  words: FieldWords,
): { ok: true; value: T } | { ok: false; message: string } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const blank = typeof value === 'string' && value.trim() === '';
  const message = blank
    ? (words.missing ?? `Enter ${words.name}.`)
    : messageUnderField(reasonOf(parsed.error.issues[0]?.message ?? ''), words);
  return { ok: false, message };
}

const isBlankRow = (row: KeyResultRow) =>
  row.title.trim() === '' && row.targetValue.trim() === '' && row.unit.trim() === '';

/**
 * Checks a goal form: the errors by field path (`keyResults.0.targetValue`), or the fields to send.
 * `withSteps` false leaves key results and milestones out (a proposal's are not edited). A row of
 * key result left entirely blank is dropped, not refused.
 */
export function checkGoalForm(
  values: GoalFormValues,
  { withSteps = true }: { withSteps?: boolean } = {},
): { fields: GoalFields; errors: null } | { fields: null; errors: Errors } {
  const errors: Errors = {};
  const optional = (key: 'description' | 'whyItMatters' | 'targetDate', schema: z.ZodType) => {
    const text = values[key].trim();
    if (text === '') return undefined;
    const result = check(schema, text, WORDS[key] as FieldWords);
    if (!result.ok) errors[key] = result.message;
    return result.ok ? (result.value as string) : undefined;
  };

  const title = check(goalShape.title, values.title, WORDS.title as FieldWords);
  if (!title.ok) errors.title = title.message;
  const area = goalAreaSchema.safeParse(values.area);
  if (!area.success) errors.area = WORDS.area?.missing ?? '';
  const description = optional('description', goalShape.description.unwrap());
  const whyItMatters = optional('whyItMatters', goalShape.whyItMatters.unwrap());
  const targetDate = optional('targetDate', goalShape.targetDate.unwrap());

  const keyResults: GoalFields['keyResults'] = [];
  const milestones: GoalFields['milestones'] = [];
  if (withSteps) {
    values.keyResults.forEach((row, index) => {
      if (isBlankRow(row)) return;
      const at = `keyResults.${index}`;
      const rowTitle = check(keyResultShape.title, row.title, WORDS.keyResultTitle as FieldWords);
      if (!rowTitle.ok) errors[`${at}.title`] = rowTitle.message;
      const start = parseNumber(row.startValue);
      if (start === null) errors[`${at}.startValue`] = 'Enter the number you start from, like 0.';
      const target = parseNumber(row.targetValue);
      if (target === null) errors[`${at}.targetValue`] = 'Enter the number to reach, like 10.';
      else if (start !== null && start === target)
        errors[`${at}.targetValue`] = 'Choose a target different from the start.';
      const unit = row.unit.trim();
      const unitCheck = unit
        ? check(keyResultShape.unit.unwrap(), unit, WORDS.unit as FieldWords)
        : null;
      if (unitCheck && !unitCheck.ok) errors[`${at}.unit`] = unitCheck.message;
      if (rowTitle.ok && start !== null && target !== null)
        keyResults.push({
          title: rowTitle.value,
          startValue: start,
          targetValue: target,
          ...(unit && { unit }),
          weight: 1,
        });
    });
    values.milestones.forEach((row, index) => {
      const result = check(
        newMilestoneSchema.shape.title,
        row.title,
        WORDS.milestoneTitle as FieldWords,
      );
      if (!result.ok) errors[`milestones.${index}.title`] = result.message;
      else milestones.push({ title: result.value });
    });
  }

  if (Object.keys(errors).length > 0 || !title.ok || !area.success) return { fields: null, errors };
  return {
    errors: null,
    fields: {
      title: title.value,
      area: area.data,
      ...(description && { description }),
      ...(whyItMatters && { whyItMatters }),
      ...(targetDate && { targetDate }),
      keyResults,
      milestones,
    },
  };
}

/** Errors by path (`keyResults.0.title`) in react-hook-form's nested shape. */
export function nestErrors(errors: Errors): FieldErrors {
  const root: Record<string, unknown> = {};
  for (const [path, message] of Object.entries(errors)) {
    const parts = path.split('.');
    let node: Record<string, unknown> = root;
    parts.forEach((part, index) => {
      if (index === parts.length - 1) {
        node[part] = { type: 'validate', message };
        return;
      }
      const next = parts[index + 1] ?? '';
      node[part] ??= /^\d+$/.test(next) ? [] : {};
      node = node[part] as Record<string, unknown>;
    });
  }
  return root as FieldErrors;
}

/** A react-hook-form resolver for a goal form (see `checkGoalForm`). */
export function goalFormResolver(options: { withSteps?: boolean } = {}): Resolver<GoalFormValues> {
  return async (values) => {
    const result = checkGoalForm(values, options);
    return result.errors
      ? { values: {}, errors: nestErrors(result.errors) as FieldErrors<GoalFormValues> }
      : { values, errors: {} };
  };
}

/* ------------------------------------------------------------------------------------------ */
/* Edits before accepting                                                                      */
/* ------------------------------------------------------------------------------------------ */

const sameSteps = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What the client changed in a suggestion before accepting it: only those fields, so that a
 * suggestion accepted unchanged counts as accepted, not edited. Empty when nothing changed.
 * Whenever anything is sent, the key results and milestones go with it as they stand: the
 * server reads a list left out of the edits as an empty one (the contract's default), which
 * would drop the suggestion's steps.
 */
export function suggestionEdits(
  suggestion: SuggestionView,
  fields: GoalFields,
  visibility?: 'private' | 'shared',
): Partial<GoalFields> & { visibility?: 'private' | 'shared' } {
  const edits: Partial<GoalFields> & { visibility?: 'private' | 'shared' } = {};
  if (fields.title !== suggestion.title) edits.title = fields.title;
  if (fields.area !== suggestion.area) edits.area = fields.area;
  if ((fields.description ?? '') !== suggestion.description)
    edits.description = fields.description ?? '';
  if (fields.whyItMatters) edits.whyItMatters = fields.whyItMatters;
  if (fields.targetDate) edits.targetDate = fields.targetDate;
  const suggested = suggestion.keyResults.map((keyResult) => ({
    title: keyResult.title,
    startValue: keyResult.startValue,
    targetValue: keyResult.targetValue,
    ...(keyResult.unit && { unit: keyResult.unit }),
    weight: 1,
  }));
  const stepsChanged =
    !sameSteps(fields.keyResults, suggested) ||
    !sameSteps(
      fields.milestones,
      suggestion.milestones.map((title) => ({ title })),
    );
  if (visibility) edits.visibility = visibility;
  if (stepsChanged || Object.keys(edits).length > 0) {
    edits.keyResults = fields.keyResults;
    edits.milestones = fields.milestones;
  }
  return edits;
}

/**
 * Accepting a proposal, with what the client changed in its fields: a PATCH to `status` (not
 * started, or in progress at once) with only the changed fields; a field emptied is cleared (null).
 */
export function proposalAcceptance(
  goal: GoalView,
  fields: GoalFields | null,
  status: 'not_started' | 'in_progress',
): UpdateGoalBody {
  const body: UpdateGoalBody = { status };
  if (!fields) return body;
  if (fields.title !== goal.title) body.title = fields.title;
  if (fields.area !== goal.area) body.area = fields.area;
  const cleared = <T>(value: T | undefined) => value ?? null;
  if (cleared(fields.description) !== goal.description)
    body.description = cleared(fields.description);
  if (cleared(fields.whyItMatters) !== goal.whyItMatters)
    body.whyItMatters = cleared(fields.whyItMatters);
  if (cleared(fields.targetDate) !== goal.targetDate) body.targetDate = cleared(fields.targetDate);
  return body;
}

/* ------------------------------------------------------------------------------------------ */
/* Check-ins                                                                                   */
/* ------------------------------------------------------------------------------------------ */

/** In the order of the goal's key results and milestones. */
export type CheckInFormValues = {
  values: string[];
  milestones: boolean[];
  confidence: string;
  note: string;
};

export const CONFIDENCE_LABELS: Record<number, string> = {
  1: 'Not confident',
  2: 'Unsure',
  3: 'Fairly confident',
  4: 'Confident',
  5: 'Very confident',
};

export function checkInDefaults(
  goal: Pick<GoalView, 'keyResults' | 'milestones'>,
): CheckInFormValues {
  return {
    values: goal.keyResults.map((keyResult) => numberText(keyResult.currentValue)),
    milestones: goal.milestones.map((milestone) => milestone.doneAt !== null),
    confidence: '',
    note: '',
  };
}

export const NOTHING_TO_CHECK_IN =
  'Nothing changed: enter a new value, tick a milestone or write a note.';

/**
 * Checks a check-in: errors by field path, or the body with only what changed (a value typed as it
 * was is not sent again). `empty` when nothing changed and there is no note: the server refuses it.
 */
export function checkCheckIn(
  goal: Pick<GoalView, 'keyResults' | 'milestones'>,
  form: CheckInFormValues,
): { body: CheckInBody | null; errors: Errors; empty: boolean } {
  const errors: Errors = {};
  const values: CheckInBody['values'] = [];
  goal.keyResults.forEach((keyResult, index) => {
    const typed = form.values[index] ?? '';
    const value = parseNumber(typed);
    if (value === null) {
      errors[`values.${index}`] = 'Enter a number, like 12 or 3.5.';
      return;
    }
    const range = checkInBodySchema.shape.values.unwrap().element.shape.value.safeParse(value);
    if (!range.success) errors[`values.${index}`] = 'Enter a smaller number.';
    else if (value !== keyResult.currentValue) values.push({ keyResultId: keyResult.id, value });
  });
  const milestones: CheckInBody['milestones'] = [];
  goal.milestones.forEach((milestone, index) => {
    const done = form.milestones[index] === true;
    if (done !== (milestone.doneAt !== null)) milestones.push({ milestoneId: milestone.id, done });
  });
  const confidence = Number(form.confidence);
  if (!Number.isInteger(confidence) || confidence < 1 || confidence > 5)
    errors.confidence = 'Choose how confident you are, from 1 to 5.';
  const note = form.note.trim();
  const noteCheck = note
    ? check(checkInBodySchema.shape.note.unwrap(), note, { name: 'the note' })
    : null;
  if (noteCheck && !noteCheck.ok) errors.note = noteCheck.message;

  const empty = values.length === 0 && milestones.length === 0 && note === '';
  if (Object.keys(errors).length > 0 || empty) return { body: null, errors, empty };
  return {
    body: { values, milestones, confidence, ...(note && { note }) },
    errors,
    empty: false,
  };
}

/** A react-hook-form resolver for the check-in form; "nothing changed" is the dialog's to say. */
export function checkInResolver(
  goal: Pick<GoalView, 'keyResults' | 'milestones'>,
): Resolver<CheckInFormValues> {
  return async (values) => {
    const { errors } = checkCheckIn(goal, values);
    return Object.keys(errors).length > 0
      ? { values: {}, errors: nestErrors(errors) as FieldErrors<CheckInFormValues> }
      : { values, errors: {} };
  };
}
