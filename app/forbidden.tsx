import Link from "next/link";

// Answered with 403 when a signed-in staff member opens a page their role does not allow.
export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-20 text-center">
      <p className="text-sm font-semibold text-brand-800">403</p>
      <h1 className="mt-2 text-2xl font-bold text-slate-900">This page is for admins</h1>
      <p className="mt-3 text-slate-600">Your account can write and publish articles, but not manage staff accounts. Ask an admin if you need that.</p>
      <Link href="/staff" className="mt-6 inline-block font-medium text-brand-800 underline">
        Back to the staff overview
      </Link>
    </main>
  );
}
