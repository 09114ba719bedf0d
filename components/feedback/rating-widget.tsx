"use client";

// "What do you think of this support article?" — one vote per visitor, changeable, shown again
// on reload; after Sad, an optional comment. The page itself is cached, so the visitor's own
// vote is fetched here. The rules live in ./rating-state.ts; this file dispatches and renders.
//
// Without JavaScript the buttons and the comment are plain forms posted to a server action
// (./actions.ts), and the page that comes back starts from what that post did.
import Link from "next/link";
import { useActionState, useEffect, useId, useMemo, useReducer, useRef, useState, useSyncExternalStore } from "react";
import { FillText, useClientText, useLocalePath, usePageLanguageTag } from "@/components/i18n/client-text";
import { COMMENT_MAX, type Rating, RATINGS } from "@/lib/feedback/constants";
import { fillText, formatNumber } from "@/lib/i18n/fill-text";
import { rateArticleAction } from "./actions";
import {
  type Choice,
  createRatingReducer,
  failureText,
  initialStateFor,
  isInert,
  offersContact,
  type RatingText,
  showsCommentBox,
  shownRating,
  type Vote,
} from "./rating-state";

const FACES: Record<Rating, string> = { happy: "😀", normal: "😐", sad: "😞" };

/** The comment's length and limit: "0 / 1000", four digits not grouped. */
const COUNTER: Intl.NumberFormatOptions = { useGrouping: "min2" };

/** Past this, the visitor is told the save may not have happened, instead of waiting forever. */
const SEND_TIMEOUT_MS = 15_000;

async function send(article: string, choice: Choice, text: RatingText): Promise<Vote> {
  let response: Response;
  try {
    response = await fetch("/api/feedback", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ article, ...choice }),
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
  } catch (error) {
    throw new Error((error as Error).name === "TimeoutError" ? text.timeout : text.offline);
  }
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.error ?? text.serverError);
  return data.vote;
}

/** False in the server's HTML and until the page is hydrated: then the widget may wait for its vote. */
const noSubscription = () => () => {};
function useScripted(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/** Where the page answering a posted rating opens: at the widget, not at the top of the article. */
const WIDGET_ANCHOR = "rate-this-article";

export function RatingWidget({ article }: { article: string }) {
  const id = useId();
  const text = useClientText("Rating");
  const tag = usePageLanguageTag();
  const localePath = useLocalePath();
  const [formResult, formAction] = useActionState(rateArticleAction, null, localePath(`/articles/${article}#${WIDGET_ANCHOR}`));
  const reducer = useMemo(() => createRatingReducer(text), [text]);
  const [state, dispatch] = useReducer(reducer, formResult, (result) => initialStateFor(result, text));
  // Without scripts nothing loads and nothing is inert: the buttons are plain submit buttons.
  const scripted = useScripted();
  const [comment, setComment] = useState(() => (formResult && !formResult.ok ? (formResult.choice?.comment ?? "") : ""));
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const retryRef = useRef<HTMLButtonElement>(null);
  const { phase } = state;
  const chosen = shownRating(state);
  const inert = scripted && isInert(state);
  const loading = scripted && phase.name === "loading";
  const commentBox = showsCommentBox(state);

  useEffect(() => {
    if (state.askForComment) commentRef.current?.focus();
  }, [state.askForComment]);

  useEffect(() => {
    if (phase.name === "failed") retryRef.current?.focus();
  }, [phase.name]);

  useEffect(() => {
    let cancelled = false;
    fetch(`/api/feedback?article=${encodeURIComponent(article)}`)
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
      .then((data: { vote: Vote | null }) => !cancelled && dispatch({ type: "loaded", vote: data.vote }))
      .catch(() => !cancelled && dispatch({ type: "loadFailed" }));
    return () => {
      cancelled = true;
    };
  }, [article]);

  async function save(choice: Choice) {
    if (inert) return;
    dispatch({ type: "send", choice });
    try {
      const vote = await send(article, choice, text);
      dispatch({ type: "saved", vote });
      if (choice.comment) setComment("");
    } catch (error) {
      dispatch({ type: "saveFailed", error: (error as Error).message });
    }
  }

  function sendComment(event: React.FormEvent) {
    event.preventDefault();
    if (comment.trim()) void save({ rating: "sad", comment });
  }

  const ratingFormId = `${id}-rating-form`;
  const commentFormId = `${id}-comment-form`;

  return (
    <section id={WIDGET_ANCHOR} aria-labelledby={`${id}-title`} aria-busy={loading} className="rounded-2xl border border-slate-200 bg-white px-6 py-6">
      <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
        {text.title}
      </h2>
      <form id={ratingFormId} action={formAction} className="mt-4">
        <input type="hidden" name="article" value={article} />
        <div role="group" aria-labelledby={`${id}-title`} className="flex flex-wrap gap-3">
          {RATINGS.map((rating) => {
            const pressed = chosen === rating;
            return (
              // aria-disabled, not disabled: a disabled button drops the keyboard focus of whoever pressed it.
              // A submit button, so the rating is sent without JavaScript; with it, the click is taken here.
              <button
                key={rating}
                type="submit"
                name="rating"
                value={rating}
                aria-pressed={pressed}
                aria-disabled={inert}
                onClick={(event) => {
                  event.preventDefault();
                  void save({ rating });
                }}
                className={`inline-flex min-w-28 items-center justify-center gap-2 rounded-xl border-2 px-4 py-2.5 font-medium transition-colors ${
                  phase.name === "loading" ? "cursor-progress opacity-60 noscript:cursor-pointer noscript:opacity-100" : "aria-disabled:cursor-wait"
                } ${pressed ? "border-brand-700 bg-brand-50 text-brand-900" : "border-slate-200 bg-white text-slate-800 hover:border-slate-400"}`}
              >
                <span aria-hidden="true" className="text-2xl leading-none">
                  {FACES[rating]}
                </span>
                {text.labels[rating]}
              </button>
            );
          })}
        </div>
      </form>
      {/* One line kept for it whatever it says, so loading, a vote found or thanks never move the page. */}
      <p role="status" className="mt-4 min-h-6 text-sm text-slate-700">
        {phase.name === "saving" ? text.saving : state.message}
      </p>
      {phase.name === "failed" && (
        <div role="alert" className="mt-2 flex flex-wrap items-center gap-3 rounded-lg bg-red-50 px-4 py-3 text-sm text-red-800">
          <p className="font-medium">{failureText(state, text)}</p>
          <button
            ref={retryRef}
            type="submit"
            // Without JavaScript: the comment form again (its box still holds the comment), or the rating.
            form={phase.choice.comment !== undefined ? commentFormId : ratingFormId}
            {...(phase.choice.comment !== undefined ? {} : { name: "rating", value: phase.choice.rating })}
            onClick={(event) => {
              event.preventDefault();
              // A comment is sent as the box now holds it.
              void save(phase.choice.comment !== undefined ? { rating: "sad", comment } : phase.choice);
            }}
            className="rounded-lg border border-red-300 bg-white px-3 py-1.5 font-semibold text-red-800 hover:bg-red-100"
          >
            {text.tryAgain}
          </button>
        </div>
      )}
      {commentBox && (
        <form id={commentFormId} action={formAction} onSubmit={sendComment} className="mt-3">
          <input type="hidden" name="article" value={article} />
          <input type="hidden" name="rating" value="sad" />
          <label htmlFor={`${id}-comment`} className="block text-sm font-medium text-slate-900">
            {text.commentLabel} <span className="font-normal text-slate-600">{text.optional}</span>
          </label>
          <textarea
            ref={commentRef}
            id={`${id}-comment`}
            name="comment"
            value={comment}
            maxLength={COMMENT_MAX}
            rows={3}
            onChange={(event) => setComment(event.target.value)}
            aria-describedby={`${id}-count`}
            className="mt-2 w-full rounded-lg border border-slate-300 px-3 py-2 text-slate-900 focus:border-brand-700 focus:ring-4 focus:ring-brand-600/25 focus:outline-none"
          />
          <div className="mt-2 flex items-center justify-between gap-4">
            <span id={`${id}-count`} className="text-xs text-slate-600">
              {fillText(text.commentCount, { count: formatNumber(tag, comment.length, COUNTER), max: formatNumber(tag, COMMENT_MAX, COUNTER) })}
            </span>
            <button
              type="submit"
              disabled={inert || (scripted && !comment.trim())}
              className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-50"
            >
              {text.sendComment}
            </button>
          </div>
        </form>
      )}
      {offersContact(state) && (
        <p className="mt-4 text-sm text-slate-700">
          <FillText
            template={text.talkToPerson}
            values={{
              link: (
                <Link href={localePath(`/contact?article=${article}`)} className="font-medium text-brand-700 underline">
                  {text.contactSupport}
                </Link>
              ),
            }}
          />
        </p>
      )}
    </section>
  );
}
