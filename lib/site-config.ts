// The brand, in one place: change these to make the help center yours (README, Configuration).
// Customer and staff pages alike take their name, colours, logo, contact details and the locale of
// their dates and numbers from here; articles print these values with <Var name="…" />.

/** A colour scale from lightest (50) to darkest (950), as Tailwind's own. */
type ColourScale = Record<50 | 100 | 200 | 300 | 400 | 500 | 600 | 700 | 800 | 900 | 950, string>;

const company = "Harbour Hosting";

/** How customers reach a person. */
const support = {
  email: "support@harbour.example",
  phone: "1300 975 707",
  hours: "Every day, 8 am to 8 pm (AEST)",
  responseTime: "We usually reply within a few hours.",
} as const;

export const siteConfig = {
  name: "Harbour Help",
  company,
  tagline: "Real answers from real people, whenever you need them.",
  description: "Guides and answers for Harbour Hosting customers: email, domains, hosting, WordPress, billing and security.",
  searchPlaceholder: "Search for instant answers to popular questions",
  /**
   * The languages the help center is written in (lib/i18n/locales.ts). The first is the default:
   * its pages keep unprefixed addresses (/articles/…), the staff area uses it, and every article
   * starts in it. Every other language lives under its code (/de/articles/…), with its interface
   * strings in messages/<code>.json and its articles translated from default-language ones.
   * `locale` is the BCP 47 tag of `<html lang>` and of the language's dates and numbers.
   */
  languages: [
    { code: "en", name: "English", locale: "en-AU" },
    { code: "de", name: "Deutsch", locale: "de-DE" },
  ],
  /**
   * The mark beside the name in the headers: `initial` on a square of the brand colour, or an
   * image of your own (a path under public/, such as "/logo.svg", drawn at 32 px high). The
   * browser tab's icon is app/icon.svg.
   */
  logo: { initial: "H", image: null as string | null },
  /**
   * The brand colour (Tailwind's teal here), as the brand-50 … brand-950 classes use it: links,
   * buttons, focus rings. Dark mode uses the same scale turned around (app/theme.css).
   */
  colours: {
    brand: {
      50: "#f0fdfa",
      100: "#ccfbf1",
      200: "#99f6e4",
      300: "#5eead4",
      400: "#2dd4bf",
      500: "#14b8a6",
      600: "#0d9488",
      700: "#0f766e",
      800: "#115e59",
      900: "#134e4a",
      950: "#042f2e",
    } satisfies ColourScale,
  },
  support,
  /**
   * Values that articles print with `<Var name="…" />` (docs/writing-articles.md): whatever differs
   * from one hosting company to the next. Change a value here and every article follows; an
   * article that names a value not listed here is refused at import and in the editor.
   * A value that is an https:// address is printed as a link to itself.
   */
  articleValues: {
    company,
    supportEmail: support.email,
    supportHours: support.hours,
    clientAreaUrl: "https://my.harbour.example",
    nameserver1: "ns1.harbour.example",
    nameserver2: "ns2.harbour.example",
    supportPhone: support.phone,
    statusPageUrl: "https://status.harbour.example",
    clientAreaPasswordResetUrl: "https://my.harbour.example/index.php?rp=/password/reset",
    autoSslProvider: "Sectigo",
    autoSslCaaDomain: "sectigo.com",
    sshPort: "22",
    serverTimeZone: "Sydney time (AEST, or AEDT during daylight saving)",
    cronMinimumInterval: "5 minutes",
    overdueSuspensionDays: "7",
    overdueTerminationDays: "30",
  },
} as const;

type ArticleValueName = keyof typeof siteConfig.articleValues;

/** The value `<Var name={name} />` prints, or undefined for a name the brand does not define. */
export function articleValue(name: string): string | undefined {
  return Object.hasOwn(siteConfig.articleValues, name) ? siteConfig.articleValues[name as ArticleValueName] : undefined;
}

/** The brand colours as CSS custom properties (`--brand-600: #0d9488; …`), which app/theme.css maps to Tailwind's brand-* colours. */
export function brandColourProperties(): string {
  return Object.entries(siteConfig.colours.brand)
    .map(([step, value]) => `--brand-${step}:${value}`)
    .join(";");
}
