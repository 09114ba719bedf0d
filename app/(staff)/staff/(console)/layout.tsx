import { headers } from "next/headers";
import type { ReactNode } from "react";
import { DatabaseUnavailable } from "@/components/staff/database-unavailable";
import { StaffShell } from "@/components/staff/staff-shell";
import { getStaffContext, requirePageActor, safeReturnPath } from "@/lib/auth/current";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { countOpenContactRequests } from "@/lib/staff/inbox";

// Every page below checks the session itself too: a layout is not re-run on every navigation.
export default async function StaffConsoleLayout({ children }: { children: ReactNode }) {
  // The address asked for (set by proxy.ts), to come back to after signing in.
  const path = (await headers()).get("x-staff-path") ?? undefined;
  let shell: { actor: Awaited<ReturnType<typeof requirePageActor>>; openRequests: number };
  try {
    const actor = await requirePageActor("editor", path);
    shell = { actor, openRequests: await countOpenContactRequests(await getStaffContext()) };
  } catch (error) {
    // Redirects to sign in and 403s are thrown too: only a silent database is answered here.
    if (!isDatabaseUnavailable(error)) throw error;
    return <DatabaseUnavailable retryHref={safeReturnPath(path)} />;
  }
  return (
    <StaffShell actor={shell.actor} openRequests={shell.openRequests}>
      {children}
    </StaffShell>
  );
}
