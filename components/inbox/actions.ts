"use server";
// Marking "Still need help?" requests handled, open again, or spam: one at a time or many at once.
import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/auth/action";
import { bulkUpdateSchema, setContactHandled, setHandledSchema, updateContactRequests } from "@/lib/staff/inbox";

export const setRequestHandled = staffAction("editor", setHandledSchema, async (ctx, input) => {
  const updated = await setContactHandled(ctx, input);
  // The inbox, and the open-request badge the staff layout shows on every page.
  revalidatePath("/staff", "layout");
  return { id: updated.id, status: updated.status };
});

export const updateRequests = staffAction("editor", bulkUpdateSchema, async (ctx, input) => {
  const result = await updateContactRequests(ctx, input);
  revalidatePath("/staff", "layout");
  return result;
});
