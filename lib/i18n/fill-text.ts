// Fills a client component's strings (lib/i18n/messages.ts clientText): "{count} articles found"
// with { count: 3 }. Plurals are separate keys chosen with the language's own rules, so a message
// file says `"found": { "one": "1 article found", "other": "{count} articles found" }`.

export function fillText(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/** The plural form of `forms` for `count` in `locale` (Intl.PluralRules), falling back to "other". */
export function pluralText(locale: string, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }, count: number, values: Record<string, string | number> = {}) {
  const rule = new Intl.PluralRules(locale).select(count);
  return fillText(forms[rule] ?? forms.other, { count, ...values });
}
