// npm run staff:create -- --email ada@example.com --name "Ada Lovelace" [--role admin|editor]
// Creates a staff account. The password is asked for (not echoed), or read from STAFF_PASSWORD
// for automation. There are no default accounts: the first admin is made this way.
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { databaseUrl } from "./load-env";
import { createStaffUserSchema } from "../lib/auth/schema";
import { createPrismaClient } from "../lib/db-client";
import { HttpError } from "../lib/http-error";
import { createStaffUser } from "../lib/staff/users";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "admin" } },
});

async function askPassword(question: string): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new Error("No terminal to ask for the password: set STAFF_PASSWORD, or run this in a terminal.");
  }
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  const answer = new Promise<string>((resolve) => rl.question(question, resolve));
  muted = true;
  const password = await answer;
  rl.close();
  process.stdout.write("\n");
  return password;
}

async function readPassword(): Promise<string> {
  if (process.env.STAFF_PASSWORD) return process.env.STAFF_PASSWORD;
  const first = await askPassword("Password (12 to 128 characters): ");
  const again = await askPassword("The same password again: ");
  if (first !== again) throw new Error("The two passwords differ; nothing was created.");
  return first;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

if (!values.email || !values.name) fail('Usage: npm run staff:create -- --email you@example.com --name "Your Name" [--role admin|editor]');

const parsed = createStaffUserSchema.safeParse({
  email: values.email,
  name: values.name,
  role: values.role,
  password: await readPassword().catch((e: Error) => fail(e.message)),
});
if (!parsed.success) fail(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n"));

const db = createPrismaClient(databaseUrl);
try {
  const user = await createStaffUser(db, parsed.data);
  console.log(`Created ${user.role} ${user.name} <${user.email}>. Sign in at /staff/sign-in.`);
} catch (error) {
  if (error instanceof HttpError) fail(error.message);
  throw error;
} finally {
  await db.$disconnect();
}
