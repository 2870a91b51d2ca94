import { useEffect, useRef } from 'react';

/**
 * A ref whose element gets keyboard focus each time `trigger` becomes truthy (or changes to another
 * truthy value): a message that replaced what had focus (a button disabled while it was sending)
 * takes it, so it is read out and the keyboard goes on from there. Give the element tabIndex={-1}.
 */
export function useFocusWhen<T extends HTMLElement>(trigger: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (trigger) ref.current?.focus();
  }, [trigger]);
  return ref;
}
