// A wide table's sideways-scrolling box on a narrow screen. It takes keyboard focus so that
// people who cannot use a pointer can scroll it too (axe: scrollable-region-focusable).
import type { ReactNode } from "react";

export function ScrollArea({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="group" aria-label={label}>
      {children}
    </div>
  );
}
