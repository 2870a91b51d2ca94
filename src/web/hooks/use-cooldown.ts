import { useCallback, useEffect, useState } from 'react';
import { secondsLeft } from '../lib/password-links.ts';

/**
 * A wait before something may be done again (sending a link once more): `start(seconds)` begins
 * it, `remaining` counts down in whole seconds and is 0 when it is over.
 */
export function useCooldown(): { remaining: number; start: (seconds: number) => void } {
  const [until, setUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (until === null) return;
    const timer = window.setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= until) setUntil(null);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [until]);

  const start = useCallback((seconds: number) => {
    const current = Date.now();
    setNow(current);
    setUntil(seconds > 0 ? current + seconds * 1000 : null);
  }, []);

  return { remaining: until === null ? 0 : secondsLeft(until, now), start };
}
