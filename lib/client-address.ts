// Which address a request came from. It is the socket's, unless TRUST_PROXY says that requests
// arrive through proxies of ours, which each append the address they were reached from to
// X-Forwarded-For. Only those appended entries are believed: everything to their left was written
// by the client and proves nothing. With TRUST_PROXY unset, a client that fills X-Forwarded-For
// itself changes nothing.
//
// `npm start` (scripts/start.ts) works this out from the socket once per request and hands Next an
// X-Forwarded-For holding exactly that address, so that code inside Next (clientAddress below)
// reads the same answer. Under plain `next start` the socket is not visible to the app: run it
// behind a proxy and set TRUST_PROXY.
import { BlockList, isIP } from "node:net";

/** How far to trust X-Forwarded-For: a number of proxy hops, or the proxies' own addresses. */
export type TrustProxy = { hops: number } | { proxies: BlockList; description: string };

export const NO_PROXY: TrustProxy = { hops: 0 };

/**
 * Parses TRUST_PROXY: unset, "", "0" or "false" (no proxy: the socket's address); a whole number of
 * proxies in front (1 for a load balancer, 2 for a CDN in front of it); or a comma-separated list
 * of proxy addresses and CIDR ranges, with "loopback" and "private" as shorthands. Returns a
 * message for anything else.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy | { error: string } {
  const text = (value ?? "").trim().toLowerCase();
  if (text === "" || text === "0" || text === "false") return NO_PROXY;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= 10 ? { hops } : { error: "must be at most 10 proxies" };
  }
  const proxies = new BlockList();
  for (const part of text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    if (part === "loopback") {
      proxies.addSubnet("127.0.0.0", 8, "ipv4");
      proxies.addAddress("::1", "ipv6");
    } else if (part === "private") {
      for (const [network, prefix] of [
        ["10.0.0.0", 8],
        ["172.16.0.0", 12],
        ["192.168.0.0", 16],
      ] as const)
        proxies.addSubnet(network, prefix, "ipv4");
      proxies.addSubnet("fc00::", 7, "ipv6");
    } else {
      const [address, prefix] = part.split("/");
      const family = isIP(address ?? "");
      if (family === 0 || (prefix !== undefined && !/^\d{1,3}$/.test(prefix))) {
        return {
          error: `"${part}" is not an address or CIDR range; give a number of proxies (1) or addresses such as 10.0.0.5, 10.0.0.0/8, loopback, private`,
        };
      }
      const type = family === 6 ? "ipv6" : "ipv4";
      if (prefix === undefined) proxies.addAddress(address!, type);
      else proxies.addSubnet(address!, Number(prefix), type);
    }
  }
  return { proxies, description: text };
}

/** "::ffff:203.0.113.9" → "203.0.113.9"; anything that is not an address → null. */
function normalize(address: string | undefined): string | null {
  const plain = (address ?? "").trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return isIP(plain) ? plain.toLowerCase() : null;
}

function isTrustedProxy(address: string, trust: TrustProxy): boolean {
  return "proxies" in trust && trust.proxies.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address from the socket's and the X-Forwarded-For header. With N hops, the Nth
 * entry from the right (what the outermost of our proxies saw); with a list, the rightmost address
 * that is not one of our proxies, reading from the socket leftwards. "unknown" when nothing
 * believable is there.
 */
export function resolveClientAddress(forwardedFor: string | undefined, socketAddress: string | undefined, trust: TrustProxy): string {
  const socket = normalize(socketAddress);
  const forwarded = (forwardedFor ?? "")
    .split(",")
    .slice(-20)
    .map((entry) => normalize(entry));
  if ("hops" in trust) {
    if (trust.hops === 0) return socket ?? "unknown";
    // The chain as our proxies wrote it, nearest last: [..., client, proxy1, …] then the socket.
    const chain = [...forwarded, socket];
    return chain.at(-1 - trust.hops) ?? chain.find((entry) => entry !== null) ?? "unknown";
  }
  if (!socket) return "unknown";
  if (!isTrustedProxy(socket, trust)) return socket;
  for (let i = forwarded.length - 1; i >= 0; i--) {
    const entry = forwarded[i];
    if (!entry) return "unknown"; // an unreadable entry our proxy would not have written
    if (!isTrustedProxy(entry, trust)) return entry;
  }
  return forwarded.find((entry) => entry !== null) ?? socket;
}

/**
 * The client's address inside Next (route handlers, server actions). Under `npm start` the front
 * server has already reduced X-Forwarded-For to exactly that address; under `next start` the
 * TRUST_PROXY rules are applied to the header as the proxy in front delivered it.
 */
export function clientAddress(headers: Headers, trust: TrustProxy): string {
  const forwarded = headers.get("x-forwarded-for") ?? undefined;
  const entries = (forwarded ?? "").split(",");
  // The nearest entry stands in for the socket, which code inside Next cannot see.
  return resolveClientAddress(entries.slice(0, -1).join(","), entries.at(-1), "hops" in trust ? { hops: Math.max(0, trust.hops - 1) } : trust);
}
