"use client";

// "What do you think of this support article?" — one vote per visitor, changeable, shown again
// on reload; after Sad, an optional comment. The page itself is cached, so the visitor's own
// vote is fetched here.
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { COMMENT_MAX, type Rating, RATING_LABELS, RATINGS } from "@/lib/feedback/constants";

const FACES: Record<Rating, string> = { happy: "😀", normal: "😐", sad: "😞" };

type Vote = { rating: Rating; comment: string | null };

async function send(body: object): Promise<Vote> {
  const response = await fetch("/api/feedback", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.error ?? "Your feedback could not be saved. Please try again.");
  return data.vote;
}

export function RatingWidget({ article }: { article: string }) {
  const id = useId();
  const [vote, setVote] = useState<Vote | null>(null);
  const [status, setStatus] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const [comment, setComment] = useState("");
  const [commentSent, setCommentSent] = useState(false);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const [askForComment, setAskForComment] = useState(false);

  useEffect(() => {
    if (askForComment) commentRef.current?.focus();
  }, [askForComment]);

  useEffect(() => {
    let cancelled = false;
    fetch(`/api/feedback?article=${encodeURIComponent(article)}`)
      .then((response) => (response.ok ? response.json() : { vote: null }))
      .then((data: { vote: Vote | null }) => {
        if (cancelled || !data.vote) return;
        setVote(data.vote);
        setComment(data.vote.comment ?? "");
        setCommentSent(Boolean(data.vote.comment));
      })
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, [article]);

  async function rate(rating: Rating) {
    setBusy(true);
    setError("");
    try {
      const saved = await send({ article, rating });
      setVote(saved);
      setCommentSent(false);
      setComment("");
      setStatus(
        rating === "sad"
          ? "Thanks for telling us. What were you looking for? You can add a comment below."
          : `Thanks for your feedback! You rated this article ${RATING_LABELS[rating]}.`,
      );
      setAskForComment(rating === "sad");
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function sendComment(event: React.FormEvent) {
    event.preventDefault();
    if (!comment.trim()) return;
    setBusy(true);
    setError("");
    try {
      setVote(await send({ article, rating: "sad", comment }));
      setCommentSent(true);
      setStatus("Thank you. Your comment goes straight to the people who write these articles.");
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-2xl border border-slate-200 bg-white px-6 py-6">
      <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
        What do you think of this support article?
      </h2>
      <div role="group" aria-labelledby={`${id}-title`} className="mt-4 flex flex-wrap gap-3">
        {RATINGS.map((rating) => {
          const pressed = vote?.rating === rating;
          return (
            <button
              key={rating}
              type="button"
              aria-pressed={pressed}
              disabled={busy}
              onClick={() => rate(rating)}
              className={`inline-flex min-w-28 items-center justify-center gap-2 rounded-xl border-2 px-4 py-2.5 font-medium transition-colors disabled:cursor-wait ${
                pressed ? "border-brand-700 bg-brand-50 text-brand-900" : "border-slate-200 bg-white text-slate-800 hover:border-slate-400"
              }`}
            >
              <span aria-hidden="true" className="text-2xl leading-none">
                {FACES[rating]}
              </span>
              {RATING_LABELS[rating]}
            </button>
          );
        })}
      </div>
      <p role="status" className="mt-4 min-h-6 text-sm text-slate-700">
        {status}
      </p>
      {error && (
        <p role="alert" className="mt-2 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
      {vote?.rating === "sad" && !commentSent && (
        <form onSubmit={sendComment} className="mt-3">
          <label htmlFor={`${id}-comment`} className="block text-sm font-medium text-slate-900">
            What were you looking for? <span className="font-normal text-slate-600">(optional)</span>
          </label>
          <textarea
            ref={commentRef}
            id={`${id}-comment`}
            value={comment}
            maxLength={COMMENT_MAX}
            rows={3}
            onChange={(event) => setComment(event.target.value)}
            aria-describedby={`${id}-count`}
            className="mt-2 w-full rounded-lg border border-slate-300 px-3 py-2 text-slate-900 focus:border-brand-700 focus:ring-4 focus:ring-brand-600/25 focus:outline-none"
          />
          <div className="mt-2 flex items-center justify-between gap-4">
            <span id={`${id}-count`} className="text-xs text-slate-600">
              {comment.length} / {COMMENT_MAX} characters
            </span>
            <button
              type="submit"
              disabled={busy || !comment.trim()}
              className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-50"
            >
              Send comment
            </button>
          </div>
        </form>
      )}
      {vote?.rating === "sad" && (
        <p className="mt-4 text-sm text-slate-700">
          Rather talk to a person?{" "}
          <Link href={`/contact?article=${article}`} className="font-medium text-brand-700 underline">
            Contact our support team
          </Link>
          .
        </p>
      )}
    </section>
  );
}
