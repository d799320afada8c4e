// Previous/next over cursor-paginated lists: a stack of the cursors of the pages already seen.
import { useCallback, useState } from "react";

export function useCursorPages() {
  const [stack, setStack] = useState<(string | null)[]>([null]);
  const after = stack[stack.length - 1] ?? null;
  const next = useCallback((endCursor: string | null) => endCursor && setStack((pages) => [...pages, endCursor]), []);
  const previous = useCallback(() => setStack((pages) => (pages.length > 1 ? pages.slice(0, -1) : pages)), []);
  const reset = useCallback(() => setStack([null]), []);
  return { after, page: stack.length, next, previous, reset, hasPrevious: stack.length > 1 };
}
