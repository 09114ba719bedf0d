// The article editor's rules (components/editor/editor-state.ts), transition by transition, with
// no browser and no server: which events each state takes, which it refuses, and exactly which
// fields each transition changes. The browser tests (tests/e2e/staff-editor.spec.ts) check the
// same rules end to end with two real editors.
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { contentToForm, fingerprint, formToContent } from "@/components/editor/editor-form";
import {
  canPublish,
  canStartSave,
  conflictOf,
  type EditorEvent,
  type EditorModel,
  editorReducer,
  hasUnsavedWork,
  isAutosavePaused,
  isBusy,
  isDirty,
  openEditor,
} from "@/components/editor/editor-state";
import type { OtherDraft } from "@/lib/articles/drafts";
import type { NewerVersion } from "@/lib/articles/publishing";
import type { DraftContent } from "@/lib/articles/schema";

const published: DraftContent = {
  slug: "mailbox-quota",
  title: "Mailbox quota",
  description: "How much mail your mailbox holds, and what happens when it is full.",
  categorySlug: "email",
  tags: ["quota", "storage"],
  related: [],
  audience: "public",
  body: "Your mailbox has a quota.\n",
};
const head = { id: "rev-1", author: "Ada", createdAt: new Date("2026-11-03T10:00:00Z") };
const MINE = "Your mailbox quota is shown in webmail (Alice).\n";

/** An editor opened on a published article without a draft. */
const opened = () => openEditor({ content: published, head, version: 0, baseRevisionId: "rev-1" });

const theirDraft: OtherDraft = {
  version: 3,
  updatedAt: new Date("2026-11-04T09:30:00Z"),
  updatedBy: "Bea Draftwright",
  content: { ...published, body: "Your mailbox has a quota of 5 GB (Bea).\n" },
};
const theirRevision: NewerVersion = {
  revisionId: "rev-2",
  author: "Bob Builder",
  createdAt: new Date("2026-11-04T10:00:00Z"),
  content: { ...published, body: "Your mailbox has a quota of 10 GB (Bob).\n" },
};

const event = {
  changed: { type: "changed", patch: { description: "How much mail fits in your mailbox, and what to do when it is full." } },
  typed: { type: "typed", body: MINE },
  saveStarted: { type: "saveStarted" },
  saveSucceeded: { type: "saveSucceeded", version: 1, savedAt: new Date("2026-11-04T11:00:00Z"), newerPublished: null },
  saveConflicted: { type: "saveConflicted", theirs: theirDraft },
  saveFailed: { type: "saveFailed", message: "the server could not be reached." },
  publishStarted: { type: "publishStarted" },
  publishSucceeded: { type: "publishSucceeded", revisionId: "rev-3", slug: "mailbox-quota" },
  publishConflicted: { type: "publishConflicted", theirs: theirRevision },
  publishRefused: { type: "publishRefused", problems: [{ field: "body", line: 3, message: "<script> is not an allowed component" }] },
  publishFailed: { type: "publishFailed", message: "The server could not be reached." },
  keepMine: { type: "keepMine" },
  takeTheirs: { type: "takeTheirs" },
  decideLater: { type: "decideLater" },
  actionStarted: { type: "actionStarted", action: "archive" },
  actionFinished: { type: "actionFinished", notice: { tone: "success", text: "Archived." } },
  draftDiscarded: { type: "draftDiscarded", state: { content: published, version: 0, baseRevisionId: "rev-1" } },
} satisfies Record<string, EditorEvent>;
type EventName = keyof typeof event;

/** Runs events through the reducer, failing on any it refuses: the states below are reached honestly. */
function run(model: EditorModel, ...events: EditorEvent[]): EditorModel {
  for (const next of events) {
    const after = editorReducer(model, next);
    if (after === model) throw new Error(`refused ${next.type} in ${model.phase.name}`);
    model = after;
  }
  return model;
}

// Every named state, reached from an opened editor by the events that lead there.
const states = {
  /** Editing, with unsaved typing. */
  editing: () => run(opened(), event.typed),
  /** The save region's "saving": a save under way while editing. */
  saving: () => run(opened(), event.typed, event.saveStarted),
  draftConflict: () => run(opened(), event.typed, event.saveStarted, event.saveConflicted),
  publishing: () => run(opened(), event.typed, event.publishStarted),
  publishConflict: () => run(opened(), event.typed, event.publishStarted, event.publishConflicted),
  published: () => run(opened(), event.typed, event.publishStarted, event.publishSucceeded),
  /** Discard draft under way, with typing since the last save (an Unpublish, Archive, Delete or Restore is the same). */
  actionUnderWay: () =>
    run(
      opened(),
      event.typed,
      event.saveStarted,
      event.saveSucceeded,
      { type: "typed", body: "Typed after the save.\n" },
      { type: "actionStarted", action: "discard" },
    ),
};
type StateName = keyof typeof states;

/** The fields a transition changed, compared by value. */
function changedFields(before: EditorModel, after: EditorModel): string[] {
  return (Object.keys(before) as (keyof EditorModel)[]).filter((key) => !isDeepStrictEqual(before[key], after[key])).sort();
}

function expectTransition(before: EditorModel, next: EditorEvent, fields: (keyof EditorModel)[]): EditorModel {
  const after = editorReducer(before, next);
  expect(after).not.toBe(before);
  expect(changedFields(before, after)).toEqual([...fields].sort());
  return after;
}

function expectRefused(before: EditorModel, next: EditorEvent) {
  expect(editorReducer(before, next)).toBe(before);
}

describe("the editor's states and the events each one takes", () => {
  const Y = true;
  const n = false;
  // Rows: events; columns: editing, saving, draftConflict, publishing, publishConflict, published, actionUnderWay.
  const takes: Record<EventName, boolean[]> = {
    changed: [Y, Y, Y, Y, Y, Y, Y],
    typed: [Y, Y, Y, Y, Y, Y, Y],
    // Saves never overlap, pause for a draft conflict and while publishing, and need something to save.
    saveStarted: [Y, n, n, n, Y, n, Y],
    saveSucceeded: [n, Y, n, n, n, n, n],
    saveConflicted: [n, Y, n, n, n, n, n],
    saveFailed: [n, Y, n, n, n, n, n],
    // Publish waits for a save under way, not for the author's choice on a newer draft.
    publishStarted: [Y, Y, n, n, Y, Y, n],
    publishSucceeded: [n, n, n, Y, n, n, n],
    publishConflicted: [n, n, n, Y, n, n, n],
    publishRefused: [n, n, n, Y, n, n, n],
    publishFailed: [n, n, n, Y, n, n, n],
    keepMine: [n, n, Y, n, Y, n, n],
    takeTheirs: [n, n, Y, n, Y, n, n],
    decideLater: [n, n, n, n, Y, n, n],
    actionStarted: [Y, Y, Y, n, Y, Y, n],
    actionFinished: [n, n, n, n, n, n, Y],
    draftDiscarded: [n, n, n, n, n, n, Y],
  };
  const columns = Object.keys(states) as StateName[];

  for (const [name, row] of Object.entries(takes) as [EventName, boolean[]][]) {
    it(`${name}: taken in ${columns.filter((_, i) => row[i]).join(", ") || "no state"}; refused elsewhere`, () => {
      for (const [i, state] of columns.entries()) {
        const before = states[state]();
        // Every state was reached by typing MINE: typing something else is the change to test.
        const after = editorReducer(before, name === "typed" ? { type: "typed", body: "Something else.\n" } : event[name]);
        expect.soft(after !== before, `${name} in ${state}`).toBe(row[i]);
      }
    });
  }

  it("names each state by its phase and save", () => {
    const summary = Object.fromEntries(columns.map((state) => [state, `${states[state]().phase.name}/${states[state]().save.kind}`]));
    expect(summary).toEqual({
      editing: "editing/idle",
      saving: "editing/saving",
      draftConflict: "draftConflict/idle",
      publishing: "publishing/idle",
      publishConflict: "publishConflict/idle",
      published: "published/idle",
      actionUnderWay: "editing/saved",
    });
  });
});

describe("opening the editor", () => {
  it("stands on the published text with nothing to save", () => {
    const model = opened();
    expect(model).toMatchObject({
      form: contentToForm(published),
      version: 0,
      baseRevisionId: "rev-1",
      phase: { name: "editing" },
      save: { kind: "idle" },
      action: null,
      notice: null,
      keptCopy: null,
      slugFollowsTitle: false,
    });
    expect(isDirty(model)).toBe(false);
    expect(hasUnsavedWork(model)).toBe(false);
    expect(canStartSave(model)).toBe(false);
  });

  it("lets a never-published article's slug follow its title until the slug is edited", () => {
    const fresh = openEditor({ content: { ...published, slug: "mailbox-quota", title: "Mailbox quota" }, head: null, version: 1, baseRevisionId: null });
    expect(fresh.slugFollowsTitle).toBe(true);
    const retitled = expectTransition(fresh, { type: "changed", patch: { title: "Mailbox size limits" } }, ["form"]);
    expect(retitled.form).toMatchObject({ title: "Mailbox size limits", slug: "mailbox-size-limits" });
    const slugEdited = expectTransition(retitled, { type: "changed", patch: { slug: "quota" } }, ["form", "slugFollowsTitle"]);
    const retitledAgain = expectTransition(slugEdited, { type: "changed", patch: { title: "Quotas" } }, ["form"]);
    expect(retitledAgain.form).toMatchObject({ title: "Quotas", slug: "quota" });
    // A custom slug that does not match the title does not follow it.
    expect(openEditor({ content: { ...published, slug: "custom" }, head: null, version: 1, baseRevisionId: null }).slugFollowsTitle).toBe(false);
  });
});

describe("typing", () => {
  it("changes the body and makes the editor dirty; the same text again changes nothing", () => {
    const model = expectTransition(opened(), event.typed, ["form"]);
    expect(isDirty(model)).toBe(true);
    expect(hasUnsavedWork(model)).toBe(true);
    expectRefused(model, { type: "typed", body: MINE });
  });

  it("clears the problems a refused publish listed, and leaves the published state", () => {
    const refused = run(states.publishing(), event.publishRefused);
    expect(expectTransition(refused, { type: "typed", body: "Fixed.\n" }, ["form", "publishProblems"]).publishProblems).toBeNull();
    expectTransition(refused, event.changed, ["form", "publishProblems"]);
    expectTransition(states.published(), { type: "typed", body: "More.\n" }, ["form", "phase"]);
    expectTransition(states.published(), event.changed, ["form", "phase"]);
  });

  it("is never blocked: during a save, a conflict or a publish the text keeps changing and nothing else does", () => {
    for (const state of ["saving", "draftConflict", "publishing", "publishConflict"] as const) {
      expectTransition(states[state](), { type: "typed", body: "Still typing.\n" }, ["form"]);
    }
  });
});

describe("autosave", () => {
  it("save started: snapshots the text it sends", () => {
    const model = expectTransition(states.editing(), event.saveStarted, ["save"]);
    expect(model.save).toEqual({ kind: "saving", form: { ...contentToForm(published), body: MINE } });
    expect(hasUnsavedWork(model)).toBe(true);
  });

  it("refuses to start with nothing to save, while another save is under way, during a draft conflict and while publishing", () => {
    expectRefused(opened(), event.saveStarted);
    expectRefused(states.saving(), event.saveStarted);
    expectRefused(run(states.draftConflict(), { type: "typed", body: "More.\n" }), event.saveStarted);
    expectRefused(run(states.publishing(), { type: "typed", body: "More.\n" }), event.saveStarted);
    expect(isAutosavePaused(states.draftConflict())).toBe(true);
    expect(isAutosavePaused(states.publishing())).toBe(true);
    expect(isAutosavePaused(states.publishConflict())).toBe(false);
  });

  it("save succeeded: the editor stands at the new version, and text typed meanwhile is still unsaved", () => {
    const saved = expectTransition(states.saving(), event.saveSucceeded, ["save", "savedFingerprint", "version"]);
    expect(saved).toMatchObject({ version: 1, save: { kind: "saved", at: new Date("2026-11-04T11:00:00Z") } });
    expect(isDirty(saved)).toBe(false);
    const typedMeanwhile = run(states.saving(), { type: "typed", body: "Typed during the save.\n" }, event.saveSucceeded);
    expect(isDirty(typedMeanwhile)).toBe(true);
    expect(canStartSave(typedMeanwhile)).toBe(true);
  });

  it("save succeeded: remembers a newer published version, and a later save without one does not forget it", () => {
    const newer = { revisionId: "rev-2", author: "Bob Builder", createdAt: new Date("2026-11-04T10:00:00Z") };
    const told = expectTransition(states.saving(), { ...event.saveSucceeded, newerPublished: newer }, [
      "newerPublished",
      "save",
      "savedFingerprint",
      "version",
    ]);
    const again = run(told, { type: "typed", body: "Again.\n" }, event.saveStarted, { ...event.saveSucceeded, version: 2 });
    expect(again.newerPublished).toEqual(newer);
  });

  it("save conflicted: a draft conflict showing their draft beside the text that was sent; saving pauses", () => {
    const sent = { ...contentToForm(published), body: MINE };
    const model = expectTransition(run(states.saving(), { type: "typed", body: "Typed after sending.\n" }), event.saveConflicted, ["phase", "save"]);
    expect(model.phase).toEqual({
      name: "draftConflict",
      conflict: { kind: "draft", who: "Bea Draftwright", when: theirDraft.updatedAt, theirs: theirDraft.content, mine: formToContent(sent), version: 3 },
    });
    expect(model.save).toEqual({ kind: "idle" });
    expect(model.form.body).toBe("Typed after sending.\n");
    expect(canStartSave(model)).toBe(false);
    expect(hasUnsavedWork(model)).toBe(true);
    expect(conflictOf(model)?.kind).toBe("draft");
  });

  it("save conflicted: an author without a name is 'Someone'", () => {
    const model = run(states.saving(), { type: "saveConflicted", theirs: { ...theirDraft, updatedBy: null } });
    expect(conflictOf(model)?.who).toBe("Someone");
  });

  it("save failed: says why, keeps the text, and may be tried again", () => {
    const model = expectTransition(states.saving(), event.saveFailed, ["save"]);
    expect(model.save).toEqual({ kind: "failed", message: "the server could not be reached." });
    expect(isDirty(model)).toBe(true);
    expect(canStartSave(model)).toBe(true);
  });

  it("an answer with no save under way is ignored", () => {
    for (const answer of [event.saveSucceeded, event.saveConflicted, event.saveFailed]) expectRefused(states.editing(), answer);
  });
});

describe("publishing", () => {
  it("publish started: snapshots the text, names the revision the author started from, clears the notice", () => {
    const withNotice = run(states.editing(), event.actionStarted, event.actionFinished);
    const model = expectTransition(withNotice, event.publishStarted, ["notice", "phase"]);
    expect(model.phase).toEqual({ name: "publishing", request: { form: withNotice.form, baseRevisionId: "rev-1", replacing: false } });
    expect(isBusy(model)).toBe(true);
    expect(canPublish(model)).toBe(false);
  });

  it("publish started during a save: the save goes on, and publishing waits for it", () => {
    const model = expectTransition(states.saving(), event.publishStarted, ["phase"]);
    expect(model.save.kind).toBe("saving");
    const saved = expectTransition(model, event.saveSucceeded, ["save", "savedFingerprint", "version"]);
    expect(saved.phase.name).toBe("publishing");
  });

  it("a save that meets a newer draft calls the waiting publish off: the author chooses first", () => {
    const model = expectTransition(run(states.saving(), event.publishStarted), event.saveConflicted, ["phase", "save"]);
    expect(model.phase.name).toBe("draftConflict");
  });

  it("publish succeeded: no draft, the new revision is the base, the published text is saved, and the author is told where", () => {
    const before = run(states.editing(), event.saveStarted, event.saveFailed, event.publishStarted);
    const model = expectTransition(before, event.publishSucceeded, ["baseRevisionId", "notice", "phase", "save", "savedFingerprint"]);
    expect(model).toMatchObject({
      version: 0,
      baseRevisionId: "rev-3",
      phase: { name: "published", slug: "mailbox-quota" },
      save: { kind: "idle" },
      notice: {
        tone: "success",
        text: "Published. Customers see it now at /articles/mailbox-quota.",
        link: { href: "/articles/mailbox-quota", label: "View the live page" },
      },
    });
    expect(isDirty(model)).toBe(false);
    expect(hasUnsavedWork(model)).toBe(false);
  });

  it("publish succeeded for a translation: the author is told its address in its language", () => {
    const model = run(states.editing(), event.publishStarted, { ...event.publishSucceeded, slug: "mailbox-quota-de", path: "/de/articles/mailbox-quota-de" });
    expect(model.notice).toMatchObject({
      text: "Published. Customers see it now at /de/articles/mailbox-quota-de.",
      link: { href: "/de/articles/mailbox-quota-de", label: "View the live page" },
    });
  });

  it("publish succeeded: also ends a draft of ours, the newer-version banner and the slug following the title", () => {
    const newer = { revisionId: "rev-2", author: "Bob Builder", createdAt: new Date("2026-11-04T10:00:00Z") };
    const fresh = openEditor({ content: { ...published, slug: "mailbox-quota", title: "Mailbox quota" }, head: null, version: 2, baseRevisionId: null });
    const before = run(fresh, event.typed, event.saveStarted, { ...event.saveSucceeded, version: 3, newerPublished: newer }, event.publishStarted);
    const model = expectTransition(before, event.publishSucceeded, [
      "baseRevisionId",
      "newerPublished",
      "notice",
      "phase",
      "save",
      "slugFollowsTitle",
      "version",
    ]);
    expect(model).toMatchObject({ version: 0, newerPublished: null, slugFollowsTitle: false });
  });

  it("publish succeeded: text typed while publishing stays unsaved, to become the next draft", () => {
    const model = run(states.publishing(), { type: "typed", body: "Typed while publishing.\n" }, event.publishSucceeded);
    expect(isDirty(model)).toBe(true);
    expect(canStartSave(model)).toBe(true);
  });

  it("publish conflicted: their revision beside the text that was sent; autosave goes on", () => {
    const sent = states.publishing().form;
    const model = expectTransition(states.publishing(), event.publishConflicted, ["phase"]);
    expect(model.phase).toEqual({
      name: "publishConflict",
      conflict: {
        kind: "publish",
        who: "Bob Builder",
        when: theirRevision.createdAt,
        theirs: theirRevision.content,
        mine: formToContent(sent),
        revisionId: "rev-2",
      },
    });
    expect(canStartSave(model)).toBe(true);
    expect(canPublish(model)).toBe(true);
    expect(hasUnsavedWork(model)).toBe(true);
  });

  it("publish refused: the problems replace the preview's, with a notice that counts them", () => {
    const model = expectTransition(states.publishing(), event.publishRefused, ["notice", "phase", "publishProblems"]);
    expect(model).toMatchObject({
      phase: { name: "editing" },
      publishProblems: event.publishRefused.problems,
      notice: { tone: "error", text: "Not published: 1 problem to fix first (listed below the fields)." },
    });
    const two = run(states.publishing(), {
      type: "publishRefused",
      problems: [...event.publishRefused.problems, { field: "description", message: "too short" }],
    });
    expect(two.notice?.text).toBe("Not published: 2 problems to fix first (listed below the fields).");
  });

  it("publish failed: says why and keeps the text", () => {
    const model = expectTransition(states.publishing(), event.publishFailed, ["notice", "phase"]);
    expect(model).toMatchObject({ phase: { name: "editing" }, notice: { tone: "error", text: "Not published: The server could not be reached." } });
    expect(isDirty(model)).toBe(true);
  });

  it("refuses to publish during a draft conflict, while publishing and while another action runs", () => {
    for (const state of ["draftConflict", "publishing", "actionUnderWay"] as const) {
      expect(canPublish(states[state]())).toBe(false);
      expectRefused(states[state](), event.publishStarted);
    }
  });
});

describe("resolving a draft conflict", () => {
  it("keep mine: back to editing at their version, with my text still to save (over theirs)", () => {
    const model = expectTransition(states.draftConflict(), event.keepMine, ["phase", "version"]);
    expect(model).toMatchObject({ phase: { name: "editing" }, version: 3, form: { body: MINE } });
    const saving = expectTransition(model, event.saveStarted, ["save"]);
    expect(saving.save).toMatchObject({ kind: "saving", form: { body: MINE } });
  });

  it("take theirs: their text in the editor, already saved; mine kept as a copy to take text from", () => {
    const before = states.draftConflict();
    const model = expectTransition(before, event.takeTheirs, ["form", "keptCopy", "phase", "savedFingerprint", "version"]);
    expect(model.form).toEqual(contentToForm(theirDraft.content));
    expect(model).toMatchObject({ version: 3, phase: { name: "editing" } });
    expect(model.keptCopy).toBe(
      `title: Mailbox quota\nslug: mailbox-quota\ndescription: ${published.description}\ncategory: email\ntags: quota, storage\nrelated: \n\n${MINE}`,
    );
    expect(isDirty(model)).toBe(false);
    // Mine was never saved, but it is not lost: leaving the page still asks first.
    expect(hasUnsavedWork(model)).toBe(true);
    // The next change saves normally, on their version.
    const next = run(model, { type: "typed", body: "Both of us.\n" }, event.saveStarted);
    expect(next.version).toBe(3);
  });

  it("take theirs clears the problems of an earlier refused publish", () => {
    const before = run(states.publishing(), event.publishRefused, event.saveStarted, event.saveConflicted);
    expect(changedFields(before, editorReducer(before, event.takeTheirs))).toContain("publishProblems");
  });

  it("the kept copy can be closed", () => {
    const model = run(states.draftConflict(), event.takeTheirs);
    expect(expectTransition(model, { type: "keptCopyDismissed" }, ["keptCopy"]).keptCopy).toBeNull();
    expectRefused(opened(), { type: "keptCopyDismissed" });
  });
});

describe("resolving a publish conflict", () => {
  it("keep mine: publishes the current text over the revision the author was shown, recorded as replacing it", () => {
    const before = run(states.publishConflict(), { type: "typed", body: "Amended after seeing theirs.\n" });
    const model = expectTransition(before, event.keepMine, ["phase"]);
    expect(model.phase).toEqual({ name: "publishing", request: { form: before.form, baseRevisionId: "rev-2", replacing: true } });
  });

  it("take theirs without a draft of ours: their published text, nothing to save", () => {
    const model = expectTransition(states.publishConflict(), event.takeTheirs, ["baseRevisionId", "form", "keptCopy", "phase", "savedFingerprint"]);
    expect(model).toMatchObject({ baseRevisionId: "rev-2", form: contentToForm(theirRevision.content), version: 0 });
    expect(isDirty(model)).toBe(false);
  });

  it("take theirs with a draft of ours: their text is autosaved over our draft", () => {
    const newer = { revisionId: "rev-2", author: "Bob Builder", createdAt: theirRevision.createdAt };
    const before = run(states.saving(), { ...event.saveSucceeded, newerPublished: newer }, event.publishStarted, event.publishConflicted);
    const model = expectTransition(before, event.takeTheirs, ["baseRevisionId", "form", "keptCopy", "newerPublished", "phase", "save"]);
    expect(model.savedFingerprint).toBe(before.savedFingerprint);
    expect(isDirty(model)).toBe(true);
    expect(run(model, event.saveStarted).save).toMatchObject({ kind: "saving", form: contentToForm(theirRevision.content) });
  });

  it("take theirs while a save of mine is under way: the save's answer still lands, so the version stays right", () => {
    const before = run(states.publishConflict(), event.saveStarted);
    const model = expectTransition(before, event.takeTheirs, ["baseRevisionId", "form", "keptCopy", "phase", "savedFingerprint"]);
    expect(model.save.kind).toBe("saving");
    const answered = expectTransition(model, { ...event.saveSucceeded, version: 1 }, ["save", "savedFingerprint", "version"]);
    // Our draft now holds the text sent before; theirs, in the editor, is saved over it next.
    expect(answered.version).toBe(1);
    expect(isDirty(answered)).toBe(true);
  });

  it("decide later: closes the comparison; the next Publish checks again", () => {
    const model = expectTransition(states.publishConflict(), event.decideLater, ["phase"]);
    expect(model.phase).toEqual({ name: "editing" });
    expect(expectTransition(model, event.publishStarted, ["phase"]).phase).toMatchObject({ request: { baseRevisionId: "rev-1", replacing: false } });
  });

  it("a save during a publish conflict that meets a newer draft shows the draft conflict instead", () => {
    const model = run(states.publishConflict(), event.saveStarted, event.saveConflicted);
    expect(conflictOf(model)?.kind).toBe("draft");
  });
});

describe("Unpublish, Archive, Delete, Restore and Discard draft", () => {
  it("action started: the buttons wait, autosave does not", () => {
    const model = expectTransition(states.editing(), event.actionStarted, ["action"]);
    expect(isBusy(model)).toBe(true);
    expect(canStartSave(model)).toBe(true);
    expectRefused(model, event.actionStarted);
    expectRefused(states.publishing(), event.actionStarted);
  });

  it("refuses keep mine, take theirs and decide later while an action runs", () => {
    const model = run(states.publishConflict(), event.actionStarted);
    for (const choice of [event.keepMine, event.takeTheirs, event.decideLater]) expectRefused(model, choice);
  });

  it("action finished: shows its notice", () => {
    const model = expectTransition(run(states.editing(), event.actionStarted), event.actionFinished, ["action", "notice"]);
    expect(model.notice).toEqual({ tone: "success", text: "Archived." });
    expect(isBusy(model)).toBe(false);
  });

  it("draft discarded: back to the published text at the version the server names", () => {
    const before = states.actionUnderWay();
    const model = expectTransition(before, event.draftDiscarded, ["action", "form", "notice", "save", "savedFingerprint", "version"]);
    expect(model).toMatchObject({
      version: 0,
      baseRevisionId: "rev-1",
      form: contentToForm(published),
      save: { kind: "idle" },
      notice: { tone: "info", text: "Draft discarded. The editor shows the published version again." },
    });
    expect(model.savedFingerprint).toBe(fingerprint(contentToForm(published)));
  });

  it("draft discarded during a publish conflict: the comparison goes with the draft", () => {
    const before = run(states.publishConflict(), { type: "actionStarted", action: "discard" });
    const model = editorReducer(before, { type: "draftDiscarded", state: { content: theirRevision.content, version: 0, baseRevisionId: "rev-2" } });
    expect(model).toMatchObject({ phase: { name: "editing" }, baseRevisionId: "rev-2", form: contentToForm(theirRevision.content) });
  });

  it("draft discarded is only the answer to Discard", () => {
    expectRefused(run(states.editing(), event.actionStarted), event.draftDiscarded);
  });
});

describe("two editors, as the browser test plays them", () => {
  it("Alice meets Bea's draft, takes it, and her next change saves on Bea's version; then meets Bob's revision and publishes hers anyway", () => {
    let alice = run(opened(), event.typed, event.saveStarted, event.saveConflicted);
    expect(conflictOf(alice)).toMatchObject({ who: "Bea Draftwright", kind: "draft" });
    alice = run(alice, event.takeTheirs, { type: "typed", body: "Both of us.\n" }, event.saveStarted, { ...event.saveSucceeded, version: 4 });
    expect(alice).toMatchObject({ version: 4, phase: { name: "editing" }, save: { kind: "saved" } });
    alice = run(alice, event.publishStarted, event.publishConflicted);
    expect(conflictOf(alice)).toMatchObject({ who: "Bob Builder", kind: "publish" });
    alice = run(alice, event.keepMine);
    expect(alice.phase).toMatchObject({ name: "publishing", request: { baseRevisionId: "rev-2", replacing: true } });
    alice = run(alice, event.publishSucceeded);
    expect(alice).toMatchObject({ phase: { name: "published" }, version: 0, baseRevisionId: "rev-3" });
    expect(hasUnsavedWork(alice)).toBe(true); // the kept copy is still open
    expect(hasUnsavedWork(run(alice, { type: "keptCopyDismissed" }))).toBe(false);
  });
});
