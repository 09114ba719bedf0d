// Brand and contact details in one place: change these to make the help center yours.
export const siteConfig = {
  name: "Harbour Help",
  company: "Harbour Hosting",
  tagline: "Real answers from real people, whenever you need them.",
  description: "Guides and answers for Harbour Hosting customers: email, domains, hosting, WordPress, billing and security.",
  searchPlaceholder: "Search for instant answers to popular questions",
  support: {
    email: "support@harbour.example",
    hours: "Every day, 8 am to 8 pm (AEST)",
    responseTime: "We usually reply within a few hours.",
  },
  /**
   * Values that articles print with `<Var name="…" />` (docs/writing-articles.md): whatever differs
   * from one hosting company to the next. Change a value here and every article follows; an
   * article that names a value not listed here is refused at import and in the editor.
   * A value that is an https:// address is printed as a link to itself.
   */
  articleValues: {
    company: "Harbour Hosting",
    supportEmail: "support@harbour.example",
    supportHours: "Every day, 8 am to 8 pm (AEST)",
    clientAreaUrl: "https://my.harbour.example",
    nameserver1: "ns1.harbour.example",
    nameserver2: "ns2.harbour.example",
    supportPhone: "1300 975 707",
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

export type ArticleValueName = keyof typeof siteConfig.articleValues;

/** The value `<Var name={name} />` prints, or undefined for a name the brand does not define. */
export function articleValue(name: string): string | undefined {
  return Object.hasOwn(siteConfig.articleValues, name) ? siteConfig.articleValues[name as ArticleValueName] : undefined;
}
