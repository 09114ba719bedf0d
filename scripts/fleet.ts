// A fleet on one machine, for tests, benchmarks and trying it out: Redis, one build served by
// several instances of `npm start`, and nginx in front, on one PostgreSQL. The same pieces, and
// the same nginx configuration, as docs/deployment.md describes for real hosts.
//
//   npx tsx scripts/fleet.ts --database-url postgresql://… [--instances 2] [--port 8080]
//     (builds into .next-fleet unless --dist-dir names a build; Ctrl-C stops everything)
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { isMain } from "./bench/lib/is-main";
import { projectRoot } from "./bench/lib/paths";
import { startSite, type RunningSite } from "./bench/lib/start-site";

export interface Service {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

function spawnService(command: string, args: string[], name: string): ChildProcess {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  child.on("exit", (code, signal) => {
    if (code !== 0 && signal === null) console.error(`${name} exited with ${code}:\n${output}`);
  });
  return child;
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`${what} did not come up within ${timeoutMs / 1000} s`);
}

function stopper(child: ChildProcess) {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
}

/** redis-server on a loopback port, in memory only. */
export async function startRedis(port: number): Promise<Service> {
  const child = spawnService("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], "redis-server");
  const { createClient } = await import("redis");
  await waitFor(async () => {
    const client = createClient({ url: `redis://127.0.0.1:${port}`, socket: { reconnectStrategy: false, connectTimeout: 500 } });
    client.on("error", () => {});
    await client.connect();
    await client.quit();
    return true;
  }, "redis-server");
  return { url: `redis://127.0.0.1:${port}`, process: child, stop: stopper(child) };
}

/**
 * The nginx configuration of a fleet: the same as docs/deployment.md, minus TLS. `microcache`
 * adds the alternative the fleet benchmark compares: nginx keeping customer pages for 1 s instead
 * of each instance's page cache.
 */
export function nginxConfig({ port, upstreams, dir, microcache = false }: { port: number; upstreams: number[]; dir: string; microcache?: boolean }) {
  const cache = microcache
    ? `
  proxy_cache_path ${dir}/cache levels=1:2 keys_zone=pages:10m max_size=256m inactive=10s use_temp_path=off;
  map $http_cookie $staff_cookie { "~hc_staff" 1; default 0; }
  map "$http_rsc$http_next_router_prefetch$http_next_action$staff_cookie" $skip_cache { "0" 0; default 1; }`
    : "";
  const pages = microcache
    ? `
    # Customer pages only, for 1 s, one request per page to the instances when it expires.
    location ~ ^/($|articles/|categories/) {
      proxy_pass http://helpdesk;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_cache pages;
      proxy_cache_key $request_method$uri;
      proxy_ignore_headers Cache-Control Expires;
      proxy_cache_valid 200 1s;
      proxy_cache_lock on;
      proxy_cache_use_stale updating error timeout;
      proxy_cache_bypass $skip_cache;
      proxy_no_cache $skip_cache;
      proxy_next_upstream error timeout http_502 http_503;
    }`
    : "";
  return `# Written by scripts/fleet.ts
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 12m;${cache}

  upstream helpdesk {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=10s;`).join("\n")}
    keepalive 32;
  }

  server {
    listen 127.0.0.1:${port};${pages}
    location / {
      proxy_pass http://helpdesk;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      # What TRUST_PROXY=1 on each instance believes: the address nginx saw, appended.
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # An instance that fails to answer is skipped for 10 s; requests that can be repeated safely
      # go to the next one (nginx never retries a POST that reached an instance).
      proxy_next_upstream error timeout http_502 http_503;
      proxy_connect_timeout 2s;
      proxy_read_timeout 30s;
    }
  }
}
`;
}

/** nginx in front of the given instances, on a loopback port. */
export async function startNginx({ port, upstreams, microcache = false }: { port: number; upstreams: number[]; microcache?: boolean }): Promise<Service> {
  const dir = mkdtempSync(path.join(tmpdir(), "helpdesk-nginx-"));
  chmodSync(dir, 0o777); // nginx's workers run as nobody when the master is root
  for (const sub of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(dir, sub), { mode: 0o777 });
  writeFileSync(path.join(dir, "nginx.conf"), nginxConfig({ port, upstreams, dir, microcache }));
  execFileSync("nginx", ["-t", "-q", "-p", dir, "-c", path.join(dir, "nginx.conf")], { stdio: "pipe" });
  const child = spawnService("nginx", ["-p", dir, "-c", path.join(dir, "nginx.conf")], "nginx");
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${url}/api/health`)).status < 500, "nginx");
  const stop = stopper(child);
  return { url, process: child, stop: async () => (await stop(), rmSync(dir, { recursive: true, force: true })) };
}

export interface Fleet {
  redis: Service;
  instances: RunningSite[];
  nginx: Service;
  stop(): Promise<void>;
}

/** Redis, `count` instances of one build, and nginx in front of them. */
export async function startFleet({
  databaseUrl,
  distDir,
  count = 2,
  basePort,
  env = {},
  microcache = false,
}: {
  databaseUrl: string;
  distDir: string;
  count?: number;
  basePort: number;
  env?: Record<string, string>;
  /** nginx keeps customer pages for 1 s (the alternative to each instance's page cache). */
  microcache?: boolean;
}): Promise<Fleet> {
  const redis = await startRedis(basePort);
  const instances: RunningSite[] = [];
  try {
    for (let i = 0; i < count; i++) {
      instances.push(await startSite({ port: basePort + 1 + i, databaseUrl, distDir, env: { REDIS_URL: redis.url, TRUST_PROXY: "loopback", ...env } }));
    }
    const nginx = await startNginx({ port: basePort + 10, upstreams: instances.map((_, i) => basePort + 1 + i), microcache });
    return {
      redis,
      instances,
      nginx,
      async stop() {
        await nginx.stop();
        await Promise.all(instances.map((instance) => instance.stop()));
        await redis.stop();
      },
    };
  } catch (error) {
    await Promise.all(instances.map((instance) => instance.stop()));
    await redis.stop();
    throw error;
  }
}

/** Whether this machine has what a local fleet needs. */
export function fleetToolsMissing(): string[] {
  return ["redis-server", "nginx"].filter((tool) => {
    try {
      execFileSync("sh", ["-c", `command -v ${tool}`], { stdio: "pipe" });
      return false;
    } catch {
      return true;
    }
  });
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      "database-url": { type: "string" },
      "dist-dir": { type: "string", default: ".next-fleet" },
      instances: { type: "string", default: "2" },
      port: { type: "string", default: "8080" },
    },
  });
  if (!values["database-url"]?.startsWith("postgres")) throw new Error("Give --database-url postgresql://…: a fleet shares one PostgreSQL.");
  const { prepareSite } = await import("./bench/lib/prepare-site");
  await prepareSite({ databaseUrl: values["database-url"], distDir: values["dist-dir"] });
  const fleet = await startFleet({
    databaseUrl: values["database-url"],
    distDir: values["dist-dir"],
    count: Number(values.instances),
    basePort: Number(values.port) - 10,
  });
  console.log(`Fleet of ${fleet.instances.length} behind nginx at ${fleet.nginx.url} (Redis ${fleet.redis.url}); Ctrl-C stops it.`);
  const shutdown = () => void fleet.stop().then(() => process.exit(0));
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

export { projectRoot };
