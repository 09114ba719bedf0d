// Facts the article library must keep. Issue 14 corrected statements that were wrong or risky for a
// hosting company to publish; these checks make sure a later edit cannot quietly bring them back,
// and that brand values stay in lib/site-config.ts instead of being typed into articles.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type Library, readLibrary } from "@/lib/content/library";
import { siteConfig } from "@/lib/site-config";
import { CONTENT_DIR } from "../support/library";

let library: Library;
/** Each article's whole file, frontmatter included, by slug (translations by their own slugs, so brand checks cover them). */
const sources = new Map<string, string>();

beforeAll(async () => {
  library = await readLibrary(CONTENT_DIR);
  for (const article of library.articles) {
    sources.set(article.slug, await readFile(path.join(CONTENT_DIR, article.file), "utf8"));
  }
});

function source(slug: string): string {
  const text = sources.get(slug);
  if (text === undefined) throw new Error(`no article "${slug}"`);
  return text;
}

/** The text of one `## ` section of an article, up to the next `## ` heading. */
function section(slug: string, heading: string): string {
  const text = source(slug);
  const start = text.indexOf(`\n## ${heading}\n`);
  if (start === -1) throw new Error(`"${slug}" has no section "## ${heading}"`);
  const end = text.indexOf("\n## ", start + 1);
  return text.slice(start, end === -1 ? undefined : end);
}

function articlesContaining(needle: string | RegExp): string[] {
  return [...sources]
    .filter(([, text]) => (typeof needle === "string" ? text.toLowerCase().includes(needle.toLowerCase()) : needle.test(text)))
    .map(([slug]) => slug);
}

describe("the launch library", () => {
  it("holds at least 63 articles in at least 7 categories, and every category has articles", () => {
    // Translations (<slug>.de.mdx) are the same articles in another language: they are not counted.
    const sources = library.articles.filter((a) => a.translationOf === null);
    expect(sources.length).toBeGreaterThanOrEqual(63);
    expect(library.articles.length - sources.length).toBeGreaterThanOrEqual(5);
    const used = new Set(sources.map((a) => a.category));
    expect(used.size).toBeGreaterThanOrEqual(7);
    expect(library.categories.map((c) => c.slug).filter((slug) => !used.has(slug))).toEqual([]);
  });

  it("gives every article related articles and ## sections", () => {
    const missing = library.articles.filter((a) => a.frontmatter.related.length === 0 || !/^## /m.test(a.body)).map((a) => a.slug);
    expect(missing).toEqual([]);
  });
});

describe("brand values are never typed into articles", () => {
  const { company, supportEmail, supportPhone, clientAreaUrl, statusPageUrl, nameserver1, nameserver2 } = siteConfig.articleValues;
  const host = (url: string) => new URL(url).host;

  it.each([
    ["the example brand domain", "harbour.example"],
    ["the company name", company],
    ["the support address", supportEmail],
    ["the support phone number", supportPhone],
    ["the Client Area's host", host(clientAreaUrl)],
    ["the status page's host", host(statusPageUrl)],
    ["the first nameserver", nameserver1],
    ["the second nameserver", nameserver2],
  ])("%s appears in no article source", (_, value) => {
    expect(articlesContaining(value)).toEqual([]);
  });

  it("prints the nameservers and the Client Area address through <Var>", () => {
    for (const slug of ["point-your-domain-to-our-nameservers", "install-a-free-ssl-certificate"]) {
      expect(source(slug)).toContain('<Var name="nameserver1" />');
      expect(source(slug)).toContain('<Var name="nameserver2" />');
    }
    expect(source("dns-propagation")).toContain('<Var name="nameserver1" />');
    expect(source("log-in-to-the-client-area")).toContain('<Var name="clientAreaUrl" />');
  });
});

describe("corrected facts stay corrected", () => {
  it("mx-records: an MX of the bare domain only reaches us while the root A record does", () => {
    const text = section("mx-records", "MX records for email hosted with us");
    expect(text).not.toMatch(/Both destinations point to our server/);
    expect(text).toMatch(/only reaches our mail server while the domain's main A record points to us/);
    expect(text).toMatch(/Hosted somewhere else \| `yourdomain\.com` \| MX \| 0 \| `mail\.yourdomain\.com`/);
  });

  it("point-your-domain: pointing only the A record lists the mail records to add elsewhere", () => {
    const text = section("point-your-domain-to-our-nameservers", "Keep your DNS where it is instead");
    expect(text).toMatch(/\*\*not your email\*\*/);
    for (const record of ["| `mail.yourdomain.com` | A |", "| `yourdomain.com` | MX |", "Your SPF record", "Your DKIM key"]) expect(text).toContain(record);
  });

  it("AutoSSL runs on a schedule or on Run AutoSSL, never at once, with its provider as a brand value", () => {
    expect(source("point-your-domain-to-our-nameservers")).not.toMatch(/AutoSSL issues your free certificate automatically/);
    expect(source("point-your-domain-to-our-nameservers")).toMatch(/at its next scheduled run[^.]*\*\*Run AutoSSL\*\*/);
    const ssl = source("install-a-free-ssl-certificate");
    expect(ssl).toContain('<Var name="autoSslProvider" />');
    expect(ssl).toMatch(/\| CAA \| 0 \| `issue` \| <Var name="autoSslCaaDomain" \/> \|/);
    expect(ssl).not.toMatch(/letsencrypt\.org|free SSL certificate from Let's Encrypt/);
    expect(ssl).toMatch(/AutoSSL isn't instant/);
  });

  it("renew-an-expired-domain: .au has a 30-day expired hold, then pending delete, then release", () => {
    const text = section("renew-an-expired-domain", "How long you have");
    expect(text).toMatch(/\| Expired hold \| 30 days after expiry \| Yes, renew it in the Client Area \|/);
    expect(text).toMatch(/\| Pending delete \|[^\n]*\n\| Released \|/);
    expect(text).toMatch(/There is no redemption period/);
  });

  it("transfer-a-domain-to-us: ICANN's 60-day rules are not applied to .au, and there is a menu path", () => {
    const au = section("transfer-a-domain-to-us", "Transfer a .au domain");
    expect(au).toMatch(/The 60-day rules above don't apply/);
    expect(au).toMatch(/usually completes within minutes/);
    expect(source("transfer-a-domain-to-us")).toMatch(/\*\*Domains › Transfer Domains to Us\*\*/);
  });

  it("account users are invited through User Management, not WHMCS 7 sub-accounts", () => {
    expect(articlesContaining("Activate Sub-Account")).toEqual([]);
    expect(source("update-your-account-details")).toMatch(/\*\*User Management\*\*[\s\S]*\*\*Invite New User\*\*/);
  });

  it("speed-up-wordpress: behind Cloudflare, mail records stay unproxied and SSL is Full (strict)", () => {
    const text = source("speed-up-your-wordpress-site");
    expect(text).toMatch(/\*\*DNS only\*\*/);
    expect(text).toMatch(/SSL\/TLS encryption to Full \(strict\)/);
  });

  it("force-https: two HTTP-to-HTTPS rules are not a loop; the real causes are listed", () => {
    const text = source("force-https-and-fix-mixed-content");
    expect(text).not.toMatch(/Forcing HTTPS in cPanel and also adding a rule in `\.htaccess`[^.]*can cause a loop/);
    expect(text).toMatch(/Two rules that both send HTTP to HTTPS don't fight each other/);
    for (const cause of ["`www.yourdomain.com`", "back to `http://`", "**Flexible** SSL"])
      expect(section("force-https-and-fix-mixed-content", 'If the browser says "too many redirects"')).toContain(cause);
  });

  it("dns-propagation: lowering TTLs at the old DNS host helps, up to the registry's TTL", () => {
    const text = source("dns-propagation");
    expect(text).not.toMatch(/doesn't speed up a nameserver change/);
    expect(text).toMatch(/Lowering TTLs helps a nameserver change too/);
    expect(text).toMatch(/The registry sets the upper limit/);
  });

  it("imap-vs-pop: many apps' POP default keeps a copy on the server for a while", () => {
    expect(source("the-difference-between-imap-and-pop")).toMatch(
      /their POP default leaves a copy on the server for a while[^.]*\. Classic Outlook, for example, removes its copy after 14 days, and Apple Mail after a week/,
    );
  });

  it("fix-a-500: WordPress's real default .htaccess, and the permissions a recursive chmod undoes", () => {
    const text = source("fix-a-500-internal-server-error");
    expect(text).toMatch(
      /# BEGIN WordPress[\s\S]*<IfModule mod_rewrite\.c>\nRewriteEngine On[\s\S]*RewriteRule \. \/index\.php \[L\]\n<\/IfModule>[\s\S]*# END WordPress/,
    );
    const afterChmod = text.slice(text.indexOf("-exec chmod 644"));
    expect(afterChmod).toMatch(/chmod 755/);
    expect(afterChmod).toMatch(/chmod 600 ~\/public_html\/wp-config\.php/);
  });

  it("refund-policy: no billing team to choose, and domains are a policy rather than an impossibility", () => {
    expect(articlesContaining("billing team")).toEqual([]);
    const text = source("refund-policy");
    expect(text).not.toMatch(/can't be reversed/);
    expect(text).toMatch(/Not refunding domains is our policy, not a technical impossibility/);
    expect(text).toMatch(/grace period/);
  });

  it("email-forwarder: DKIM usually survives forwarding, so DMARC failure is the exception", () => {
    expect(source("set-up-an-email-forwarder")).toMatch(/SPF fails, but DKIM usually survives/);
  });

  it("emails-going-to-spam: Microsoft's bulk-sender rules stand beside Google's and Yahoo's", () => {
    const text = section("emails-going-to-spam", "Gmail, Yahoo and Microsoft sender requirements");
    expect(text).toMatch(/May 2025/);
    expect(text).toMatch(/\| Microsoft \(Outlook\.com, Hotmail\.com, Live\.com\) \|[^\n]*550 5\.7\.515/);
  });
});
