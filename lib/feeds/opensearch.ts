// /opensearch.xml: the OpenSearch 1.1 description that lets a browser search the help center
// from its address bar (pages link it with rel="search").
import { siteConfig } from "../site-config";
import { escapeXml, xmlDocument } from "./xml";

export const OPENSEARCH_PATH = "/opensearch.xml";

export function buildOpenSearchDescription(origin: string): string {
  const abs = (path: string) => escapeXml(new URL(path, origin).href);
  // ShortName: at most 16 characters, by the specification.
  const shortName = siteConfig.name.length <= 16 ? siteConfig.name : siteConfig.name.slice(0, 16).trimEnd();
  return xmlDocument(`<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/" xmlns:moz="http://www.mozilla.org/2006/browser/search/">
  <ShortName>${escapeXml(shortName)}</ShortName>
  <Description>${escapeXml(`Search the ${siteConfig.name} articles`)}</Description>
  <InputEncoding>UTF-8</InputEncoding>
  <Language>en-AU</Language>
  <Image width="16" height="16" type="image/x-icon">${abs("/favicon.ico")}</Image>
  <Url type="text/html" method="get" template="${abs("/search")}?q={searchTerms}"/>
  <Url type="application/opensearchdescription+xml" rel="self" template="${abs(OPENSEARCH_PATH)}"/>
  <moz:SearchForm>${abs("/search")}</moz:SearchForm>
</OpenSearchDescription>`);
}
