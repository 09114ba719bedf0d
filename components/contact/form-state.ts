// What the contact form's server action (./actions.ts) answers when it does not send the message:
// the form comes back with what was typed and what to change. Kept out of the "use server" file,
// which may export only actions.
export const CONTACT_FIELDS = ["name", "email", "message"] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export interface ContactFormState {
  values: Record<ContactField, string>;
  errors: Partial<Record<ContactField | "form", string>>;
  /** The signed load time to send again: the first one, unless it was the problem. */
  formToken?: string;
}
