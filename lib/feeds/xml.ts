// Text and attribute values for the XML documents the site writes by hand (the sitemap, the Atom
// feed, the OpenSearch description): the five markup characters escaped, and characters XML 1.0
// does not allow at all (most control characters, lone surrogates) left out, so a title holding
// `&`, `<` or a stray control character never breaks a document.
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export function escapeXml(value: string): string {
  return value.replace(NOT_XML, "").replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A whole document: the declaration, then `body`. */
export function xmlDocument(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`;
}
