import type { Metadata } from "next";
import { BulkActions } from "@/components/inbox/bulk-actions";
import { InboxFilterLinks } from "@/components/inbox/inbox-filter";
import { RequestCard } from "@/components/inbox/request-card";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { cardClass } from "@/components/ui/styles";
import { getStaffContext, requirePageActor } from "@/lib/auth/current";
import { INBOX_MAX_PAGE, type InboxFilter, listContactRequests, parseInboxFilter } from "@/lib/staff/inbox";
import { parsePageParam } from "@/lib/paging";

export const metadata: Metadata = { title: "Inbox" };

const emptyText: Record<InboxFilter, string> = {
  open: "No open requests. Everyone who asked for help has been answered.",
  handled: "No request has been marked handled yet.",
  spam: "Nothing marked as spam. Spam is deleted 30 days after it is marked.",
  all: "No customer has used the contact form yet.",
};

const inboxHref = (filter: InboxFilter, page: number) => `/staff/inbox?show=${filter}${page > 1 ? `&page=${page}` : ""}`;

export default async function InboxPage({ searchParams }: PageProps<"/staff/inbox">) {
  await requirePageActor("editor", "/staff/inbox");
  const params = await searchParams;
  const filter = parseInboxFilter(params.show);
  const inbox = await listContactRequests(await getStaffContext(), filter, parsePageParam(params.page, INBOX_MAX_PAGE));
  return (
    <>
      <PageHeader
        title="Inbox"
        description="“Still need help?” requests, newest first, with the article each customer was reading. Reply by e-mail, then mark the request handled."
        actions={<InboxFilterLinks current={filter} counts={inbox.counts} />}
      />
      {inbox.requests.length === 0 ? (
        <p className={`${cardClass} px-5 py-6 text-slate-700`}>{emptyText[filter]}</p>
      ) : (
        <>
          <BulkActions filter={filter} />
          <div className="space-y-4">
            {inbox.requests.map((request) => (
              <RequestCard key={request.id} request={request} />
            ))}
          </div>
          <Pagination page={inbox.page} pageCount={inbox.pageCount} href={(page) => inboxHref(filter, page)} />
        </>
      )}
    </>
  );
}
