// The rating widget's rules, as named states and events (components/feedback/rating-widget.tsx only
// dispatches and renders). What it guarantees:
//   - while the visitor's earlier vote loads, nothing can be clicked and nothing moves;
//   - a vote or comment that could not be saved stays on screen, said to be unsaved, with a retry;
//   - only one send at a time.
// What it says is in the page's language: the reducer and the texts are made for a language's
// strings (lib/i18n/messages/<code>/rating.json), which the widget reads from its page.
import type { Rating } from "@/lib/feedback/constants";
import { fillText } from "@/lib/i18n/fill-text";
import type { ClientMessages } from "@/lib/i18n/messages";

/** The rating widget's strings in one language (the Rating namespace). */
export type RatingText = ClientMessages["Rating"];

export interface Vote {
  rating: Rating;
  /** The comment sent with this vote, if any. */
  comment: string | null;
}

/** What the visitor asked to save: a rating, and with Sad maybe a comment. */
export interface Choice {
  rating: Rating;
  comment?: string;
}

type RatingPhase = { name: "loading" } | { name: "idle" } | { name: "saving"; choice: Choice } | { name: "failed"; choice: Choice; error: string };

export interface RatingState {
  phase: RatingPhase;
  /** What the server last confirmed: on load, or in answer to a send. */
  saved: Vote | null;
  /** Sad was chosen in this visit and no comment has been sent since: offer the comment box. */
  askForComment: boolean;
  /** The visitor clicked in this visit: extras appear only then, so loading a vote moves nothing. */
  votedThisVisit: boolean;
  /** The polite status line (thanks, or the vote found on load). */
  message: string;
}

export type RatingEvent =
  | { type: "loaded"; vote: Vote | null }
  | { type: "loadFailed" }
  | { type: "send"; choice: Choice }
  | { type: "saved"; vote: Vote }
  | { type: "saveFailed"; error: string };

export const initialRatingState: RatingState = { phase: { name: "loading" }, saved: null, askForComment: false, votedThisVisit: false, message: "" };

function thanks(text: RatingText, vote: Vote): string {
  if (vote.rating === "sad") return text.sadThanks;
  return fillText(text.thanks, { rating: text.labels[vote.rating] });
}

/** The widget's reducer, saying what it says with `text`. */
export const createRatingReducer = (text: RatingText) => (state: RatingState, event: RatingEvent) => ratingReducer(text, state, event);

function ratingReducer(text: RatingText, state: RatingState, event: RatingEvent): RatingState {
  const phase = state.phase.name;
  switch (event.type) {
    case "loaded":
      if (phase !== "loading") return state;
      return {
        phase: { name: "idle" },
        saved: event.vote,
        askForComment: false,
        votedThisVisit: false,
        message: event.vote ? fillText(text.youRated, { rating: text.labels[event.vote.rating] }) : "",
      };
    case "loadFailed":
      // The earlier vote is unknown: the visitor may still vote, which replaces it anyway.
      return phase === "loading" ? { ...state, phase: { name: "idle" } } : state;
    case "send":
      if (phase !== "idle" && phase !== "failed") return state;
      return { ...state, phase: { name: "saving", choice: event.choice }, votedThisVisit: true };
    case "saved": {
      if (state.phase.name !== "saving") return state;
      const withComment = Boolean(state.phase.choice.comment);
      return {
        phase: { name: "idle" },
        saved: event.vote,
        askForComment: !withComment && event.vote.rating === "sad",
        votedThisVisit: true,
        message: withComment ? text.commentThanks : thanks(text, event.vote),
      };
    }
    case "saveFailed":
      if (state.phase.name !== "saving") return state;
      return { ...state, phase: { name: "failed", choice: state.phase.choice, error: event.error }, message: "" };
  }
}

/** The rating shown as chosen: the one being saved or that failed to save, else the saved one. */
export function shownRating(state: RatingState): Rating | null {
  const { phase } = state;
  return phase.name === "saving" || phase.name === "failed" ? phase.choice.rating : (state.saved?.rating ?? null);
}

/** Buttons take no clicks while the earlier vote loads or a send is on its way. */
export function isInert(state: RatingState): boolean {
  return state.phase.name === "loading" || state.phase.name === "saving";
}

/** The comment box: after Sad in this visit until a comment is sent, and while a comment is unsaved. */
export function showsCommentBox(state: RatingState): boolean {
  const { phase } = state;
  if ((phase.name === "saving" || phase.name === "failed") && phase.choice.comment !== undefined) return true;
  return state.askForComment && shownRating(state) === "sad";
}

/** "Rather talk to a person?": after choosing Sad in this visit. */
export function offersContact(state: RatingState): boolean {
  return state.votedThisVisit && shownRating(state) === "sad";
}

/** The alert for a send that failed, naming what was not saved. */
export function failureText(state: RatingState, text: RatingText): string {
  const { phase } = state;
  if (phase.name !== "failed") return "";
  if (phase.choice.comment !== undefined) return fillText(text.commentNotSaved, { error: phase.error });
  return fillText(text.voteNotSaved, { rating: text.labels[phase.choice.rating], error: phase.error });
}

/**
 * What the rating form's server action answers (components/feedback/actions.ts): the form posts
 * there when JavaScript is off, or has not started yet.
 */
export type RatingFormResult = { ok: true; choice: Choice; vote: Vote } | { ok: false; choice: Choice | null; error: string };

/**
 * The widget's first state: loading the visitor's vote, or, on the page that answers a form posted
 * without JavaScript, what that post did, reached through the same transitions as a send.
 */
export function initialStateFor(result: RatingFormResult | null, text: RatingText): RatingState {
  if (!result) return initialRatingState;
  if (!result.choice) return { ...initialRatingState, phase: { name: "idle" }, message: result.ok ? "" : result.error };
  const sending = ratingReducer(text, { ...initialRatingState, phase: { name: "idle" } }, { type: "send", choice: result.choice });
  return ratingReducer(text, sending, result.ok ? { type: "saved", vote: result.vote } : { type: "saveFailed", error: result.error });
}
