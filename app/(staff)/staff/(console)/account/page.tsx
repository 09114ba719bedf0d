import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass } from "@/components/ui/styles";
import { requirePageActor } from "@/lib/auth/current";

export const metadata: Metadata = { title: "Your account" };

export default async function StaffAccountPage() {
  const actor = await requirePageActor("editor", "/staff/account");
  return (
    <>
      <PageHeader title="Your account" description="Your sign-in details. Only an admin can change your name, e-mail address or role." />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <section className={`${cardClass} p-5`} aria-labelledby="profile-heading">
          <h2 id="profile-heading" className="mb-3 text-lg font-semibold text-slate-900">
            Signed in as
          </h2>
          <dl className="space-y-2 text-sm">
            <div>
              <dt className="font-medium text-slate-600">Name</dt>
              <dd className="text-slate-900">{actor.name}</dd>
            </div>
            <div>
              <dt className="font-medium text-slate-600">E-mail address</dt>
              <dd className="break-all text-slate-900">{actor.email}</dd>
            </div>
            <div>
              <dt className="font-medium text-slate-600">Role</dt>
              <dd>{actor.role === "admin" ? <Badge tone="amber">Admin</Badge> : <Badge>Editor</Badge>}</dd>
            </div>
          </dl>
        </section>
        <section className={`${cardClass} p-5`} aria-labelledby="password-heading">
          <h2 id="password-heading" className="text-lg font-semibold text-slate-900">
            Change your password
          </h2>
          <p className="mt-1 mb-4 text-sm text-slate-600">This signs you out on every other browser and device; you stay signed in here.</p>
          <ChangePasswordForm />
        </section>
      </div>
    </>
  );
}
