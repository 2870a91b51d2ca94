// The report a person reads after a run: a heading, one line per record that changed (or would) or
// needs attention, in file order, and the counts. Unchanged records get no line of their own.
import type { Change, MigrationReport, Outcome } from './migrate.ts';
import type { LegacyFormat } from './parse.ts';

/** A failed record makes the run exit non-zero; an identical duplicate does not (nothing is lost). */
export function isFailure(outcome: Outcome): boolean {
  switch (outcome.status) {
    case 'invalid':
    case 'not found':
    case 'failed':
      return true;
    case 'duplicate':
      return outcome.conflicting.length > 0;
    default:
      return false;
  }
}

export function hasFailures(report: MigrationReport): boolean {
  return report.outcomes.some(isFailure);
}

export function formatReport(
  report: MigrationReport,
  source: { file: string; format: LegacyFormat; provider: 'local' | 'clerk' },
): string {
  const count = report.outcomes.length;
  const into = source.provider === 'clerk' ? 'Clerk' : 'the embedded provider';
  const lines = [
    `${count} legacy user record${count === 1 ? '' : 's'} from ${source.file} (${source.format}) into ${into}` +
      (report.dryRun ? ', dry run: nothing is written.' : '.'),
  ];
  for (const outcome of report.outcomes) {
    const line = lineFor(outcome, report.dryRun);
    if (line) lines.push(line);
  }
  lines.push(summary(report));
  return lines.join('\n');
}

function lineFor(outcome: Outcome, dryRun: boolean): string | undefined {
  const at = `${outcome.where}${outcome.label ? ` (${outcome.label})` : ''}`;
  switch (outcome.status) {
    case 'unchanged':
      return undefined;
    case 'updated':
      return `${at}: ${dryRun ? 'would update' : 'updated'} ${outcome.userId}: ${outcome.changes.map(describeChange).join(', ')}`;
    case 'duplicate': {
      const same = `duplicate: same user (${outcome.userId}) as ${outcome.of}`;
      return outcome.conflicting.length === 0
        ? `${at}: ${same}, with the same values: skipped`
        : `${at}: ${same}, with other values for ${outcome.conflicting.join(', ')}: not applied`;
    }
    default:
      return `${at}: ${outcome.status}: ${outcome.reason}`;
  }
}

function describeChange(change: Change): string {
  return `${change.field} ${shown(change.before)} → ${shown(change.after)}`;
}

function shown(value: unknown): string {
  if (value === undefined) return '(none)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function summary(report: MigrationReport): string {
  const tally = (status: Outcome['status']) =>
    report.outcomes.filter((outcome) => outcome.status === status).length;
  const parts = [
    `${report.dryRun ? 'would update' : 'updated'} ${tally('updated')}`,
    `unchanged ${tally('unchanged')}`,
    `not found ${tally('not found')}`,
    `invalid ${tally('invalid')}`,
    `duplicate ${tally('duplicate')}`,
  ];
  // A provider failure is rare; its count shows only when there is one.
  const failed = tally('failed');
  if (failed > 0) parts.push(`failed ${failed}`);
  const text = parts.join(', ');
  return `${text[0]?.toUpperCase()}${text.slice(1)}.`;
}
