import type { Metadata } from "next";
import { InboxFilterLinks } from "@/components/inbox/inbox-filter";
import { RequestCard } from "@/components/inbox/request-card";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass } from "@/components/ui/styles";
import { getStaffContext, requirePageActor } from "@/lib/auth/current";
import { INBOX_PAGE_SIZE, listContactRequests, parseInboxFilter } from "@/lib/staff/inbox";

export const metadata: Metadata = { title: "Inbox" };

const emptyText = {
  open: "No open requests. Everyone who asked for help has been answered.",
  handled: "No request has been marked handled yet.",
  all: "No customer has used the contact form yet.",
};

export default async function InboxPage({ searchParams }: PageProps<"/staff/inbox">) {
  await requirePageActor("editor", "/staff/inbox");
  const filter = parseInboxFilter((await searchParams).show);
  const inbox = await listContactRequests(await getStaffContext(), filter);
  const total = inbox.counts[filter];
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
        <div className="space-y-4">
          {inbox.requests.map((request) => (
            <RequestCard key={request.id} request={request} />
          ))}
          {total > INBOX_PAGE_SIZE && (
            <p className="text-sm text-slate-600">
              Showing the newest {INBOX_PAGE_SIZE} of {total.toLocaleString("en")}.{filter === "open" ? " Mark these handled to see older ones." : ""}
            </p>
          )}
        </div>
      )}
    </>
  );
}
