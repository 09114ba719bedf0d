// The article editor's rules, as a pure reducer: what each event does to the working copy, the
// autosave and the conflict and publish flow, and which events a state refuses. The component
// dispatches events and renders the model; the server calls stay in the component and its hooks.
// No React, no server code: tests/unit/editor-state.test.ts walks it transition by transition.
//
// Two regions run side by side, because the existing editor lets them overlap:
//   phase  editing → publishing → published | publishConflict | editing (refused or failed)
//          editing → draftConflict (a save met someone else's newer draft) → editing
//   save   idle → saving → saved | failed | idle (conflicted)
// Autosave keeps running during a publish conflict, and Publish waits for a save already under
// way, so "saving" is the save region's state, not a phase. `action` is an Unpublish, Archive,
// Delete, Restore or Discard under way: the other buttons wait for it.
import type { OtherDraft } from "@/lib/articles/drafts";
import type { EditorState } from "@/lib/articles/editor";
import type { NewerVersion } from "@/lib/articles/publishing";
import type { DraftContent } from "@/lib/articles/schema";
import { slugFromTitle } from "@/lib/articles/slugs";
import { contentToForm, type EditorForm, fingerprint, formToContent, type Problem } from "./editor-form";

type Notice = { tone: "success" | "error" | "info"; text: string; link?: { href: string; label: string } };

/** Someone published after this editor opened the article (reported by a save). */
interface NewerPublished {
  revisionId: string;
  author: string;
  createdAt: Date;
}

interface ConflictBase {
  who: string;
  when: Date;
  theirs: DraftContent;
  /** The author's text as it was sent: it stays in the editor whichever way they choose. */
  mine: DraftContent;
}
/** A save met a newer draft by someone else; saving over it names its version. */
type DraftConflict = ConflictBase & { kind: "draft"; version: number };
/** A publish met a newer revision; publishing over it names that revision. */
type PublishConflict = ConflictBase & { kind: "publish"; revisionId: string };
export type Conflict = DraftConflict | PublishConflict;

interface PublishRequest {
  /** The text as it stood when Publish was pressed; typing on while it is sent makes a new draft. */
  form: EditorForm;
  /** The revision the author last saw; after a publish conflict, the newer one they were shown. */
  baseRevisionId: string | null;
  /** "Publish mine anyway": recorded in the history. */
  replacing: boolean;
}

type Phase =
  | { name: "editing" }
  | { name: "draftConflict"; conflict: DraftConflict }
  | { name: "publishing"; request: PublishRequest }
  | { name: "publishConflict"; conflict: PublishConflict }
  | { name: "published"; slug: string };

export type SaveState = { kind: "idle" } | { kind: "saving"; form: EditorForm } | { kind: "saved"; at: Date } | { kind: "failed"; message: string };

export type StatusAction = "unpublish" | "archive" | "delete" | "restore" | "discard";

export interface EditorModel {
  form: EditorForm;
  /** A never-published article's slug follows its title until someone edits the slug. */
  slugFollowsTitle: boolean;
  /** The draft version this editor last saw (0: it stands on the published text). */
  version: number;
  /** The revision this editor started from: a newer one means a publish conflict. */
  baseRevisionId: string | null;
  /** What the server holds of this editor's text: the form is dirty when it differs. */
  savedFingerprint: string;
  phase: Phase;
  save: SaveState;
  action: StatusAction | null;
  notice: Notice | null;
  newerPublished: NewerPublished | null;
  /** Problems the server found at Publish; until the next change they replace the preview's. */
  publishProblems: Problem[] | null;
  /** The author's own text after taking someone else's, to copy from. */
  keptCopy: string | null;
}

export type EditorEvent =
  | { type: "changed"; patch: Partial<EditorForm> }
  | { type: "typed"; body: string }
  | { type: "saveStarted" }
  | { type: "saveSucceeded"; version: number; savedAt: Date; newerPublished: NewerPublished | null }
  | { type: "saveConflicted"; theirs: OtherDraft }
  | { type: "saveFailed"; message: string }
  | { type: "publishStarted" }
  /** `path`: where customers read it, when not /articles/<slug> (a translation's language prefix). */
  | { type: "publishSucceeded"; revisionId: string; slug: string; path?: string }
  | { type: "publishConflicted"; theirs: NewerVersion }
  | { type: "publishRefused"; problems: Problem[] }
  | { type: "publishFailed"; message: string }
  | { type: "keepMine" }
  | { type: "takeTheirs" }
  | { type: "decideLater" }
  | { type: "keptCopyDismissed" }
  | { type: "actionStarted"; action: StatusAction }
  | { type: "actionFinished"; notice: Notice }
  | { type: "draftDiscarded"; state: Pick<EditorState, "content" | "version" | "baseRevisionId"> };

export function openEditor(initial: Pick<EditorState, "content" | "head" | "version" | "baseRevisionId">): EditorModel {
  const form = contentToForm(initial.content);
  return {
    form,
    slugFollowsTitle: !initial.head && initial.content.slug === slugFromTitle(initial.content.title),
    version: initial.version,
    baseRevisionId: initial.baseRevisionId,
    savedFingerprint: fingerprint(form),
    phase: { name: "editing" },
    save: { kind: "idle" },
    action: null,
    notice: null,
    newerPublished: null,
    publishProblems: null,
    keptCopy: null,
  };
}

// What the component asks of the model.
export const isDirty = (model: EditorModel) => fingerprint(model.form) !== model.savedFingerprint;
/** No autosave while a draft conflict waits for the author's choice, or while Publish runs. */
export const isAutosavePaused = (model: EditorModel) => model.phase.name === "draftConflict" || model.phase.name === "publishing";
/** Saves never overlap, and there must be something to save. */
export const canStartSave = (model: EditorModel) => model.save.kind !== "saving" && !isAutosavePaused(model) && isDirty(model);
/** Publish waits for any other action, and for the author's choice on someone else's newer draft. */
export const canPublish = (model: EditorModel) => model.action === null && ["editing", "published", "publishConflict"].includes(model.phase.name);
export const isBusy = (model: EditorModel) => model.action !== null || model.phase.name === "publishing";
export const hasDraft = (model: EditorModel) => model.version > 0;
export const conflictOf = (model: EditorModel): Conflict | null => ("conflict" in model.phase ? model.phase.conflict : null);
/** Leaving the page would lose something: the browser asks first. */
export const hasUnsavedWork = (model: EditorModel) => isDirty(model) || model.save.kind === "saving" || conflictOf(model) !== null || model.keptCopy !== null;

/** The author's text as one block, for the kept copy. */
function formAsText(form: EditorForm): string {
  return `title: ${form.title}\nslug: ${form.slug}\ndescription: ${form.description}\ncategory: ${form.categorySlug}\ntags: ${form.tagsText}\nrelated: ${form.relatedText}\n\n${form.body}`;
}

const EDITING: Phase = { name: "editing" };
/** A reset never forgets a save under way: its answer still lands and sets the version. */
const settledSave = (save: SaveState): SaveState => (save.kind === "saving" ? save : { kind: "idle" });
/** Editing after a publish leaves the "published" state. */
const afterEdit = (phase: Phase): Phase => (phase.name === "published" ? EDITING : phase);

export function editorReducer(model: EditorModel, event: EditorEvent): EditorModel {
  const { phase, save } = model;
  switch (event.type) {
    case "changed": {
      const form = { ...model.form, ...event.patch };
      if (event.patch.title !== undefined && model.slugFollowsTitle && event.patch.slug === undefined) form.slug = slugFromTitle(event.patch.title);
      return { ...model, form, slugFollowsTitle: model.slugFollowsTitle && event.patch.slug === undefined, publishProblems: null, phase: afterEdit(phase) };
    }
    case "typed":
      if (event.body === model.form.body) return model;
      return { ...model, form: { ...model.form, body: event.body }, publishProblems: null, phase: afterEdit(phase) };

    case "saveStarted":
      return canStartSave(model) ? { ...model, save: { kind: "saving", form: model.form } } : model;
    case "saveSucceeded":
      if (save.kind !== "saving") return model;
      return {
        ...model,
        version: event.version,
        savedFingerprint: fingerprint(save.form),
        save: { kind: "saved", at: new Date(event.savedAt) },
        newerPublished: event.newerPublished ?? model.newerPublished,
      };
    case "saveConflicted": {
      if (save.kind !== "saving") return model;
      const { theirs } = event;
      // Whatever the phase: the author chooses first. A Publish waiting for this save is called off.
      const conflict: DraftConflict = {
        kind: "draft",
        who: theirs.updatedBy ?? "Someone",
        when: new Date(theirs.updatedAt),
        theirs: theirs.content,
        mine: formToContent(save.form),
        version: theirs.version,
      };
      return { ...model, save: { kind: "idle" }, phase: { name: "draftConflict", conflict } };
    }
    case "saveFailed":
      return save.kind === "saving" ? { ...model, save: { kind: "failed", message: event.message } } : model;

    case "publishStarted":
      if (!canPublish(model)) return model;
      return { ...model, notice: null, phase: { name: "publishing", request: { form: model.form, baseRevisionId: model.baseRevisionId, replacing: false } } };
    case "publishSucceeded":
      if (phase.name !== "publishing") return model;
      return {
        ...model,
        version: 0,
        baseRevisionId: event.revisionId,
        savedFingerprint: fingerprint(phase.request.form),
        save: settledSave(save),
        phase: { name: "published", slug: event.slug },
        newerPublished: null,
        slugFollowsTitle: false,
        publishProblems: null,
        notice: {
          tone: "success",
          text: `Published. Customers see it now at ${event.path ?? `/articles/${event.slug}`}.`,
          link: { href: event.path ?? `/articles/${event.slug}`, label: "View the live page" },
        },
      };
    case "publishConflicted": {
      if (phase.name !== "publishing") return model;
      const { theirs } = event;
      const conflict: PublishConflict = {
        kind: "publish",
        who: theirs.author,
        when: new Date(theirs.createdAt),
        theirs: theirs.content,
        mine: formToContent(phase.request.form),
        revisionId: theirs.revisionId,
      };
      return { ...model, phase: { name: "publishConflict", conflict } };
    }
    case "publishRefused": {
      if (phase.name !== "publishing") return model;
      const count = event.problems.length;
      const text = `Not published: ${count} problem${count === 1 ? "" : "s"} to fix first (listed below the fields).`;
      return { ...model, phase: EDITING, publishProblems: event.problems, notice: { tone: "error", text } };
    }
    case "publishFailed":
      if (phase.name !== "publishing") return model;
      return { ...model, phase: EDITING, notice: { tone: "error", text: `Not published: ${event.message}` } };

    case "keepMine":
      if (model.action !== null) return model;
      // Over a newer draft: back to editing at their version, and the component saves at once.
      if (phase.name === "draftConflict") return { ...model, phase: EDITING, version: phase.conflict.version };
      // Over a newer revision: publish the current text, naming the revision the author was shown.
      if (phase.name === "publishConflict") {
        return {
          ...model,
          notice: null,
          phase: { name: "publishing", request: { form: model.form, baseRevisionId: phase.conflict.revisionId, replacing: true } },
        };
      }
      return model;
    case "takeTheirs": {
      if (model.action !== null || (phase.name !== "draftConflict" && phase.name !== "publishConflict")) return model;
      const theirs = contentToForm(phase.conflict.theirs);
      const taken = { ...model, form: theirs, keptCopy: formAsText(model.form), phase: EDITING, publishProblems: null, save: settledSave(save) };
      if (phase.name === "draftConflict") return { ...taken, version: phase.conflict.version, savedFingerprint: fingerprint(theirs) };
      // With a draft of ours stored, theirs is autosaved over it; without one, theirs is simply the published text.
      return {
        ...taken,
        newerPublished: null,
        baseRevisionId: phase.conflict.revisionId,
        savedFingerprint: model.version === 0 ? fingerprint(theirs) : model.savedFingerprint,
      };
    }
    case "decideLater":
      return phase.name === "publishConflict" && model.action === null ? { ...model, phase: EDITING } : model;
    case "keptCopyDismissed":
      return model.keptCopy === null ? model : { ...model, keptCopy: null };

    case "actionStarted":
      return model.action === null && phase.name !== "publishing" ? { ...model, action: event.action } : model;
    case "actionFinished":
      return model.action === null ? model : { ...model, action: null, notice: event.notice };
    case "draftDiscarded": {
      if (model.action !== "discard") return model;
      const form = contentToForm(event.state.content);
      return {
        ...model,
        action: null,
        form,
        version: event.state.version,
        baseRevisionId: event.state.baseRevisionId,
        savedFingerprint: fingerprint(form),
        save: settledSave(save),
        // The editor shows the published text again: a conflict shown beside the draft is moot.
        phase: EDITING,
        publishProblems: null,
        notice: { tone: "info", text: "Draft discarded. The editor shows the published version again." },
      };
    }
  }
}
