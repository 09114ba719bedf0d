import type { Metadata } from "next";
import { NotFoundContent } from "@/components/site/not-found-content";

export const metadata: Metadata = { title: "Page not found" };

// notFound() inside a customer page: the (site) layout already draws the header and footer.
export default function NotFound() {
  return <NotFoundContent />;
}
