// Structured data (schema.org, as JSON-LD) for search engines: WebSite with a SearchAction on the
// home page, Article and BreadcrumbList on articles, FAQPage on question-and-answer articles
// (lib/seo/faq.ts). components/seo/json-ld.tsx prints it.
import { siteConfig } from "../site-config";

type JsonLd = Record<string, unknown>;

const CONTEXT = "https://schema.org";

function organization(origin: string): JsonLd {
  return { "@type": "Organization", name: siteConfig.company, url: `${origin}/` };
}

export function websiteJsonLd(origin: string): JsonLd {
  return {
    "@context": CONTEXT,
    "@type": "WebSite",
    name: siteConfig.name,
    description: siteConfig.description,
    url: `${origin}/`,
    inLanguage: "en-AU",
    publisher: organization(origin),
    potentialAction: {
      "@type": "SearchAction",
      target: { "@type": "EntryPoint", urlTemplate: `${origin}/search?q={search_term_string}` },
      "query-input": "required name=search_term_string",
    },
  };
}

export interface ArticleJsonLdInput {
  slug: string;
  title: string;
  description: string;
  categorySlug: string;
  categoryName: string;
  tags: string[];
  updatedAt: Date;
  imagePath: string;
  wordCount: number;
}

export function articleJsonLd(article: ArticleJsonLdInput, origin: string): JsonLd {
  const url = `${origin}/articles/${article.slug}`;
  return {
    "@context": CONTEXT,
    "@type": "Article",
    headline: article.title,
    description: article.description,
    url,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    image: new URL(article.imagePath, origin).href,
    dateModified: article.updatedAt.toISOString(),
    inLanguage: "en-AU",
    articleSection: article.categoryName,
    keywords: article.tags.join(", "),
    wordCount: article.wordCount,
    author: organization(origin),
    publisher: organization(origin),
  };
}

export function breadcrumbJsonLd(items: { name: string; path: string }[], origin: string): JsonLd {
  return {
    "@context": CONTEXT,
    "@type": "BreadcrumbList",
    itemListElement: items.map((item, index) => ({ "@type": "ListItem", position: index + 1, name: item.name, item: new URL(item.path, origin).href })),
  };
}

export function faqJsonLd(entries: { question: string; answer: string }[]): JsonLd {
  return {
    "@context": CONTEXT,
    "@type": "FAQPage",
    mainEntity: entries.map(({ question, answer }) => ({ "@type": "Question", name: question, acceptedAnswer: { "@type": "Answer", text: answer } })),
  };
}

/**
 * JSON for a <script type="application/ld+json">: the browser reads the element's text up to the
 * first "</script", and HTML parsing rules apply to "<!--", so every <, > and & is written as a
 * JSON escape (the same value to a JSON reader), as are the line separators JavaScript once refused.
 */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
