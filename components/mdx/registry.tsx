// The one MDX component registry: what each allowlisted component (lib/mdx/allowlist.ts) and
// each Markdown element renders as. Customers, previews and staff all see the same output.
import Link from "next/link";
import type { ComponentPropsWithoutRef, ReactNode } from "react";
import type { AllowedComponent } from "@/lib/mdx/allowlist";
import { localePath, type Locale } from "@/lib/i18n/locales";
import { Callout, type CalloutLabels, ENGLISH_CALLOUT_LABELS } from "./callout";

type Children = { children?: ReactNode };

// <Var> never reaches the renderer: lib/mdx/compile.ts replaces it with its brand value.
function customComponents(labels: CalloutLabels): Record<Exclude<AllowedComponent, "Var">, (props: Children & { title?: string }) => ReactNode> {
  return {
    Note: ({ title, children }) => (
      <Callout kind="note" title={title} label={labels.note}>
        {children}
      </Callout>
    ),
    Tip: ({ title, children }) => (
      <Callout kind="tip" title={title} label={labels.tip}>
        {children}
      </Callout>
    ),
    Warning: ({ title, children }) => (
      <Callout kind="warning" title={title} label={labels.warning}>
        {children}
      </Callout>
    ),
    Steps: ({ children }) => <div className="steps">{children}</div>,
    Kbd: ({ children }) => (
      <kbd className="rounded border border-slate-300 bg-white px-1.5 py-0.5 font-mono text-[0.85em] shadow-[0_1px_0_rgb(0_0_0/0.15)]">{children}</kbd>
    ),
  };
}

/** Links to other articles and categories stay in the page's language: /articles/x is /de/articles/x on a German page. */
const LIBRARY_LINK = /^\/(?:articles|categories)\//;

function MdxLink({ href = "", children, locale, ...rest }: ComponentPropsWithoutRef<"a"> & { locale?: Locale }) {
  if (href.startsWith("/") && !href.startsWith("//")) {
    return (
      <Link href={locale && LIBRARY_LINK.test(href) ? localePath(locale, href) : href} {...rest}>
        {children}
      </Link>
    );
  }
  const external = /^https?:/i.test(href);
  return (
    <a href={href} {...rest} {...(external ? { rel: "noopener noreferrer nofollow", target: "_blank" } : {})}>
      {children}
      {external && <span className="sr-only"> (opens in a new tab)</span>}
    </a>
  );
}

function MdxImage({ src, alt = "", title, width, height }: ComponentPropsWithoutRef<"img">) {
  // Width and height (when lib/mdx/image-dimensions.ts knows them) reserve the image's space; CSS scales it.
  return (
    // eslint-disable-next-line @next/next/no-img-element -- authored images are served as they are, not through next/image
    <img
      src={typeof src === "string" ? src : undefined}
      alt={alt}
      title={title}
      width={width}
      height={height}
      loading="lazy"
      decoding="async"
      className="h-auto rounded-lg border border-slate-200"
    />
  );
}

/** `data-label` comes from lib/mdx/compile.ts (nameTables): the scrollable region's own name. */
function MdxTable({ "data-label": label = "Table", ...props }: ComponentPropsWithoutRef<"table"> & { "data-label"?: string }) {
  return (
    <section className="not-prose my-6 overflow-x-auto rounded-lg border border-slate-200" aria-label={label} tabIndex={0}>
      <table
        className="w-full border-collapse text-left text-sm [&_td]:border-t [&_td]:border-slate-200 [&_td]:px-4 [&_td]:py-2.5 [&_th]:bg-slate-100 [&_th]:px-4 [&_th]:py-2.5 [&_th]:font-semibold [&_th]:text-slate-900 [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.85em]"
        {...props}
      />
    </section>
  );
}

export interface MdxOptions {
  /** The notes' default headings, in the article's own language. */
  labels?: CalloutLabels;
  /** The page's language, which links to other articles keep. */
  locale?: Locale;
}

/** The components an article's tree renders with. */
export function mdxComponents({ labels = ENGLISH_CALLOUT_LABELS, locale }: MdxOptions = {}) {
  return {
    ...customComponents(labels),
    a: locale ? (props: ComponentPropsWithoutRef<"a">) => <MdxLink {...props} locale={locale} /> : MdxLink,
    img: MdxImage,
    table: MdxTable,
  };
}
