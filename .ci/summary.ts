// Totals the test reports of a CI run into the one plain line CI reads: "N passed, N failed".
// Arguments: the names of the steps that failed; a failed step that is not a test suite counts once.
import { existsSync, readFileSync } from 'node:fs';

type VitestReport = { numPassedTests: number; numFailedTests: number };
type PlaywrightReport = { stats: { expected: number; unexpected: number; flaky: number } };

const suites = [
  { step: 'tests on PGlite', file: 'test-results/vitest-pglite.json', kind: 'vitest' },
  { step: 'tests on PostgreSQL', file: 'test-results/vitest-postgres.json', kind: 'vitest' },
  {
    step: 'two servers on one database',
    file: 'test-results/vitest-servers.json',
    kind: 'vitest',
  },
  { step: 'browser journeys', file: 'test-results/e2e.json', kind: 'playwright' },
] as const;

const failedSteps = new Set(process.argv.slice(2));
let passed = 0;
let failed = 0;

for (const suite of suites) {
  if (!existsSync(suite.file)) {
    console.info(`${suite.step}: no report`);
    failed += 1;
    failedSteps.delete(suite.step);
    continue;
  }
  const report = JSON.parse(readFileSync(suite.file, 'utf8'));
  const [suitePassed, suiteFailed] =
    suite.kind === 'vitest'
      ? [(report as VitestReport).numPassedTests, (report as VitestReport).numFailedTests]
      : [
          (report as PlaywrightReport).stats.expected + (report as PlaywrightReport).stats.flaky,
          (report as PlaywrightReport).stats.unexpected,
        ];
  console.info(`${suite.step}: ${suitePassed} passed, ${suiteFailed} failed`);
  passed += suitePassed;
  failed += suiteFailed;
  // A suite that failed with no failed test (an error outside tests, or no test at all) still fails.
  if (failedSteps.delete(suite.step) && suiteFailed === 0) failed += 1;
}
for (const step of failedSteps) {
  console.info(`${step}: failed`);
  failed += 1;
}
if (passed === 0) failed += 1;

console.info(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
