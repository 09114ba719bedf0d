import type { Metadata } from "next";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UsersTable } from "@/components/users/users-table";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass } from "@/components/ui/styles";
import { getStaffContext, requirePageActor } from "@/lib/auth/current";
import { listStaffUsers } from "@/lib/staff/users";

export const metadata: Metadata = { title: "Users" };

export default async function StaffUsersPage() {
  const actor = await requirePageActor("admin", "/staff/users");
  const users = await listStaffUsers(await getStaffContext());
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
          Accounts <span className="font-normal text-slate-600">({users.length})</span>
        </h2>
        <UsersTable users={users} selfId={actor.id} />
      </section>
    </>
  );
}
