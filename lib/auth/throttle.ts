// Sign-in throttling with rate-limiter-flexible, stored in the database (or, in a fleet, in Redis:
// lib/limits/store.ts) so that a restart does not reset it and every server process shares it. Three counters of failed attempts:
//   - per account and client: 5 in 15 minutes, then that client waits 15 minutes for that account;
//   - per client, any account: 20 in 15 minutes, then it waits 15 minutes (password spraying);
//   - per account, any client: 50 in an hour, then 15 minutes' wait for every browser the account
//     has not signed in from before (distributed guessing).
// The last one cannot lock the owner out: a browser that signed in to the account before carries a
// device cookie (lib/auth/devices.ts) and is exempt from it, keeping only its own per-client
// allowance. The client is the address lib/client-address.ts settles on, which a forged
// X-Forwarded-For cannot change. A successful sign-in clears its account-and-client counter.
import { RateLimiterRes, type RateLimiterStoreAbstract } from "rate-limiter-flexible";
import type { Database } from "../db-client";
import { getLimiter } from "../limits/store";

const MINUTE = 60;

export interface ThrottleKeys {
  account: string;
  client: string;
  /** Whether this browser has signed in to this account before. */
  knownDevice?: boolean;
}

const RULES = {
  accountAndClient: { keyPrefix: "signin:account+client", points: 5, duration: 15 * MINUTE, blockDuration: 15 * MINUTE },
  client: { keyPrefix: "signin:client", points: 20, duration: 15 * MINUTE, blockDuration: 15 * MINUTE },
  account: { keyPrefix: "signin:account", points: 50, duration: 60 * MINUTE, blockDuration: 15 * MINUTE },
};

export class SignInThrottle {
  constructor(private readonly db: Database) {}

  private async entries({ account, client }: ThrottleKeys) {
    const [byAccountAndClient, byClient, byAccount] = await Promise.all([
      getLimiter(this.db, RULES.accountAndClient),
      getLimiter(this.db, RULES.client),
      getLimiter(this.db, RULES.account),
    ]);
    return [
      [byAccountAndClient, `${account}|${client}`, false],
      [byClient, client, false],
      [byAccount, account, true],
    ] as [RateLimiterStoreAbstract, string, boolean][];
  }

  /** Milliseconds to wait before this account may be tried from this client again; 0 when it may. */
  async retryAfterMs(keys: ThrottleKeys): Promise<number> {
    const waits = await Promise.all(
      (await this.entries(keys)).map(async ([limiter, key, accountWide]) => {
        if (accountWide && keys.knownDevice) return 0;
        const res = await limiter.get(key);
        return res && res.consumedPoints >= limiter.points ? res.msBeforeNext : 0;
      }),
    );
    return Math.max(0, ...waits);
  }

  /** Counts a failed attempt; when it uses up an allowance, that counter blocks for its full wait. */
  async recordFailure(keys: ThrottleKeys): Promise<number> {
    const waits = await Promise.all(
      (await this.entries(keys)).map(async ([limiter, key, accountWide]) => {
        const res = await limiter.consume(key).catch((rejection: unknown) => {
          if (rejection instanceof RateLimiterRes) return rejection;
          throw rejection;
        });
        if (res.consumedPoints < limiter.points) return 0;
        await limiter.block(key, limiter.blockDuration);
        // The account-wide block does not apply to the owner's own browsers.
        return accountWide && keys.knownDevice ? 0 : limiter.blockDuration * 1000;
      }),
    );
    return Math.max(0, ...waits);
  }

  async recordSuccess(keys: ThrottleKeys) {
    await (await getLimiter(this.db, RULES.accountAndClient)).delete(`${keys.account}|${keys.client}`);
  }
}
