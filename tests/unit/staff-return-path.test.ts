import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/auth/current";

describe("the address to return to after signing in", () => {
  it("keeps paths inside the staff area, with their query", () => {
    expect(safeReturnPath("/staff/articles?status=draft&sort=score")).toBe("/staff/articles?status=draft&sort=score");
    expect(safeReturnPath("/staff/inbox")).toBe("/staff/inbox");
  });

  it("sends everything else to the staff overview", () => {
    for (const value of [
      "https://evil.example/staff",
      "//evil.example",
      "/staff//evil.example",
      "/staffing",
      "/",
      "/staff/sign-in?next=/staff",
      "javascript:alert(1)",
      "/staff/\\evil",
      undefined,
      42,
    ]) {
      expect(safeReturnPath(value)).toBe("/staff");
    }
  });
});
