// Interface strings live in lib/i18n/messages/<code>/<namespace>.json: one folder per language in
// siteConfig.languages, one file per part of the site. The default language's files are complete;
// another language's may leave strings out, and those fall back to the default language's words
// rather than showing a key.
import type { AbstractIntlMessages } from "next-intl";
import article from "./messages/en/article.json";
import contact from "./messages/en/contact.json";
import error from "./messages/en/error.json";
import rating from "./messages/en/rating.json";
import searchBox from "./messages/en/search-box.json";
import site from "./messages/en/site.json";
import theme from "./messages/en/theme.json";
import { DEFAULT_LOCALE, type Locale } from "./locales";

const defaultMessages = { Site: site, Article: article, SearchBox: searchBox, Rating: rating, Contact: contact, Theme: theme, Error: error };

export type Messages = typeof defaultMessages;
type Namespace = keyof Messages;

/** Which file holds each namespace. */
const FILES: Record<Namespace, string> = {
  Site: "site",
  Article: "article",
  SearchBox: "search-box",
  Rating: "rating",
  Contact: "contact",
  Theme: "theme",
  Error: "error",
};

function merge(base: AbstractIntlMessages, override: AbstractIntlMessages): AbstractIntlMessages {
  const result: AbstractIntlMessages = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const under = base[key];
    result[key] = typeof value === "object" && typeof under === "object" ? merge(under, value) : value;
  }
  return result;
}

const cache = new Map<Locale, Promise<Messages>>();

async function load(code: Locale): Promise<Messages> {
  const translated: AbstractIntlMessages = {};
  for (const [namespace, file] of Object.entries(FILES)) {
    // A language without a file for a namespace reads the default language's words.
    const loaded = (await import(`./messages/${code}/${file}.json`).catch(() => ({ default: {} }))) as { default: AbstractIntlMessages };
    translated[namespace] = loaded.default;
  }
  return merge(defaultMessages as unknown as AbstractIntlMessages, translated) as unknown as Messages;
}

/** Every interface string of a language, the default language's words filling any gaps. */
export function loadMessages(code: Locale): Promise<Messages> {
  if (code === DEFAULT_LOCALE) return Promise.resolve(defaultMessages);
  let loading = cache.get(code);
  if (!loading) cache.set(code, (loading = load(code)));
  return loading;
}

/** The namespaces client components read (components/i18n/client-text.tsx). */
const CLIENT_NAMESPACES = ["SearchBox", "Rating", "Contact", "Theme", "Error"] as const;
export type ClientMessages = Pick<Messages, (typeof CLIENT_NAMESPACES)[number]>;

/** Every client namespace's strings in a language, for the customer layout's ClientTextProvider. */
export async function clientMessages(code: Locale): Promise<ClientMessages> {
  const all = await loadMessages(code);
  return Object.fromEntries(CLIENT_NAMESPACES.map((namespace) => [namespace, all[namespace]])) as ClientMessages;
}
