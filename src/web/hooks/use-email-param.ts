import { useSearchParams } from 'react-router';
import { emailOrNull } from '../lib/sign-up-validation.ts';

/** The address a link carried (`?email=…`), if it is one: mails and other pages fill it in. */
export function useEmailParam(): string | null {
  const [searchParams] = useSearchParams();
  return emailOrNull(searchParams.get('email'));
}
