// Staff accounts: created from the command line (the first admin) or by admins in the staff area.
// Disabling an account or resetting its password ends its sessions at once.
import { z } from "zod";
import type { Database } from "../db-client";
import { HttpError } from "../http-error";
import { pageCountOf } from "../paging";
import { hashPassword } from "../auth/password";
import { authorize, parseRole, type Role, type StaffContext } from "../auth/roles";
import { type CreateStaffUserInput, passwordSchema, roleSchema } from "../auth/schema";
import { forgetDevices } from "../auth/devices";
import { revokeAllSessions } from "../auth/sessions";

export interface StaffUserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
  activeSessions: number;
}

/** Creates an account. No actor: the command line creates the first admin; admins go through createStaffUserAsAdmin. */
export async function createStaffUser(db: Database, input: CreateStaffUserInput) {
  const existing = await db.staffUser.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new HttpError(422, `There is already an account for ${input.email}.`, { email: "already has an account" });
  const passwordHash = await hashPassword(input.password);
  return db.staffUser.create({
    data: { email: input.email, name: input.name, role: input.role, passwordHash },
    select: { id: true, email: true, name: true, role: true },
  });
}

export async function createStaffUserAsAdmin(ctx: StaffContext, input: CreateStaffUserInput) {
  authorize(ctx.actor, "admin");
  return createStaffUser(ctx.db, input);
}

export const USERS_PAGE_SIZE = 50;

export interface StaffUserPage {
  rows: StaffUserRow[];
  total: number;
  page: number;
  pageCount: number;
}

/**
 * Accounts by name; one page of USERS_PAGE_SIZE, read as a page from the database. Status is not part
 * of the order, so disabling or enabling someone never moves their row away from the admin who
 * clicked (to another page, once there are more than a page of accounts).
 */
export async function listStaffUsers(ctx: StaffContext, page = 1): Promise<StaffUserPage> {
  authorize(ctx.actor, "admin");
  const now = new Date();
  const total = await ctx.db.staffUser.count();
  const pageCount = pageCountOf(total, USERS_PAGE_SIZE);
  const shown = Math.min(Math.max(1, page), pageCount);
  const rows = await ctx.db.staffUser.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    skip: (shown - 1) * USERS_PAGE_SIZE,
    take: USERS_PAGE_SIZE,
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabledAt: true,
      lastSignInAt: true,
      createdAt: true,
      _count: { select: { sessions: { where: { expiresAt: { gt: now } } } } },
    },
  });
  return {
    rows: rows.map(({ _count, disabledAt, role, ...row }) => ({
      ...row,
      role: parseRole(role),
      disabled: disabledAt !== null,
      activeSessions: _count.sessions,
    })),
    total,
    page: shown,
    pageCount,
  };
}

export const changeRoleSchema = z.object({ userId: z.string().min(1).max(40), role: roleSchema });
export const setDisabledSchema = z.object({ userId: z.string().min(1).max(40), disabled: z.boolean() });
export const resetPasswordSchema = z.object({ userId: z.string().min(1).max(40), password: passwordSchema });

export async function changeStaffRole(ctx: StaffContext, input: z.infer<typeof changeRoleSchema>) {
  const actor = authorize(ctx.actor, "admin");
  if (input.userId === actor.id && input.role !== "admin") throw new HttpError(422, "You cannot remove your own admin role; ask another admin.");
  await getUserOrThrow(ctx.db, input.userId);
  await ctx.db.staffUser.update({ where: { id: input.userId }, data: { role: input.role } });
}

export async function setStaffDisabled(ctx: StaffContext, input: z.infer<typeof setDisabledSchema>) {
  const actor = authorize(ctx.actor, "admin");
  if (input.userId === actor.id && input.disabled) throw new HttpError(422, "You cannot disable your own account.");
  await getUserOrThrow(ctx.db, input.userId);
  await ctx.db.staffUser.update({ where: { id: input.userId }, data: { disabledAt: input.disabled ? new Date() : null } });
  if (input.disabled) {
    await revokeAllSessions(ctx.db, input.userId);
    await forgetDevices(ctx.db, input.userId);
  }
}

export async function resetStaffPassword(ctx: StaffContext, input: z.infer<typeof resetPasswordSchema>) {
  authorize(ctx.actor, "admin");
  await getUserOrThrow(ctx.db, input.userId);
  await ctx.db.staffUser.update({ where: { id: input.userId }, data: { passwordHash: await hashPassword(input.password) } });
  await revokeAllSessions(ctx.db, input.userId);
  await forgetDevices(ctx.db, input.userId);
}

async function getUserOrThrow(db: Database, id: string) {
  const user = await db.staffUser.findUnique({ where: { id }, select: { id: true } });
  if (!user) throw new HttpError(404, "There is no such staff account.");
  return user;
}
