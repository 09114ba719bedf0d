// Who may do what in the staff area. Editors manage content; admins also manage staff accounts.
import type { SiteContext } from "../context";
import { HttpError } from "../http-error";

export const ROLES = ["editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** A signed-in staff member, as every staff function receives them. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
}

const rank: Record<Role, number> = { editor: 1, admin: 2 };

export function hasRole(actor: Actor, needed: Role): boolean {
  return rank[actor.role] >= rank[needed];
}

/**
 * The check every staff read and write starts with. Anonymous callers get 401, signed-in staff
 * without the role get 403; nothing else is looked at first.
 */
export function authorize(actor: Actor | null | undefined, needed: Role): Actor {
  if (!actor) throw new HttpError(401, "Sign in to the staff area to do this.");
  if (!hasRole(actor, needed)) throw new HttpError(403, `Only ${needed}s can do this.`);
  return actor;
}

export function parseRole(value: string): Role {
  return (ROLES as readonly string[]).includes(value) ? (value as Role) : "editor";
}

/** What every lib/staff function receives; each one authorizes the actor itself. */
export interface StaffContext extends SiteContext {
  actor: Actor | null;
}
