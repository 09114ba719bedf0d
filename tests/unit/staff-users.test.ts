// Managing staff accounts, and changing your own password, against a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { createSession, findSessionActor } from "@/lib/auth/sessions";
import { verifyPassword } from "@/lib/auth/password";
import { SignInThrottle } from "@/lib/auth/throttle";
import { changeOwnPassword } from "@/lib/staff/account";
import {
  changeStaffRole,
  createStaffUser,
  createStaffUserAsAdmin,
  listStaffUsers,
  USERS_PAGE_SIZE,
  resetStaffPassword,
  setStaffDisabled,
} from "@/lib/staff/users";
import { createTestDatabase, providers, type TestDatabase } from "../support/database";

const password = "a long enough passphrase";

describe.each(providers.filter((p) => p.available))("staff accounts on $name", ({ name }) => {
  let t: TestDatabase;
  let admin: Actor;
  let editor: Actor;
  beforeAll(async () => {
    t = await createTestDatabase(name);
    admin = { ...(await createStaffUser(t.db, { email: "admin@example.com", name: "Ada Admin", role: "admin", password })), role: "admin" };
    editor = { ...(await createStaffUser(t.db, { email: "editor@example.com", name: "Eddie Editor", role: "editor", password })), role: "editor" };
  });
  afterAll(() => t.dispose());

  const as = (actor: Actor | null) => ({ db: t.db, actor });
  const newEmail = () => `person-${Math.random().toString(36).slice(2, 8)}@example.com`;

  it("lets an admin create an editor, listed with no sign-in and no sessions yet", async () => {
    const email = newEmail();
    const created = await createStaffUserAsAdmin(as(admin), { email, name: "New Person", role: "editor", password });
    const { rows } = await listStaffUsers(as(admin));
    expect(rows.find((row) => row.id === created.id)).toMatchObject({
      email,
      name: "New Person",
      role: "editor",
      disabled: false,
      lastSignInAt: null,
      activeSessions: 0,
    });
  });

  it("refuses a second account for the same e-mail address with 422, storing nothing", async () => {
    const before = await t.db.staffUser.count();
    await expect(createStaffUserAsAdmin(as(admin), { email: "editor@example.com", name: "Copy", role: "admin", password })).rejects.toMatchObject({
      status: 422,
      fields: { email: "already has an account" },
    });
    expect(await t.db.staffUser.count()).toBe(before);
  });

  it("ends every session of an account when it is disabled, and lets it back in when enabled", async () => {
    const user = await createStaffUser(t.db, { email: newEmail(), name: "Soon Disabled", role: "editor", password });
    const first = await createSession(t.db, user.id);
    await createSession(t.db, user.id);
    expect((await listStaffUsers(as(admin))).rows.find((row) => row.id === user.id)?.activeSessions).toBe(2);

    await setStaffDisabled(as(admin), { userId: user.id, disabled: true });
    expect(await t.db.staffSession.count({ where: { userId: user.id } })).toBe(0);
    expect(await findSessionActor(t.db, first.token)).toBeNull();
    expect((await listStaffUsers(as(admin))).rows.find((row) => row.id === user.id)).toMatchObject({ disabled: true, activeSessions: 0 });

    await setStaffDisabled(as(admin), { userId: user.id, disabled: false });
    const again = await createSession(t.db, user.id);
    expect(await findSessionActor(t.db, again.token)).toMatchObject({ id: user.id });
  });

  it("resets a password and ends that person's sessions", async () => {
    const user = await createStaffUser(t.db, { email: newEmail(), name: "Forgetful", role: "editor", password });
    await createSession(t.db, user.id);
    await resetStaffPassword(as(admin), { userId: user.id, password: "a brand new passphrase" });
    const row = await t.db.staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(row.passwordHash, "a brand new passphrase")).toBe(true);
    expect(await t.db.staffSession.count({ where: { userId: user.id } })).toBe(0);
  });

  it("changes roles, but never lets an admin demote or disable themselves", async () => {
    const user = await createStaffUser(t.db, { email: newEmail(), name: "Promoted", role: "editor", password });
    await changeStaffRole(as(admin), { userId: user.id, role: "admin" });
    expect((await t.db.staffUser.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("admin");
    await expect(changeStaffRole(as(admin), { userId: admin.id, role: "editor" })).rejects.toMatchObject({ status: 422 });
    await expect(setStaffDisabled(as(admin), { userId: admin.id, disabled: true })).rejects.toMatchObject({ status: 422 });
    expect(await t.db.staffUser.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: "admin", disabledAt: null });
  });

  it("pages the accounts in the database: each one once across the pages, by name whatever their status, a page past the end shows the last", async () => {
    // Cheap accounts: the hash is never checked here.
    const disabled = new Date();
    await t.db.staffUser.createMany({
      data: Array.from({ length: USERS_PAGE_SIZE + 7 }, (_, i) => ({
        email: `paged-${i}@example.com`,
        name: `Paged ${String(i).padStart(3, "0")}`,
        role: "editor",
        passwordHash: "x",
        disabledAt: i < 3 ? disabled : null,
      })),
    });
    const total = await t.db.staffUser.count();
    const first = await listStaffUsers(as(admin), 1);
    expect(first).toMatchObject({ total, page: 1, pageCount: Math.ceil(total / USERS_PAGE_SIZE) });
    expect(first.rows).toHaveLength(USERS_PAGE_SIZE);
    const pages = [first];
    for (let page = 2; page <= first.pageCount; page++) pages.push(await listStaffUsers(as(admin), page));
    const ids = pages.flatMap((p) => p.rows.map((row) => row.id));
    expect(new Set(ids).size).toBe(total);
    const paged = pages.flatMap((p) => p.rows).filter((row) => row.name.startsWith("Paged "));
    expect(paged.map((row) => row.name)).toEqual(Array.from({ length: USERS_PAGE_SIZE + 7 }, (_, i) => `Paged ${String(i).padStart(3, "0")}`));
    expect(paged.slice(0, 3).every((row) => row.disabled)).toBe(true); // disabled accounts keep their place: disabling never moves a row
    expect((await listStaffUsers(as(admin), 999)).page).toBe(first.pageCount);
  });

  it("refuses editors with 403 and anonymous callers with 401, changing nothing", async () => {
    const before = await t.db.staffUser.findMany({ orderBy: { id: "asc" } });
    const target = { userId: editor.id };
    for (const actor of [editor, null]) {
      const status = actor ? 403 : 401;
      await expect(listStaffUsers(as(actor))).rejects.toMatchObject({ status });
      await expect(createStaffUserAsAdmin(as(actor), { email: newEmail(), name: "Sneaky", role: "admin", password })).rejects.toMatchObject({ status });
      await expect(changeStaffRole(as(actor), { ...target, role: "admin" })).rejects.toMatchObject({ status });
      await expect(setStaffDisabled(as(actor), { ...target, disabled: true })).rejects.toMatchObject({ status });
      await expect(resetStaffPassword(as(actor), { ...target, password: "attacker chosen password" })).rejects.toMatchObject({ status });
    }
    expect(await t.db.staffUser.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  describe("changing your own password", () => {
    it("needs the current password, and keeps only the session that made the change", async () => {
      const user = await createStaffUser(t.db, { email: newEmail(), name: "Careful", role: "editor", password });
      const actor: Actor = { ...user, role: "editor" };
      const here = await createSession(t.db, user.id);
      const elsewhere = await createSession(t.db, user.id);
      const throttle = new SignInThrottle(t.db);
      const input = { currentPassword: password, newPassword: "my new long passphrase", confirmPassword: "my new long passphrase" };

      await expect(changeOwnPassword(as(actor), { ...input, currentPassword: "wrong password" }, { throttle, client: "203.0.113.50" })).rejects.toMatchObject({
        status: 422,
        fields: { currentPassword: "This is not your current password." },
      });
      expect(await findSessionActor(t.db, elsewhere.token)).not.toBeNull();

      expect(await changeOwnPassword(as(actor), input, { keepSessionToken: here.token, throttle, client: "203.0.113.50" })).toEqual({ endedSessions: 1 });
      expect(await findSessionActor(t.db, here.token)).toMatchObject({ id: user.id });
      expect(await findSessionActor(t.db, elsewhere.token)).toBeNull();
      const row = await t.db.staffUser.findUniqueOrThrow({ where: { id: user.id } });
      expect(await verifyPassword(row.passwordHash, "my new long passphrase")).toBe(true);
    });

    it("refuses anonymous callers", async () => {
      await expect(
        changeOwnPassword(as(null), { currentPassword: password, newPassword: "x".repeat(12), confirmPassword: "x".repeat(12) }),
      ).rejects.toMatchObject({ status: 401 });
    });
  });
});
