import { PHASE_FILTERS, PHASE_LABEL, isPhaseFilter, type PhaseFilter } from "./phase.ts";

export function PhaseFilterSelect({ value, onChange }: { value: PhaseFilter; onChange: (filter: PhaseFilter) => void }) {
  return (
    <div className="row">
      <label htmlFor="phase-filter">Show</label>
      <select id="phase-filter" value={value} onChange={(event) => isPhaseFilter(event.target.value) && onChange(event.target.value)}>
        {PHASE_FILTERS.map((filter) => (
          <option key={filter} value={filter}>
            {filter === "all" ? "All campaigns" : PHASE_LABEL[filter]}
          </option>
        ))}
      </select>
    </div>
  );
}
