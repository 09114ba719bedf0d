import type { Metadata } from "next";
import { ImportForm } from "@/components/library/import-form";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass, cardClass } from "@/components/ui/styles";
import { getStaffContext, requirePageActor } from "@/lib/auth/current";
import { UPLOAD_LIMITS } from "@/lib/content/archive";
import { listLibraryCategories } from "@/lib/staff/library";
import { formatCount } from "@/lib/format";

export const metadata: Metadata = { title: "Library" };

export default async function StaffLibraryPage() {
  await requirePageActor("editor", "/staff/library");
  const categories = await listLibraryCategories(await getStaffContext());
  const published = categories.reduce((sum, c) => sum + c.published, 0);
  return (
    <>
      <PageHeader
        title="Library"
        description={
          <>
            The published articles as MDX files: the same files <code className="text-sm">npm run content:export</code> writes and{" "}
            <code className="text-sm">npm run content:import</code> reads.
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <section className={`${cardClass} p-5`} aria-labelledby="export-heading">
          <h2 id="export-heading" className="text-lg font-semibold text-slate-900">
            Download
          </h2>
          <p className="mt-1 mb-4 text-sm text-slate-600">
            A zip of {published} published articles in {categories.length} categories: categories.json and articles/&lt;category&gt;/&lt;slug&gt;.mdx.
          </p>
          <a href="/api/staff/library/export" download className={buttonClass("primary")}>
            Download the library (.zip)
          </a>
        </section>
        <section className={`${cardClass} p-5`} aria-labelledby="import-heading">
          <h2 id="import-heading" className="text-lg font-semibold text-slate-900">
            Upload
          </h2>
          <ul className="mt-2 mb-5 list-disc space-y-1 pl-5 text-sm text-slate-700">
            <li>
              Every file is checked with the rules of the command-line import. If anything is wrong, nothing is imported and every problem is listed with its
              file and line.
            </li>
            <li>A changed article is published at once as a new revision; an unchanged one is left alone. Nothing is deleted.</li>
            <li>A loose .mdx file is matched to its article by its name (the slug).</li>
            <li>
              At most {UPLOAD_LIMITS.uploadBytes / (1024 * 1024)} MB per upload, {formatCount(UPLOAD_LIMITS.files)} files, and{" "}
              {UPLOAD_LIMITS.fileBytes / (1024 * 1024)} MB per file.
            </li>
          </ul>
          <ImportForm categories={categories.map(({ slug, name }) => ({ slug, name }))} />
        </section>
      </div>
    </>
  );
}
