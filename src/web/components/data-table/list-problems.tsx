import { Link } from 'react-router';
import type { UrlProblem } from '../../lib/list-state.ts';
import { Alert } from '../alert.tsx';
import { linkClass } from '../link-classes.ts';

/**
 * What the address asked for that the list could not use (`?status=bogus`, `?page=abc`), said
 * once in plain words above the list, which shows what it can without it. The link drops those
 * parameters from the address.
 */
export function ListProblems({ list }: { list: { problems: UrlProblem[]; cleanHref: string } }) {
  if (list.problems.length === 0) return null;
  return (
    <Alert tone="warning" title="Part of this address could not be used">
      <ul className={list.problems.length > 1 ? 'list-disc pl-5' : ''}>
        {list.problems.map((problem) => (
          <li key={problem.key}>{problem.message}</li>
        ))}
      </ul>
      <p className="mt-1">
        <Link to={list.cleanHref} replace className={linkClass}>
          Remove it from the address
        </Link>
      </p>
    </Alert>
  );
}
