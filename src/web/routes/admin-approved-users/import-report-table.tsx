import type { ImportReport } from '../../../contract/waitlist.ts';
import { plainRowError } from '../../lib/plain-errors.ts';
import {
  IMPORT_OUTCOME_LABELS,
  IMPORT_PREVIEW_LABELS,
  summarizeImport,
} from '../../lib/waitlist.ts';

/** Rows shown in a report; a long file's report says how many more there are. */
const REPORT_ROWS_SHOWN = 200;

type Row = ImportReport['rows'][number];

/**
 * What became of each row: in a preview what it would do ("Would be added"), after an import what
 * it did ("Added"), and for an import that changed nothing, that it was not imported. Errors are
 * said in plain words.
 */
function outcomeText(report: ImportReport, row: Row, preview: boolean): string {
  if (row.outcome === 'invalid') return 'Error';
  if (preview) return IMPORT_PREVIEW_LABELS[row.outcome];
  return report.applied ? IMPORT_OUTCOME_LABELS[row.outcome] : 'Not imported';
}

export function ImportReportTable({
  report,
  title,
  summary,
}: {
  report: ImportReport;
  title: 'Preview' | 'Import report';
  summary?: string;
}) {
  const preview = title === 'Preview';
  const rows = report.rows.slice(0, REPORT_ROWS_SHOWN);
  return (
    <section aria-labelledby="import-report-title">
      <h3 id="import-report-title" className="text-sm font-semibold text-foreground">
        {title}
      </h3>
      <p className="text-sm text-muted-foreground">{summary ?? summarizeImport(report)}</p>
      {rows.length > 0 && (
        // Focusable, so that a keyboard can scroll a long report too.
        <section
          aria-label="Each row"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus
          tabIndex={0}
          className="relative mt-2 max-h-96 overflow-auto rounded-lg border border-border"
        >
          <table className="w-full text-left text-sm">
            <caption className="sr-only">
              {preview ? 'What each row would do' : 'What the import did with each row'}
            </caption>
            <thead className="sticky top-0 border-b border-border bg-surface-muted text-xs text-muted-foreground">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  Row
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Email
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Result
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.row} className="border-b border-border align-top last:border-b-0">
                  <td className="px-3 py-2 font-mono text-muted-foreground">{row.row}</td>
                  <td className="px-3 py-2 break-all">{row.email ?? '—'}</td>
                  <td className="px-3 py-2">
                    {row.outcome === 'invalid' ? (
                      <>
                        <span className="font-medium text-danger">Error</span>
                        <ul className="mt-0.5 text-danger">
                          {row.errors.map((error) => (
                            <li key={error}>{plainRowError(error)}</li>
                          ))}
                        </ul>
                      </>
                    ) : (
                      <span className={preview ? 'text-success' : 'text-foreground'}>
                        {outcomeText(report, row, preview)}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {report.rows.length > rows.length && (
        <p className="mt-2 text-sm text-muted-foreground">
          And {report.rows.length - rows.length} more rows.
        </p>
      )}
    </section>
  );
}
