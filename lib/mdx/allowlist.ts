// The whole vocabulary staff may use in MDX. Anything else is refused by lib/mdx/compile.ts.
// components/mdx/registry.tsx must provide exactly these components.

/** Components and the attributes each accepts (string values only). */
export const ALLOWED_COMPONENTS = {
  Note: ["title"],
  Tip: ["title"],
  Warning: ["title"],
  Steps: [],
  Kbd: [],
  /** A brand value from lib/site-config.ts (articleValues), replaced by its text when compiled. */
  Var: ["name"],
} as const satisfies Record<string, readonly string[]>;

export type AllowedComponent = keyof typeof ALLOWED_COMPONENTS;

/** Components drawn as boxes or lists of their own, never inside a line of text (HTML puts no box in a paragraph). */
export const BLOCK_COMPONENTS: readonly AllowedComponent[] = ["Note", "Tip", "Warning", "Steps"];

/** Schemes a link may use. Relative URLs (/path, #anchor, ./x) are always fine. */
export const ALLOWED_LINK_SCHEMES = ["http:", "https:", "mailto:", "tel:"] as const;

/** Images may come from our own site or over https. */
export const ALLOWED_IMAGE_SCHEMES = ["https:"] as const;

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Browsers ignore tabs, newlines and leading control characters in URLs ("java\nscript:"),
 * so the scheme is read the way a browser would read it.
 */
function schemeOf(url: string): string | null {
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, "");
  const match = SCHEME.exec(cleaned);
  return match ? match[1]!.toLowerCase() + ":" : null;
}

export function isAllowedUrl(url: string, schemes: readonly string[]): boolean {
  const scheme = schemeOf(url);
  if (scheme === null) {
    // Protocol-relative URLs (//evil.example) leave the site: only an explicit https: may.
    return !/^[\s\u0000-\u001f]*[/\\]{2}/.test(url);
  }
  return schemes.includes(scheme);
}
