import { socialCardPng, socialCardResponse } from "@/lib/seo/social-card";
import { siteConfig } from "@/lib/site-config";

export const dynamic = "force-dynamic";

// GET /og.png — the link-preview picture of pages without one of their own (home, categories, contact)
export async function GET() {
  return socialCardResponse(await socialCardPng("site", { title: "How can we help?", description: siteConfig.description }));
}
