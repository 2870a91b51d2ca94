// Mail that belongs with a change (an invitation) is a durable job recorded in the change's own
// transaction: it goes out once the change commits, again after a crash, never for a rollback.
import type { Database } from '../db/client.ts';
import { enqueueJob, jobKind } from '../jobs/repository.ts';
import { exponentialBackoff, type JobRunner } from '../jobs/runner.ts';
import type { Mail, Mailer } from './mailer.ts';

export const mailJob = jobKind<Mail>('mail.send');

/** Queues `mail` in the caller's transaction; wake the runner (`nudge`) after the commit. */
export async function queueMail(tx: Database, mail: Mail): Promise<void> {
  await enqueueJob(tx, { kind: mailJob, payload: mail });
}

export function registerMailJob(jobs: JobRunner, mailer: Mailer): void {
  jobs.register(mailJob, (mail) => mailer.send(mail), {
    concurrency: 2,
    maxAttempts: 15,
    backoff: exponentialBackoff(),
  });
}
