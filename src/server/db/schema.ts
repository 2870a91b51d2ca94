// The tables of every module, gathered for drizzle-kit and the typed client. Nothing else lives here.
export * from '../identity/local/schema.ts';
export * from '../identity/schema.ts';
export * from '../jobs/schema.ts';
export * from '../mail/schema.ts';
export * from '../modules/audit/schema.ts';
export * from '../modules/coaching-interest/schema.ts';
export * from '../modules/documents/schema.ts';
export * from '../modules/goal-suggestions/schema.ts';
export * from '../modules/goals/schema.ts';
export * from '../modules/profiles/schema.ts';
export * from '../modules/relationships/schema.ts';
export * from '../modules/tenants/schema.ts';
export * from '../modules/waitlist/schema.ts';
