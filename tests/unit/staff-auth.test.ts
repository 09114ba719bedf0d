// Staff sign-in against a real database: passwords, sessions, throttling, disabling.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken, findSessionActor, SESSION_IDLE_MS } from "@/lib/auth/sessions";
import { signIn } from "@/lib/auth/sign-in";
import { SignInThrottle } from "@/lib/auth/throttle";
import { createStaffUser, setStaffDisabled } from "@/lib/staff/users";
import { createTestDatabase, providers, type TestDatabase } from "../support/database";

const password = "a long enough passphrase";

describe.each(providers.filter((p) => p.available))("staff sign-in on $name", ({ name }) => {
  let t: TestDatabase;
  let throttle: SignInThrottle;
  beforeAll(async () => {
    t = await createTestDatabase(name);
    throttle = new SignInThrottle(t.db);
  });
  afterAll(() => t.dispose());

  const newUser = async (role: "admin" | "editor" = "editor") =>
    createStaffUser(t.db, { email: `${role}-${Math.random().toString(36).slice(2, 8)}@example.com`, name: "Test Person", role, password });

  it("stores an argon2id hash, never the password", async () => {
    const user = await newUser();
    const row = await t.db.staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.passwordHash).not.toContain(password);
  });

  it("signs in with the right password and stores only the token's hash", async () => {
    const user = await newUser();
    const result = await signIn(t.db, throttle, { email: user.email, password, client: "203.0.113.1" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Buffer.from(result.token, "base64url")).toHaveLength(32);
    const session = await t.db.staffSession.findFirstOrThrow({ where: { userId: user.id } });
    expect(session.tokenHash).toBe(hashToken(result.token));
    expect(await findSessionActor(t.db, result.token)).toMatchObject({ id: user.id, role: "editor" });
    expect(await findSessionActor(t.db, "not-a-token")).toBeNull();
  });

  it("ends a session that sat idle too long", async () => {
    const user = await newUser();
    const result = await signIn(t.db, throttle, { email: user.email, password, client: "203.0.113.2" });
    if (!result.ok) throw new Error("sign-in failed");
    const later = new Date(Date.now() + SESSION_IDLE_MS + 60_000);
    expect(await findSessionActor(t.db, result.token, later)).toBeNull();
    expect(await t.db.staffSession.count({ where: { userId: user.id } })).toBe(0);
  });

  it("blocks an account from one client after five failures, but not from another client", async () => {
    const user = await newUser();
    const attempt = (pw: string, client: string) => signIn(t.db, throttle, { email: user.email, password: pw, client });
    for (let i = 0; i < 4; i++) expect(await attempt("wrong", "203.0.113.10")).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt("wrong", "203.0.113.10")).toMatchObject({ ok: false, reason: "throttled", retryAfterMs: 15 * 60_000 });
    expect(await attempt(password, "203.0.113.10")).toMatchObject({ ok: false, reason: "throttled" });
    expect(await attempt(password, "203.0.113.11")).toMatchObject({ ok: true });
  });

  it("blocks a client that sprays many accounts", async () => {
    const client = "203.0.113.20";
    const results = [];
    for (let i = 0; i < 20; i++) results.push(await signIn(t.db, throttle, { email: `nobody-${i}@example.com`, password: "guess", client }));
    expect(results.slice(0, 19).every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    expect(results[19]).toMatchObject({ ok: false, reason: "throttled" });
    const user = await newUser();
    expect(await signIn(t.db, throttle, { email: user.email, password, client })).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("guesses from 52 addresses slow every new browser down, but the owner's own browser still signs in", async () => {
    const user = await newUser();
    const owner = await signIn(t.db, throttle, { email: user.email, password, client: "198.51.100.200" });
    if (!owner.ok) throw new Error("sign-in failed");
    for (let i = 0; i < 52; i++) await signIn(t.db, throttle, { email: user.email, password: "guess", client: `203.0.113.${100 + i}` });
    // A browser the account never used waits, right password or not…
    expect(await signIn(t.db, throttle, { email: user.email, password, client: "198.51.100.201" })).toMatchObject({ ok: false, reason: "throttled" });
    // …the owner's browser, from any address, does not; a made-up device token does not help.
    expect(await signIn(t.db, throttle, { email: user.email, password, client: "198.51.100.202", deviceToken: owner.deviceToken })).toMatchObject({ ok: true });
    expect(await signIn(t.db, throttle, { email: user.email, password, client: "198.51.100.203", deviceToken: "x".repeat(43) })).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    // A device of another account is no device of this one.
    const other = await newUser();
    const theirs = await signIn(t.db, throttle, { email: other.email, password, client: "198.51.100.204" });
    if (!theirs.ok) throw new Error("sign-in failed");
    expect(await signIn(t.db, throttle, { email: user.email, password, client: "198.51.100.205", deviceToken: theirs.deviceToken })).toMatchObject({
      ok: false,
      reason: "throttled",
    });
  });

  it("remembers a device by the hash of its token, and forgets it when the account is disabled", async () => {
    const admin = await newUser("admin");
    const user = await newUser();
    const first = await signIn(t.db, throttle, { email: user.email, password, client: "198.51.100.210" });
    if (!first.ok) throw new Error("sign-in failed");
    const device = await t.db.staffDevice.findFirstOrThrow({ where: { userId: user.id } });
    expect(device.tokenHash).toBe(hashToken(first.deviceToken));
    const again = await signIn(t.db, throttle, { email: user.email, password, client: "198.51.100.210", deviceToken: first.deviceToken });
    expect(again).toMatchObject({ ok: true, deviceToken: first.deviceToken });
    expect(await t.db.staffDevice.count({ where: { userId: user.id } })).toBe(1);
    await setStaffDisabled({ db: t.db, actor: { ...admin, role: "admin" } }, { userId: user.id, disabled: true });
    expect(await t.db.staffDevice.count({ where: { userId: user.id } })).toBe(0);
  });

  it("disabling an account ends its sessions and refuses its password", async () => {
    const admin = await newUser("admin");
    const user = await newUser();
    const first = await signIn(t.db, throttle, { email: user.email, password, client: "203.0.113.30" });
    if (!first.ok) throw new Error("sign-in failed");
    await setStaffDisabled({ db: t.db, actor: { ...admin, role: "admin" } }, { userId: user.id, disabled: true });
    expect(await t.db.staffSession.count({ where: { userId: user.id } })).toBe(0);
    expect(await findSessionActor(t.db, first.token)).toBeNull();
    expect(await signIn(t.db, throttle, { email: user.email, password, client: "203.0.113.30" })).toEqual({ ok: false, reason: "invalid" });
  });
});
