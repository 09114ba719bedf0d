// The staff cookies' names, in a module of their own so proxy.ts can read them without loading the
// sign-in machinery. __Host- binds a cookie to this exact host, over HTTPS, for the whole site.
// Plain HTTP (local development, or STAFF_INSECURE_COOKIES=1 for a trial without TLS) uses plain names.
import { env } from "../env";
import { STAFF_SEARCH_HINT } from "../search/config";

export const secureCookies = env.NODE_ENV === "production" && process.env.STAFF_INSECURE_COOKIES !== "1";

/** The staff session: HttpOnly, a random token whose sha256 the database keeps (lib/auth/sessions.ts). */
export const SESSION_COOKIE = secureCookies ? "__Host-hc_staff" : "hc_staff";

/** The cookie that marks a browser its owner signed in from (lib/auth/devices.ts); it outlives sessions and sign-outs. */
export const DEVICE_COOKIE = secureCookies ? "__Host-hc_device" : "hc_device";

/**
 * Set beside the session, readable by scripts: it tells the search box on customer pages (which are
 * rendered once for everyone) to ask the staff's search, which includes internal articles. It grants
 * nothing: that search checks the session itself, and answers 401 (clearing this cookie) without one.
 */
export const STAFF_HINT_COOKIE = secureCookies ? `__Host-${STAFF_SEARCH_HINT}` : STAFF_SEARCH_HINT;
