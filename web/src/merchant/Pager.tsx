// Previous / next buttons under a cursor-paginated table.
export function Pager({ label, page, hasPrevious, hasNext, onPrevious, onNext }: {
  label: string;
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) {
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav className="row" aria-label={`${label} pages`}>
      <button type="button" className="button secondary" disabled={!hasPrevious} onClick={onPrevious}>
        Previous
      </button>
      <span className="muted">Page {page}</span>
      <button type="button" className="button secondary" disabled={!hasNext} onClick={onNext}>
        Next
      </button>
    </nav>
  );
}
