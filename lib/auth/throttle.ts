// Sign-in throttling with rate-limiter-flexible, stored in the database so that a restart does not
// reset it and several server processes share it. Three counters of failed attempts:
//   - per account and client: 5 in 15 minutes, then that client waits 15 minutes for that account;
//   - per client, any account: 20 in 15 minutes, then it waits 15 minutes (password spraying);
//   - per account, any client: 50 in an hour, then 15 minutes' wait for every browser the account
//     has not signed in from before (distributed guessing).
// The last one cannot lock the owner out: a browser that signed in to the account before carries a
// device cookie (lib/auth/devices.ts) and is exempt from it, keeping only its own per-client
// allowance. The client is the address lib/client-address.ts settles on, which a forged
// X-Forwarded-For cannot change. A successful sign-in clears its account-and-client counter.
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Database } from "../db-client";

const MINUTE = 60;

export interface ThrottleKeys {
  account: string;
  client: string;
  /** Whether this browser has signed in to this account before. */
  knownDevice?: boolean;
}

export class SignInThrottle {
  private readonly byAccountAndClient;
  private readonly byClient;
  private readonly byAccount;

  constructor(db: Database) {
    const store = { storeClient: db, tableName: "rateLimiterFlexible", clearExpiredByTimeout: false };
    this.byAccountAndClient = new RateLimiterPrisma({ ...store, keyPrefix: "signin:account+client", points: 5, duration: 15 * MINUTE, blockDuration: 15 * MINUTE });
    this.byClient = new RateLimiterPrisma({ ...store, keyPrefix: "signin:client", points: 20, duration: 15 * MINUTE, blockDuration: 15 * MINUTE });
    this.byAccount = new RateLimiterPrisma({ ...store, keyPrefix: "signin:account", points: 50, duration: 60 * MINUTE, blockDuration: 15 * MINUTE });
  }

  private entries({ account, client }: ThrottleKeys) {
    return [
      [this.byAccountAndClient, `${account}|${client}`],
      [this.byClient, client],
      [this.byAccount, account],
    ] as const;
  }

  /** Milliseconds to wait before this account may be tried from this client again; 0 when it may. */
  async retryAfterMs(keys: ThrottleKeys): Promise<number> {
    const waits = await Promise.all(
      this.entries(keys).map(async ([limiter, key]) => {
        if (limiter === this.byAccount && keys.knownDevice) return 0;
        const res = await limiter.get(key);
        return res && res.consumedPoints >= limiter.points ? res.msBeforeNext : 0;
      }),
    );
    return Math.max(0, ...waits);
  }

  /** Counts a failed attempt; when it uses up an allowance, that counter blocks for its full wait. */
  async recordFailure(keys: ThrottleKeys): Promise<number> {
    const waits = await Promise.all(
      this.entries(keys).map(async ([limiter, key]) => {
        const res = await limiter.consume(key).catch((rejection: unknown) => {
          if (rejection instanceof RateLimiterRes) return rejection;
          throw rejection;
        });
        if (res.consumedPoints < limiter.points) return 0;
        await limiter.block(key, limiter.blockDuration);
        // The account-wide block does not apply to the owner's own browsers.
        return limiter === this.byAccount && keys.knownDevice ? 0 : limiter.blockDuration * 1000;
      }),
    );
    return Math.max(0, ...waits);
  }

  async recordSuccess(keys: ThrottleKeys) {
    await this.byAccountAndClient.delete(`${keys.account}|${keys.client}`);
  }
}
