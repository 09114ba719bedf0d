import type { Metadata } from "next";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UsersTable } from "@/components/users/users-table";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { cardClass } from "@/components/ui/styles";
import { getStaffContext, requirePageActor } from "@/lib/auth/current";
import { parsePageParam } from "@/lib/paging";
import { listStaffUsers } from "@/lib/staff/users";

export const metadata: Metadata = { title: "Users" };

export default async function StaffUsersPage({ searchParams }: PageProps<"/staff/users">) {
  const actor = await requirePageActor("admin", "/staff/users");
  const users = await listStaffUsers(await getStaffContext(), parsePageParam((await searchParams).page));
  return (
    <>
      <PageHeader title="Users" description="Staff accounts. Disabling an account or resetting its password signs that person out everywhere at once." />
      <section className={`${cardClass} mb-8 p-5`} aria-labelledby="create-user-heading">
        <h2 id="create-user-heading" className="mb-4 text-lg font-semibold text-slate-900">
          Create an account
        </h2>
        <CreateUserForm />
      </section>
      <section className={`${cardClass} p-2 sm:p-3`} aria-labelledby="accounts-heading">
        <h2 id="accounts-heading" className="px-3 pt-2 pb-3 text-lg font-semibold text-slate-900">
          Accounts <span className="font-normal text-slate-600">({users.total})</span>
        </h2>
        <UsersTable users={users.rows} selfId={actor.id} />
        <Pagination page={users.page} pageCount={users.pageCount} href={(page) => `/staff/users${page > 1 ? `?page=${page}` : ""}`} />
      </section>
    </>
  );
}
