// Staff sign-in: the right password opens the staff area, a wrong one does not, and repeated
// failures make that client wait.
import { randomInt } from "node:crypto";
import { createStaffAccount, expect, SESSION_COOKIE, signIn, test } from "./staff-fixtures";

test.describe("Staff sign-in", () => {
  // Failed sign-ins count against the client's address; each test failing on purpose comes from an
  // address of its own, so the suite's other sign-ins from 127.0.0.1 are never throttled.
  const ownAddress = () => `198.51.100.${randomInt(1, 255)}`;

  test("sends anonymous visitors to sign in, and back where they were going", async ({ page, db }) => {
    const account = await createStaffAccount(db, "editor", "Grace Hopper");
    await page.goto("/staff/articles");
    await expect(page).toHaveURL(/\/staff\/sign-in\?next=%2Fstaff%2Farticles$/);
    await page.getByLabel("E-mail address").fill(account.email.toUpperCase());
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/staff\/articles$/);
    await expect(page.getByRole("link", { name: "Your account: Grace Hopper · editor" })).toBeVisible();

    const cookie = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
    expect(await db.staffSession.count({ where: { userId: account.id } })).toBe(1);
    const stored = await db.staffSession.findFirstOrThrow({ where: { userId: account.id } });
    expect(stored.tokenHash).not.toBe(cookie!.value);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByText("You are signed out.")).toBeVisible();
    expect(await db.staffSession.count({ where: { userId: account.id } })).toBe(0);
    await page.goto("/staff");
    await expect(page).toHaveURL(/\/staff\/sign-in/);
  });

  test("refuses a wrong password without saying which part was wrong", async ({ page, db }) => {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": ownAddress() });
    const account = await createStaffAccount(db);
    await page.goto("/staff/sign-in");
    await page.getByLabel("E-mail address").fill(account.email);
    await page.getByLabel("Password").fill("not the password at all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("That e-mail address and password do not match an active staff account.");
    await expect(page.getByLabel("E-mail address")).toHaveValue(account.email);
    expect(await db.staffSession.count({ where: { userId: account.id } })).toBe(0);
  });

  test("makes a client wait after five failures, even with the right password", async ({ page, db }) => {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": ownAddress() });
    const account = await createStaffAccount(db);
    await page.goto("/staff/sign-in");
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.getByLabel("E-mail address").fill(account.email);
      await page.getByLabel("Password").fill(`wrong password ${attempt}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      // The form is cleared once the server has answered; only then is the message this attempt's.
      await expect(page.getByLabel("Password")).toHaveValue("");
      await expect(page.getByRole("main").getByRole("alert")).toContainText(
        attempt < 5 ? "do not match" : "Too many failed sign-ins. Try again in 15 minutes.",
      );
    }
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("Too many failed sign-ins");
    expect(await db.staffSession.count({ where: { userId: account.id } })).toBe(0);
  });

  test("disabling an account ends its open session and refuses its password", async ({ page, db }) => {
    const account = await createStaffAccount(db);
    await signIn(page, account);
    await db.staffUser.update({ where: { id: account.id }, data: { disabledAt: new Date() } });
    await page.reload();
    await expect(page).toHaveURL(/\/staff\/sign-in/);
    await page.setExtraHTTPHeaders({ "x-forwarded-for": ownAddress() });
    await page.getByLabel("E-mail address").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("do not match an active staff account");
  });
});
