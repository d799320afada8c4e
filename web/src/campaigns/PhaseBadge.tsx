import { PHASE_LABEL, phaseTone, type Phase } from "./phase.ts";

export function PhaseBadge({ phase }: { phase: Phase }) {
  return <span className={`badge ${phaseTone(phase)}`.trim()}>{PHASE_LABEL[phase]}</span>;
}
