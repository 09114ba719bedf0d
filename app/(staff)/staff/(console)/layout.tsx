import { headers } from "next/headers";
import type { ReactNode } from "react";
import { StaffShell } from "@/components/staff/staff-shell";
import { getStaffContext, requirePageActor } from "@/lib/auth/current";
import { countOpenContactRequests } from "@/lib/staff/inbox";

// Every page below checks the session itself too: a layout is not re-run on every navigation.
export default async function StaffConsoleLayout({ children }: { children: ReactNode }) {
  // The address asked for (set by proxy.ts), to come back to after signing in.
  const actor = await requirePageActor("editor", (await headers()).get("x-staff-path") ?? undefined);
  const openRequests = await countOpenContactRequests(await getStaffContext());
  return (
    <StaffShell actor={actor} openRequests={openRequests}>
      {children}
    </StaffShell>
  );
}
