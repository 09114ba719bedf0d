import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/current";

export const metadata: Metadata = { title: "Overview" };

export default async function StaffOverviewPage() {
  const actor = await requirePageActor("editor", "/staff");
  return <PageHeader title={`Hello, ${actor.name}`} description="What customers read, rated and searched for." />;
}
