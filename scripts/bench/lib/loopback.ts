// The benchmarks send load to this machine only.

/** True for 127.0.0.0/8, ::1 and localhost: the only hosts a benchmark here may send load to. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

export function assertLoopbackUrl(url: string): URL {
  const parsed = new URL(url);
  if (!isLoopbackHost(parsed.hostname)) {
    throw new Error(`Refusing to benchmark ${parsed.host}: only loopback addresses (127.0.0.0/8, ::1, localhost) are allowed.`);
  }
  return parsed;
}
