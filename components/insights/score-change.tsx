import { formatChange } from "./format";

/** A score going up or down, said in words as well as with an arrow and colour. */
export function ScoreChange({ change, suffix }: { change: number | null; suffix?: string }) {
  if (change === null) return <span className="text-slate-600">no comparison yet</span>;
  const tone = change > 0 ? "text-emerald-800" : change < 0 ? "text-red-700" : "text-slate-700";
  const arrow = change > 0 ? "▲" : change < 0 ? "▼" : "■";
  const words = change > 0 ? "up" : change < 0 ? "down" : "no change";
  return (
    <span className={`font-semibold whitespace-nowrap ${tone}`}>
      <span aria-hidden="true">{arrow} </span>
      {formatChange(change)}
      <span className="sr-only"> ({words})</span>
      {suffix ? <span className="font-normal text-slate-700"> {suffix}</span> : null}
    </span>
  );
}

/** "73" or "–" with an explanation for screen readers when nobody has rated yet. */
export function ScoreValue({ score }: { score: number | null }) {
  if (score === null)
    return (
      <span className="text-slate-600" title="No ratings yet">
        –<span className="sr-only">no ratings yet</span>
      </span>
    );
  return <span className="tabular-nums">{score}</span>;
}
