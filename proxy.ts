// Tells staff pages which address was asked for, so that signing in can return there. It checks
// nothing: every staff page, action and route handler authorizes the request itself, and the
// header is only ever used as a return path inside /staff (lib/auth/current.ts safeReturnPath).
import { type NextRequest, NextResponse } from "next/server";

export const STAFF_PATH_HEADER = "x-staff-path";

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(STAFF_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/staff/:path*"] };
