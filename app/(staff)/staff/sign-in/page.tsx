import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { BrandMark } from "@/components/brand/brand-mark";
import { getCurrentActor, safeReturnPath } from "@/lib/auth/current";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { siteConfig } from "@/lib/site-config";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/staff/sign-in">) {
  const params = await searchParams;
  const next = safeReturnPath(params.next);
  // Without a database nobody can sign in, but the form still loads and says so when used.
  const actor = await getCurrentActor().catch((error: unknown) => {
    if (isDatabaseUnavailable(error)) return null;
    throw error;
  });
  if (actor) redirect(next);
  return (
    <main id="main" className="grid min-h-screen place-items-center bg-slate-100 px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2.5 text-slate-900">
          <BrandMark size="lg" />
          <span className="text-lg font-semibold">{siteConfig.name} staff</span>
        </div>
        <div className="rounded-2xl border border-slate-200 bg-white px-6 py-7 shadow-sm">
          <h1 className="mb-5 text-xl font-bold text-slate-900">Sign in</h1>
          {params["signed-out"] && (
            <p role="status" className="mb-5 rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
              You are signed out.
            </p>
          )}
          <SignInForm next={next} />
        </div>
        <p className="mt-6 text-center text-sm text-slate-600">No account? Ask an admin of your help center to create one.</p>
      </div>
    </main>
  );
}
