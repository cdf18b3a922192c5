import { useSearchParams } from 'react-router-dom';

/**
 * The page's query-string parameters and a setter that changes some of them (null or '' removes one; the
 * others stay). By default it replaces the history entry so filters do not pile up in the back button;
 * `{ replace: false }` adds an entry instead, for a change the back button should undo (another import job,
 * another organization's tree).
 */
export function useUrlParams() {
  const [params, setParams] = useSearchParams();
  const update = (changes: Record<string, string | null | undefined>, { replace = true } = {}) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace },
    );
  return [params, update] as const;
}
