// Who sent the current request, as far as the site can tell without accounts: the client's
// address (read as TRUST_PROXY says, lib/client-address.ts) and the random visitor cookie that a
// vote sets. Used for sign-in throttling and the limits on public writes (lib/limits/limits.ts).
import "server-only";
import { cookies } from "next/headers";
import { VISITOR_COOKIE, visitorIdSchema } from "./feedback/schema";
import { clientAddress } from "./client-address";
import { env } from "./env";
import type { PublicClient } from "./limits/limits";

export function requestAddress(headers: Headers): string {
  return clientAddress(headers, env.TRUST_PROXY);
}

/** The visitor id from this request's cookie, when it holds a valid one. */
export async function readVisitorId(): Promise<string | null> {
  const value = (await cookies()).get(VISITOR_COOKIE)?.value;
  return visitorIdSchema.safeParse(value).success ? value! : null;
}

export async function publicClient(request: Request): Promise<PublicClient> {
  return { address: requestAddress(request.headers), visitor: await readVisitorId() };
}
