// A valid article for staff tests to create, publish and change: the forwarder article, with
// whatever a test overrides.
import type { DraftContent } from "@/lib/articles/schema";

export const DRAFT_BODY = "Forward mail from one address to another.\n\n## Steps\n\n1. Open **Email**.\n2. Choose **Forwarders**.\n";

export function draftContent(slug: string, overrides: Partial<DraftContent> = {}): DraftContent {
  return {
    slug,
    title: "Set up an email forwarder",
    description: "How to send mail that arrives at one address on to another address.",
    categorySlug: "email",
    tags: ["forwarding"],
    related: [],
    audience: "public",
    body: DRAFT_BODY,
    ...overrides,
  };
}
