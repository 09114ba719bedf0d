"use server";
// Managing staff accounts. Admins only: every action authorizes before it reads its input, and
// lib/staff/users.ts checks again (and refuses demoting or disabling yourself).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { staffAction } from "@/lib/auth/action";
import { createStaffUserSchema } from "@/lib/auth/schema";
import {
  changeRoleSchema,
  changeStaffRole,
  createStaffUserAsAdmin,
  resetPasswordSchema,
  resetStaffPassword,
  setDisabledSchema,
  setStaffDisabled,
} from "@/lib/staff/users";

const refresh = () => revalidatePath("/staff/users");

export const createUserAction = staffAction("admin", createStaffUserSchema, async (ctx, input) => {
  const user = await createStaffUserAsAdmin(ctx, input);
  refresh();
  return { id: user.id, name: user.name, email: user.email };
});

export const changeRoleAction = staffAction("admin", changeRoleSchema, async (ctx, input) => {
  await changeStaffRole(ctx, input);
  refresh();
  return { role: input.role };
});

// Forms send text; "true"/"false" become the boolean the domain schema expects.
const disabledInputSchema = z.object({
  userId: setDisabledSchema.shape.userId,
  disabled: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]),
});

export const setDisabledAction = staffAction("admin", disabledInputSchema, async (ctx, input) => {
  await setStaffDisabled(ctx, input);
  refresh();
  return { disabled: input.disabled };
});

export const resetPasswordAction = staffAction("admin", resetPasswordSchema, async (ctx, input) => {
  await resetStaffPassword(ctx, input);
  refresh();
  return { reset: true };
});
