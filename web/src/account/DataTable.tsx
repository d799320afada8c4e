// A titled table that scrolls sideways on a phone, or a sentence saying what to do when empty.
import { useId, type ReactNode } from "react";

interface Props {
  title: string;
  headers: string[];
  rows: { key: string; cells: ReactNode[] }[];
  empty: ReactNode;
  loading?: boolean;
}

export function DataTable({ title, headers, rows, empty, loading }: Props) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {loading ? (
        <p role="status">Loading…</p>
      ) : rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={`${title} (scrolls sideways)`}>
          <table>
            <thead>
              <tr>
                {headers.map((header) => (
                  <th key={header} scope="col">{header}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  {row.cells.map((cell, i) => (
                    <td key={headers[i] ?? i}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
