import { NextResponse } from "next/server";
import { getStaffContext, requireRouteActor } from "@/lib/auth/current";
import { LibraryUploadError, UPLOAD_LIMITS, type UploadedFile } from "@/lib/content/archive";
import { assertSameOrigin, handle } from "@/lib/http";
import { HttpError } from "@/lib/http-error";
import { importLibraryUpload } from "@/lib/staff/library";
import { revalidateCustomerPages } from "@/lib/articles/revalidate";

// Room for the multipart boundaries and headers around the files themselves.
const MAX_BODY_BYTES = UPLOAD_LIMITS.uploadBytes + 256 * 1024;

// POST /api/staff/library/import — publish uploaded MDX files (a zip, or loose .mdx files)
export const POST = handle(async (request: Request) => {
  await requireRouteActor("editor");
  assertSameOrigin(request);
  const form = await readUploadForm(request);
  const files: UploadedFile[] = [];
  for (const value of form.getAll("files")) {
    if (typeof value === "string") continue;
    if (value.size === 0 && value.name === "") continue; // a file input left empty
    files.push({ name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) });
  }
  const category = form.get("category");
  try {
    const started = performance.now();
    const result = await importLibraryUpload(await getStaffContext(), { files, category: typeof category === "string" ? category : null });
    // The server's log gets the same summary line as `npm run content:import`.
    const total = result.created.length + result.updated.length + result.unchanged.length;
    console.log(
      `Library upload: imported ${total} articles: ${result.created.length} new, ${result.updated.length} changed, ${result.unchanged.length} unchanged, in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
    if (result.created.length + result.updated.length > 0) {
      revalidateCustomerPages({
        slugs: [...result.created, ...result.updated].map((a) => a.slug),
        categorySlugs: result.categorySlugs,
        leftCustomers: result.leftCustomers,
      });
    }
    return NextResponse.json(result);
  } catch (error) {
    if (error instanceof LibraryUploadError) return NextResponse.json({ error: error.message, problems: error.problems }, { status: error.status });
    throw error;
  }
});

/** Reads a multipart body of bounded size; a larger one is refused before it is parsed. */
async function readUploadForm(request: Request): Promise<FormData> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data;/i.test(type)) throw new HttpError(415, 'Send the files as "multipart/form-data", as a file upload form does.');
  const tooLarge = () => new LibraryUploadError(413, `The upload is too large: at most ${UPLOAD_LIMITS.uploadBytes / (1024 * 1024)} MB.`);
  if (Number(request.headers.get("content-length") ?? "0") > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  for (;;) {
    const next = await reader?.read();
    if (!next || next.done) break;
    size += next.value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader?.cancel();
      throw tooLarge();
    }
    chunks.push(next.value);
  }
  try {
    return await new Response(Buffer.concat(chunks), { headers: { "content-type": type } }).formData();
  } catch {
    throw new HttpError(400, "The upload could not be read as a form; choose the files again and retry.");
  }
}
