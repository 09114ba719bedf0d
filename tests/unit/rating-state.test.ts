// The rating widget's rules, transition by transition (components/feedback/rating-state.ts).
import { describe, expect, it } from "vitest";
import {
  createRatingReducer,
  failureText as failureTextIn,
  initialRatingState,
  initialStateFor as initialStateIn,
  isInert,
  offersContact,
  type RatingEvent,
  type RatingFormResult,
  type RatingState,
  showsCommentBox,
  shownRating,
} from "@/components/feedback/rating-state";
import de from "@/lib/i18n/messages/de/rating.json";
import en from "@/lib/i18n/messages/en/rating.json";

// In English, as the widget says it on English pages.
const ratingReducer = createRatingReducer(en);
const failureText = (state: RatingState) => failureTextIn(state, en);
const initialStateFor = (result: RatingFormResult | null) => initialStateIn(result, en);
const COMMENT_THANKS = "Thank you. Your comment goes straight to the people who write these articles.";

const run = (...events: RatingEvent[]): RatingState => events.reduce(ratingReducer, initialRatingState);
const UNREACHABLE = "We could not reach our database just now, so nothing was saved. Please try again in a minute.";

describe("the rating widget's states", () => {
  it("starts loading: nothing chosen, buttons inert, nothing to say yet", () => {
    expect(initialRatingState.phase).toEqual({ name: "loading" });
    expect(isInert(initialRatingState)).toBe(true);
    expect(shownRating(initialRatingState)).toBeNull();
    expect(initialRatingState.message).toBe("");
  });

  it("ignores a click while the earlier vote loads", () => {
    expect(run({ type: "send", choice: { rating: "happy" } })).toBe(initialRatingState);
  });

  it("shows the vote found on load in the status line only: no comment box or contact line appears", () => {
    const state = run({ type: "loaded", vote: { rating: "sad", comment: null } });
    expect(state.phase).toEqual({ name: "idle" });
    expect(shownRating(state)).toBe("sad");
    expect(state.message).toBe("You rated this article Sad.");
    expect(showsCommentBox(state)).toBe(false);
    expect(offersContact(state)).toBe(false);
    expect(isInert(state)).toBe(false);
  });

  it("lets the visitor vote when the earlier vote could not be loaded", () => {
    const state = run({ type: "loadFailed" });
    expect(state.phase).toEqual({ name: "idle" });
    expect(shownRating(state)).toBeNull();
    expect(run({ type: "loadFailed" }, { type: "send", choice: { rating: "normal" } }).phase).toEqual({ name: "saving", choice: { rating: "normal" } });
  });

  it("shows the choice at once while it is saved, and takes no second click meanwhile", () => {
    const saving = run({ type: "loaded", vote: null }, { type: "send", choice: { rating: "happy" } });
    expect(shownRating(saving)).toBe("happy");
    expect(isInert(saving)).toBe(true);
    expect(ratingReducer(saving, { type: "send", choice: { rating: "sad" } })).toBe(saving);
  });

  it("thanks for a saved vote, and after Sad asks for a comment and offers a person", () => {
    const happy = run(
      { type: "loaded", vote: null },
      { type: "send", choice: { rating: "happy" } },
      { type: "saved", vote: { rating: "happy", comment: null } },
    );
    expect(happy.message).toBe("Thanks for your feedback! You rated this article Happy.");
    expect(showsCommentBox(happy)).toBe(false);
    const sad = ratingReducer(ratingReducer(happy, { type: "send", choice: { rating: "sad" } }), { type: "saved", vote: { rating: "sad", comment: null } });
    expect(sad.message).toMatch(/^Thanks for telling us\. What were you looking for\?/);
    expect(showsCommentBox(sad)).toBe(true);
    expect(offersContact(sad)).toBe(true);
  });

  it("keeps an unsaved vote on screen, says it was not saved and why, and retries it", () => {
    const failed = run(
      { type: "loaded", vote: { rating: "happy", comment: null } },
      { type: "send", choice: { rating: "sad" } },
      { type: "saveFailed", error: UNREACHABLE },
    );
    expect(failed.phase).toEqual({ name: "failed", choice: { rating: "sad" }, error: UNREACHABLE });
    expect(shownRating(failed)).toBe("sad"); // the visitor's choice, not the saved Happy
    expect(failed.saved).toEqual({ rating: "happy", comment: null });
    expect(failureText(failed)).toBe(`Your vote (Sad) was not saved. ${UNREACHABLE}`);
    expect(isInert(failed)).toBe(false);

    const retried = ratingReducer(failed, { type: "send", choice: { rating: "sad" } });
    expect(retried.phase).toEqual({ name: "saving", choice: { rating: "sad" } });
    const saved = ratingReducer(retried, { type: "saved", vote: { rating: "sad", comment: null } });
    expect(saved.phase).toEqual({ name: "idle" });
    expect(failureText(saved)).toBe("");
  });

  it("keeps the comment box up while a comment is unsaved, and thanks once it is saved", () => {
    const asked = run({ type: "loaded", vote: null }, { type: "send", choice: { rating: "sad" } }, { type: "saved", vote: { rating: "sad", comment: null } });
    const failed = run(
      { type: "loaded", vote: null },
      { type: "send", choice: { rating: "sad" } },
      { type: "saved", vote: { rating: "sad", comment: null } },
      { type: "send", choice: { rating: "sad", comment: "Where is the port?" } },
      { type: "saveFailed", error: UNREACHABLE },
    );
    expect(showsCommentBox(asked)).toBe(true);
    expect(showsCommentBox(failed)).toBe(true);
    expect(failureText(failed)).toBe(`Your comment was not saved. ${UNREACHABLE}`);
    const saved = ratingReducer(ratingReducer(failed, { type: "send", choice: { rating: "sad", comment: "Where is the port?" } }), {
      type: "saved",
      vote: { rating: "sad", comment: "Where is the port?" },
    });
    expect(saved.message).toBe(COMMENT_THANKS);
    expect(showsCommentBox(saved)).toBe(false);
    expect(offersContact(saved)).toBe(true);
  });

  it("ignores answers that arrive out of turn", () => {
    const idle = run({ type: "loaded", vote: null });
    expect(ratingReducer(idle, { type: "saved", vote: { rating: "happy", comment: null } })).toBe(idle);
    expect(ratingReducer(idle, { type: "saveFailed", error: "x" })).toBe(idle);
    expect(ratingReducer(idle, { type: "loaded", vote: { rating: "sad", comment: null } })).toBe(idle);
  });
});

describe("the widget on the page that answers a rating posted without JavaScript", () => {
  it("starts loading when nothing was posted", () => {
    expect(initialStateFor(null)).toBe(initialRatingState);
  });

  it("starts from the saved vote, with the thanks a click would have shown", () => {
    const happy = initialStateFor({ ok: true, choice: { rating: "happy" }, vote: { rating: "happy", comment: null } });
    expect(happy.phase).toEqual({ name: "idle" });
    expect(shownRating(happy)).toBe("happy");
    expect(happy.message).toBe("Thanks for your feedback! You rated this article Happy.");
    expect(showsCommentBox(happy)).toBe(false);

    const sad = initialStateFor({ ok: true, choice: { rating: "sad" }, vote: { rating: "sad", comment: null } });
    expect(showsCommentBox(sad)).toBe(true);
    expect(offersContact(sad)).toBe(true);

    const commented = initialStateFor({
      ok: true,
      choice: { rating: "sad", comment: "Where is the port?" },
      vote: { rating: "sad", comment: "Where is the port?" },
    });
    expect(commented.message).toBe(COMMENT_THANKS);
    expect(showsCommentBox(commented)).toBe(false);
  });

  it("starts from a refusal: what was not saved, why, and the comment box when it was a comment", () => {
    const vote = initialStateFor({ ok: false, choice: { rating: "normal" }, error: UNREACHABLE });
    expect(vote.phase).toEqual({ name: "failed", choice: { rating: "normal" }, error: UNREACHABLE });
    expect(failureText(vote)).toBe(`Your vote (Normal) was not saved. ${UNREACHABLE}`);
    expect(isInert(vote)).toBe(false);

    const empty = initialStateFor({ ok: false, choice: { rating: "sad", comment: "" }, error: "Write your comment in the box, then send it." });
    expect(showsCommentBox(empty)).toBe(true);
    expect(failureText(empty)).toBe("Your comment was not saved. Write your comment in the box, then send it.");
  });

  it("says a refusal of a form it cannot read in the status line", () => {
    const state = initialStateFor({ ok: false, choice: null, error: "Choose Happy, Normal or Sad." });
    expect(state.phase).toEqual({ name: "idle" });
    expect(state.message).toBe("Choose Happy, Normal or Sad.");
    expect(shownRating(state)).toBeNull();
  });
});

describe("the widget's words in the page's language", () => {
  const german = createRatingReducer(de);
  const runIn = (...events: RatingEvent[]): RatingState => events.reduce(german, initialRatingState);

  it("thanks, names the vote and says what was not saved in German", () => {
    expect(runIn({ type: "loaded", vote: { rating: "sad", comment: null } }).message).toBe("Sie haben diesen Artikel mit „Unzufrieden“ bewertet.");
    const happy = runIn(
      { type: "loaded", vote: null },
      { type: "send", choice: { rating: "happy" } },
      { type: "saved", vote: { rating: "happy", comment: null } },
    );
    expect(happy.message).toBe("Danke für Ihr Feedback! Sie haben diesen Artikel mit „Zufrieden“ bewertet.");
    const failed = runIn({ type: "loaded", vote: null }, { type: "send", choice: { rating: "normal" } }, { type: "saveFailed", error: "Fehler." });
    expect(failureTextIn(failed, de)).toBe("Ihre Bewertung („Neutral“) wurde nicht gespeichert. Fehler.");
    expect(initialStateIn({ ok: true, choice: { rating: "sad", comment: "x" }, vote: { rating: "sad", comment: "x" } }, de).message).toBe(de.commentThanks);
  });
});
