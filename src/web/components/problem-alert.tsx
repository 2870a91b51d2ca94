import { useFocusWhen } from '../hooks/use-focus-when.ts';
import type { FormProblem } from '../lib/auth-errors.ts';
import { Alert } from './alert.tsx';

/**
 * What stopped a form, above its fields. It takes the focus when it appears: the submit button
 * that had it was disabled while sending, and the keyboard goes on from the message.
 */
export function ProblemAlert({ problem }: { problem: FormProblem | null }) {
  const ref = useFocusWhen<HTMLDivElement>(problem);
  if (!problem) return null;
  return (
    <div ref={ref} tabIndex={-1} className="outline-none">
      <Alert tone="danger" title={problem.title}>
        <p>{problem.message}</p>
      </Alert>
    </div>
  );
}
