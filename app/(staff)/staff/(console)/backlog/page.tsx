import type { Metadata } from "next";
import { BacklogList } from "@/components/backlog/backlog-list";
import { cardClass } from "@/components/ui/styles";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { getStaffContext, requirePageActor } from "@/lib/auth/current";
import { BACKLOG_DAYS, BACKLOG_PAGE_SIZE, getBacklog, HALF_LIFE_DAYS } from "@/lib/staff/backlog";
import { parsePageParam } from "@/lib/paging";

export const metadata: Metadata = { title: "Backlog" };

export default async function BacklogPage({ searchParams }: PageProps<"/staff/backlog">) {
  await requirePageActor("editor", "/staff/backlog");
  const items = await getBacklog(await getStaffContext());
  const pageCount = Math.max(1, Math.ceil(items.length / BACKLOG_PAGE_SIZE));
  const page = Math.min(parsePageParam((await searchParams).page), pageCount);
  const start = (page - 1) * BACKLOG_PAGE_SIZE;
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
        <>
          <BacklogList items={items.slice(start, start + BACKLOG_PAGE_SIZE)} firstRank={start + 1} />
          <Pagination page={page} pageCount={pageCount} href={(to) => (to > 1 ? `/staff/backlog?page=${to}` : "/staff/backlog")} />
        </>
      )}
    </>
  );
}
