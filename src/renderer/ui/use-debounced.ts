import { useEffect, useState } from 'react';

/**
 * `value`, but only once it has stayed the same for `ms`: holding an arrow key through a folder
 * then asks main for one object's details at the end, not one per row passed.
 */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
