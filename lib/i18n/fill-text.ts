// Fills a client component's strings (components/i18n/client-text.tsx): "{count} articles found"
// with { count: 3 }. Plurals are separate keys chosen with the language's own rules, so a message
// file says `"found": { "one": "{count} article found", "other": "{count} articles found" }`.
// `locale` is a BCP 47 tag ("de-DE", lib/i18n/locales.ts languageTag): it picks the plural form
// and writes the numbers ("1.000" in German).

type Values = Record<string, string | number>;
type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const PLACEHOLDER = /\{(\w+)\}/g;

export function fillText(template: string, values: Values = {}): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/**
 * A template split at its placeholders, each filled with its value as it is (an element, say):
 * "Try other words, or {link}." with { link: <a/> } → ["Try other words, or ", <a/>, "."].
 * Unknown placeholders stay as written; empty strings are left out.
 */
export function fillParts<T>(template: string, values: Record<string, T | string | number>): (T | string)[] {
  const parts: (T | string)[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1]!;
    if (!Object.hasOwn(values, name)) continue;
    if (match.index > last) parts.push(template.slice(last, match.index));
    const value = values[name]!;
    parts.push(typeof value === "number" ? String(value) : value);
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  // Unknown placeholders were skipped above and are in the text between: join neighbouring strings.
  return parts.reduce<(T | string)[]>((joined, part) => {
    const previous = joined.at(-1);
    if (typeof part === "string" && typeof previous === "string") joined[joined.length - 1] = previous + part;
    else joined.push(part);
    return joined;
  }, []);
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * A number as the language writes it: "5,000" in English, "5.000" in German. `options` are
 * Intl.NumberFormat's: `{ useGrouping: "min2" }` leaves four digits ungrouped ("1000").
 */
export function formatNumber(locale: string, value: number, options: Intl.NumberFormatOptions = {}): string {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format.format(value);
}

/**
 * The plural form of `forms` for `count` in `locale` (Intl.PluralRules), falling back to "other",
 * with `{count}` written for the language (formatNumber) unless `values` gives it.
 */
export function pluralText(locale: string, forms: PluralForms, count: number, values: Values = {}): string {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return fillText(forms[rules.select(count)] ?? forms.other, { count: formatNumber(locale, count), ...values });
}
