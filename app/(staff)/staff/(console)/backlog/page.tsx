import type { Metadata } from "next";
import { BacklogList } from "@/components/backlog/backlog-list";
import { cardClass } from "@/components/ui/styles";
import { PageHeader } from "@/components/ui/page-header";
import { getStaffContext, requirePageActor } from "@/lib/auth/current";
import { BACKLOG_DAYS, getBacklog, HALF_LIFE_DAYS } from "@/lib/staff/backlog";

export const metadata: Metadata = { title: "Backlog" };

export default async function BacklogPage() {
  await requirePageActor("editor", "/staff/backlog");
  const items = await getBacklog(await getStaffContext());
  return (
    <>
      <PageHeader
        title="Backlog"
        description={`What to write or fix next, from the last ${BACKLOG_DAYS} days: searches that found nothing, grouped by what was meant, and articles readers left Sad comments on. Ranked by how many customers, with recent ones counting more (half as much after ${HALF_LIFE_DAYS} days).`}
      />
      {items.length === 0 ? (
        <p className={`${cardClass} px-5 py-6 text-slate-700`}>
          Nothing in the backlog: every search in the last {BACKLOG_DAYS} days found an article and no reader left a Sad comment.
        </p>
      ) : (
        <BacklogList items={items} />
      )}
    </>
  );
}
