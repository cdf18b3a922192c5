import { useSearchParams } from 'react-router-dom';

/**
 * The page's query-string parameters and a setter that changes some of them (null or '' removes one),
 * replacing the history entry so filters do not pile up in the back button.
 */
export function useUrlParams() {
  const [params, setParams] = useSearchParams();
  const update = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );
  return [params, update] as const;
}
