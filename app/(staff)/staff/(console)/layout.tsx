import type { ReactNode } from "react";
import { StaffShell } from "@/components/staff/staff-shell";
import { requirePageActor } from "@/lib/auth/current";
import { db } from "@/lib/db";

// Every page below checks the session itself too: a layout is not re-run on every navigation.
export default async function StaffConsoleLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor("editor");
  const openRequests = await db.contactRequest.count({ where: { status: "open" } });
  return (
    <StaffShell actor={actor} openRequests={openRequests}>
      {children}
    </StaffShell>
  );
}
