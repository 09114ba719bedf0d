import { getStaffContext, requireRouteActor } from "@/lib/auth/current";
import { handle } from "@/lib/http";
import { exportLibraryZip } from "@/lib/staff/library";

// Never cached: the zip is the library as it is published right now, for signed-in staff only.
export const dynamic = "force-dynamic";

// GET /api/staff/library/export — the published library as a zip of MDX files
export const GET = handle(async () => {
  await requireRouteActor("editor");
  const { filename, bytes } = await exportLibraryZip(await getStaffContext());
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": "private, no-store",
    },
  });
});
