// The tables of every module, gathered for drizzle-kit and the typed client. Nothing else lives here.
export * from '../modules/audit/schema.ts';
