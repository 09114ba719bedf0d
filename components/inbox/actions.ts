"use server";
// Marking "Still need help?" requests handled or open again.
import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/auth/action";
import { setContactHandled, setHandledSchema } from "@/lib/staff/inbox";

export const setRequestHandled = staffAction("editor", setHandledSchema, async (ctx, input) => {
  const updated = await setContactHandled(ctx, input);
  // The inbox, and the open-request badge the staff layout shows on every page.
  revalidatePath("/staff", "layout");
  return { id: updated.id, status: updated.status };
});
