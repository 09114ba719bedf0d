import type { ReactNode } from "react";
import { SiteChrome } from "@/components/site/site-chrome";
import { FEED_PATH } from "@/lib/feeds/atom";
import { OPENSEARCH_PATH } from "@/lib/feeds/opensearch";
import { siteConfig } from "@/lib/site-config";
import { absoluteUrl } from "@/lib/site-url";

export default function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <>
      {/* React places these in <head>: the Atom feed for feed readers, the OpenSearch description for the address bar. */}
      <link rel="alternate" type="application/atom+xml" title={`${siteConfig.name}: new and updated articles`} href={absoluteUrl(FEED_PATH)} />
      <link rel="search" type="application/opensearchdescription+xml" title={siteConfig.name} href={absoluteUrl(OPENSEARCH_PATH)} />
      <SiteChrome>{children}</SiteChrome>
    </>
  );
}
