import { headers } from "next/headers";
import type { ReactNode } from "react";
import { StaffShell } from "@/components/staff/staff-shell";
import { requirePageActor } from "@/lib/auth/current";
import { db } from "@/lib/db";

// Every page below checks the session itself too: a layout is not re-run on every navigation.
export default async function StaffConsoleLayout({ children }: { children: ReactNode }) {
  // The address asked for (set by proxy.ts), to come back to after signing in.
  const actor = await requirePageActor("editor", (await headers()).get("x-staff-path") ?? undefined);
  const openRequests = await db.contactRequest.count({ where: { status: "open" } });
  return (
    <StaffShell actor={actor} openRequests={openRequests}>
      {children}
    </StaffShell>
  );
}
