import type { TocHeading } from "@/lib/mdx/compile";

/** The article's sections; drawn once per page (its heading's id is fixed). */
export function TableOfContents({ headings, className = "", title = "On this page" }: { headings: TocHeading[]; className?: string; title?: string }) {
  if (headings.length < 2) return null;
  return (
    <nav aria-labelledby="toc-title" className={`text-sm ${className}`}>
      <h2 id="toc-title" className="mb-3 text-xs font-semibold tracking-wider text-slate-500 uppercase">
        {title}
      </h2>
      <ol className="space-y-2 border-l border-slate-200">
        {headings.map((heading) => (
          <li key={heading.id} className={heading.depth === 3 ? "pl-7" : "pl-4"}>
            <a href={`#${heading.id}`} className="-ml-px block border-l border-transparent text-slate-600 hover:border-brand-700 hover:text-brand-700">
              {heading.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
