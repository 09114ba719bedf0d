import { buildOpenSearchDescription } from "@/lib/feeds/opensearch";
import { machineResponse } from "@/lib/feeds/response";
import { siteOrigin } from "@/lib/site-url";

export const dynamic = "force-dynamic";

// GET /opensearch.xml — lets browsers search the help center from the address bar
export function GET() {
  return machineResponse(buildOpenSearchDescription(siteOrigin()), "application/opensearchdescription+xml");
}
