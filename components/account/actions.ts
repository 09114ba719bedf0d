"use server";
// Changing your own password: any signed-in staff member, for their own account only.
import { cookies, headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/auth/action";
import { getSignInThrottle, SESSION_COOKIE } from "@/lib/auth/current";
import { requestAddress } from "@/lib/request-client";
import { changeOwnPassword, changePasswordSchema } from "@/lib/staff/account";

export const changePasswordAction = staffAction("editor", changePasswordSchema, async (ctx, input) => {
  const result = await changeOwnPassword(ctx, input, {
    keepSessionToken: (await cookies()).get(SESSION_COOKIE)?.value,
    throttle: getSignInThrottle(),
    client: requestAddress(await headers()),
  });
  revalidatePath("/staff/account");
  return result;
});
