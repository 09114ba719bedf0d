import type { Metadata, Viewport } from "next";
import { siteConfig } from "../site-config";
import { siteOrigin } from "../site-url";

/** What every page's head starts from, whichever root layout draws it. */
export const rootMetadata: Metadata = {
  title: { default: siteConfig.name, template: `%s · ${siteConfig.name}` },
  description: siteConfig.description,
  // Canonical links and share cards are written out in full from the public address (lib/site-url.ts).
  metadataBase: new URL(siteOrigin()),
};

export const rootViewport: Viewport = { themeColor: "#0f172a" };
