// The brand's own sentences (lib/site-config.ts) in a page's language. The default language reads
// them from siteConfig, the one place a brand is described; another language reads its
// translations from lib/i18n/messages/<code>/brand.json, and any it leaves out stay as siteConfig
// writes them.
import { DEFAULT_LOCALE, type Locale } from "./locales";
import { siteConfig } from "../site-config";

export interface BrandText {
  tagline: string;
  description: string;
  searchPlaceholder: string;
  supportHours: string;
  responseTime: string;
}

const defaults: BrandText = {
  tagline: siteConfig.tagline,
  description: siteConfig.description,
  searchPlaceholder: siteConfig.searchPlaceholder,
  supportHours: siteConfig.support.hours,
  responseTime: siteConfig.support.responseTime,
};

const cache = new Map<Locale, Promise<BrandText>>();

export function brandText(locale: Locale): Promise<BrandText> {
  if (locale === DEFAULT_LOCALE) return Promise.resolve(defaults);
  let loading = cache.get(locale);
  if (!loading) {
    loading = import(`./messages/${locale}/brand.json`)
      .then((module: { default: Partial<BrandText> }) => ({ ...defaults, ...module.default }))
      .catch(() => defaults);
    cache.set(locale, loading);
  }
  return loading;
}
