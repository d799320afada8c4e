// Time left to pay. The ticking text is a timer (not announced every second); expiry is
// announced once by the caller's status message.
import { formatCountdown } from "./countdown.ts";

export function Countdown({ seconds }: { seconds: number }) {
  if (seconds <= 0) return <span className="badge bad">Expired</span>;
  return (
    <span role="timer" aria-label={`Time left to pay: ${formatCountdown(seconds)}`} className={seconds < 60 ? "error" : undefined}>
      {formatCountdown(seconds)}
    </span>
  );
}
