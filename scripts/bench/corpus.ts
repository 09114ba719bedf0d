// A synthetic web-hosting help center for the benchmarks: articles built from title templates ×
// vocabularies (mail apps, registrars, plugins, errors, plans…), plus 200 labelled queries.
//
// Deterministic: the same size and seed always give the same corpus, and article i does not
// depend on the size (generateCorpus(100) is the first 100 articles of generateCorpus(1000)).
// Titles are unique; where a template and its vocabulary run out, a qualifier ("on the Business
// Pro plan", "after moving from GoDaddy", and as a last resort "for example-4821 sites") is appended.
//
// Queries (200 per corpus: 50 title words, 60 typos, 30 reordered, 20 still-typing prefixes, 40
// keywords) are spread evenly over the corpus. Each one is built from words that no other
// article's title (or title and tags, for keywords) contains all of — counting a word as matching
// any word it is a prefix of — so a good engine can rank the answer first. Typos are then applied
// to words of 5+ letters. The engines under test are never consulted.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import planted from "./data/planted-answers.json" with { type: "json" };
import path from "node:path";
import { joinFrontmatter } from "../../lib/content/frontmatter";
import { formatCount, formatSeconds, startProgress } from "../progress";
import type { Corpus, CorpusArticle, LabelledQuery } from "./corpus-types";

export type { Corpus, CorpusArticle, LabelledQuery } from "./corpus-types";

export interface CorpusCategory {
  slug: string;
  name: string;
  description: string;
}

export const CORPUS_CATEGORIES: readonly CorpusCategory[] = [
  { slug: "email", name: "Email", description: "Mailboxes, mail apps, webmail, forwarders and getting your mail delivered." },
  {
    slug: "domains-dns",
    name: "Domains & DNS",
    description: "Registering, transferring and renewing domains, nameservers and DNS records.",
  },
  { slug: "hosting-cpanel", name: "Hosting & cPanel", description: "Files, databases, PHP settings, backups and fixing server errors." },
  { slug: "wordpress", name: "WordPress", description: "Installing, fixing and tuning WordPress sites." },
  { slug: "billing-account", name: "Billing & Account", description: "Payments, invoices, refunds, plan changes and cancelling." },
  {
    slug: "security-ssl",
    name: "Security & SSL",
    description: "SSL certificates, HTTPS, two-factor authentication and account safety.",
  },
];

/** How many labelled queries every corpus has, and how they are made. */
export const QUERY_COUNT = 200;
const QUERY_MIX: readonly [kind: QueryKind, count: number][] = [
  ["title", 50],
  ["typo", 60],
  ["reordered", 30],
  ["prefix", 20],
  ["keywords", 40],
];
type QueryKind = "title" | "typo" | "reordered" | "prefix" | "keywords";

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** An integer in [min, max]. */
  range(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)]!;
  }
  shuffle<T>(list: T[]): T[] {
    for (let i = list.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    return list;
  }
  /** `count` distinct items, in the order they appear in `list`. */
  sample<T>(list: readonly T[], count: number): T[] {
    const chosen = new Set(this.shuffle(list.map((_, i) => i)).slice(0, count));
    return list.filter((_, i) => chosen.has(i));
  }
}

/** Derives independent streams from one seed, so adding draws to one leaves the others alone. */
function subSeed(seed: number, stream: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(stream, 0xc2b2ae35)) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const SLOTS = {
  client: ["Outlook", "Thunderbird", "Apple Mail", "Gmail", "eM Client", "Windows Mail", "Mailspring", "Spark", "BlueMail", "K-9 Mail", "Evolution", "Airmail", "Postbox", "Samsung Email", "Canary Mail"],
  platform: ["Mac", "Windows 11", "Windows 10", "iPhone", "iPad", "Android", "Linux", "Chromebook"],
  protocol: ["IMAP", "POP3", "SMTP"],
  mailError: ["550 Relay Not Permitted", "554 Message Rejected", "421 Too Many Connections", "535 Authentication Failed", "Mailbox Quota Exceeded", "Connection Timed Out", "Certificate Name Mismatch", "Message Size Exceeds Limit", "Sender Address Rejected", "SPF Softfail", "Recipient Address Rejected", "Outgoing Server Unavailable"],
  provider: ["Gmail", "Outlook.com", "Yahoo Mail", "iCloud Mail", "AOL Mail", "Proton Mail", "GMX", "Zoho Mail"],
  mailFeature: ["an email forwarder", "an autoresponder", "an email filter", "a mailing list", "a catch-all address", "an email alias", "a shared mailbox", "a default address"],
  mailUse: ["a shared inbox", "a sales team", "an archive mailbox", "a support address", "a personal mailbox", "a newsletter sender"],
  spamFilter: ["SpamAssassin", "SpamExperts", "MailChannels", "Rspamd"],

  record: ["A", "AAAA", "CNAME", "MX", "TXT", "SRV", "CAA", "NS", "PTR"],
  service: ["Google Workspace", "Microsoft 365", "Zoho Mail", "Shopify", "Squarespace", "Wix", "Mailchimp", "SendGrid", "Mailgun", "Amazon SES", "HubSpot", "GitHub Pages", "Vercel", "Netlify", "Fastmail", "Brevo"],
  registrar: ["GoDaddy", "Namecheap", "Cloudflare Registrar", "Squarespace Domains", "Hover", "Gandi", "Porkbun", "IONOS", "Network Solutions", "Dynadot", "Name.com", "OVHcloud"],
  tld: [".com", ".net", ".org", ".co.uk", ".io", ".dev", ".app", ".shop", ".store", ".online", ".blog", ".tech", ".eu", ".de", ".fr", ".ca", ".com.au", ".nz", ".ie", ".info", ".biz", ".me", ".xyz", ".site"],
  dnsIssue: ["slow DNS propagation", "NXDOMAIN errors", "SERVFAIL responses", "DNSSEC validation failures", "missing MX records", "wrong nameserver glue", "stale DNS caches", "duplicate SPF records"],
  dnsHost: ["Cloudflare", "Route 53", "DNSimple", "deSEC", "Bunny DNS", "NS1"],

  phpVersion: ["PHP 7.4", "PHP 8.0", "PHP 8.1", "PHP 8.2", "PHP 8.3", "PHP 8.4"],
  phpSetting: ["memory limit", "max execution time", "upload max filesize", "post max size", "max input vars", "max input time"],
  serverError: ["500 Internal Server Error", "503 Service Unavailable", "508 Resource Limit Reached", "403 Forbidden", "404 Not Found", "502 Bad Gateway", "504 Gateway Timeout", "Too Many Redirects", "Blank White Page", "Index Of Directory Listing"],
  ftpClient: ["FileZilla", "Cyberduck", "WinSCP", "Transmit", "Commander One", "ForkLift"],
  database: ["MySQL", "MariaDB", "PostgreSQL"],
  app: ["Laravel", "Django", "Flask", "Express", "Next.js", "Ruby on Rails", "Drupal", "Joomla", "Magento", "PrestaShop", "Ghost", "Moodle", "Nextcloud", "MediaWiki", "phpBB", "OpenCart"],
  cpanelTool: ["phpMyAdmin", "File Manager", "Cron Jobs", "Softaculous", "Git Version Control", "Terminal", "MultiPHP INI Editor", "Node.js Selector", "Python App Selector", "JetBackup", "Disk Usage", "Error Log", "Raw Access Log", "AWStats", "Directory Privacy", "Hotlink Protection"],
  backupItem: ["your website files", "a single database", "an email account", "the DNS zone", "cron jobs", "the whole account", "a deleted folder"],
  webServer: ["LiteSpeed", "Apache", "Nginx"],

  plugin: ["WooCommerce", "Yoast SEO", "Elementor", "Jetpack", "Wordfence", "UpdraftPlus", "Contact Form 7", "WPForms", "LiteSpeed Cache", "W3 Total Cache", "WP Rocket", "Akismet", "Rank Math", "Really Simple SSL", "Redirection", "WP Mail SMTP", "Smush", "All in One SEO", "MonsterInsights", "Advanced Custom Fields"],
  otherPlugin: ["WooCommerce", "Yoast SEO", "Elementor", "Jetpack", "Wordfence", "UpdraftPlus", "WPForms", "WP Rocket", "Rank Math", "Smush", "Advanced Custom Fields", "Gravity Forms"],
  cachePlugin: ["LiteSpeed Cache", "W3 Total Cache", "WP Rocket", "WP Super Cache", "WP Fastest Cache"],
  theme: ["Astra", "GeneratePress", "Divi", "Avada", "OceanWP", "Kadence", "Twenty Twenty-Four", "Twenty Twenty-Five", "Neve", "Hello Elementor", "Blocksy"],
  wpError: ["Error Establishing a Database Connection", "the White Screen of Death", "the Critical Error message", "Briefly Unavailable for Scheduled Maintenance", "the Too Many Redirects loop", "Allowed Memory Size Exhausted", "Upload Failed to Write File to Disk", "Missing a Temporary Folder", "a login page that keeps refreshing", "404 errors on every page", "the Cookies Are Blocked message"],
  wpTask: ["Change the site URL", "Reset the admin password", "Disable all plugins", "Turn on debug mode", "Raise the upload limit", "Set up a staging site", "Change permalinks", "Turn on automatic updates", "Clean up the database", "Regenerate thumbnails", "Search and replace old URLs"],
  wpVersion: ["6.4", "6.5", "6.6", "6.7", "6.8"],

  payMethod: ["Visa", "Mastercard", "American Express", "PayPal", "SEPA Direct Debit", "bank transfer", "Apple Pay", "Google Pay", "Discover"],
  plan: ["Starter", "Basic", "Business", "Business Pro", "Premium", "Ultimate", "Reseller", "Agency", "Cloud Lite", "Cloud Max", "VPS Essential", "VPS Plus"],
  otherPlan: ["Starter", "Basic", "Business", "Business Pro", "Premium", "Ultimate", "Reseller", "Agency", "Cloud Lite", "Cloud Max", "VPS Essential", "VPS Plus"],
  cycle: ["monthly", "yearly", "two-year", "three-year"],
  billingIssue: ["a declined payment", "a double charge", "an unexpected renewal", "a failed auto-renewal", "a missing invoice", "a wrong VAT amount"],
  country: ["Germany", "France", "the United Kingdom", "Ireland", "Australia", "Canada", "the Netherlands", "Spain", "Italy", "Belgium", "Austria", "Sweden", "Denmark", "Poland", "New Zealand"],
  currency: ["US dollars", "euros", "pounds sterling", "Australian dollars", "Canadian dollars", "Swiss francs", "Swedish kronor"],
  role: ["billing", "technical", "read-only", "domain manager", "full admin"],

  sslType: ["Let's Encrypt", "AutoSSL", "PositiveSSL", "wildcard SSL", "EV SSL", "OV SSL", "multi-domain SAN", "Sectigo", "DigiCert"],
  browser: ["Chrome", "Firefox", "Safari", "Edge", "Brave", "Opera", "Samsung Internet"],
  sslError: ["NET::ERR_CERT_DATE_INVALID", "ERR_SSL_PROTOCOL_ERROR", "ERR_CERT_COMMON_NAME_INVALID", "SSL_ERROR_BAD_CERT_DOMAIN", "ERR_CERT_AUTHORITY_INVALID", "SEC_ERROR_UNKNOWN_ISSUER", "mixed content warnings", "Not Secure warnings", "incomplete certificate chains"],
  authApp: ["Google Authenticator", "Microsoft Authenticator", "Authy", "1Password", "Bitwarden", "Duo Mobile", "a YubiKey"],
  device: ["iPhone", "Android phone", "iPad", "Pixel", "Galaxy phone"],
  threat: ["phishing email", "malware alert", "brute-force attack", "hacked WordPress site", "compromised mailbox", "suspicious login", "DDoS attack", "defaced homepage", "spam-sending script"],
  attackSource: ["an IP address", "a whole country", "bad bots", "XML-RPC attacks", "login floods", "comment spam"],
  firewallTool: ["IP Blocker", "ModSecurity", "Imunify360", "Cloudflare WAF", "CSF Firewall"],
  scanner: ["ImunifyAV", "Wordfence", "Sucuri SiteCheck", "ClamAV", "Patchstack"],

  oldHost: ["GoDaddy", "Bluehost", "HostGator", "SiteGround", "Namecheap", "IONOS", "Hostinger", "DreamHost", "A2 Hosting", "InMotion", "OVHcloud", "Squarespace", "Wix", "Google Workspace"],
  region: ["London", "Frankfurt", "Amsterdam", "Dallas", "Toronto", "Sydney", "Singapore", "Virginia"],
  panelVersion: ["cPanel 110", "cPanel 114", "cPanel 118", "cPanel 122", "cPanel 126", "cPanel 130"],
  audience: ["online shops", "nonprofits", "agencies", "resellers", "students", "photographers", "restaurants", "schools", "charities", "law firms", "dental practices", "podcasters", "bloggers", "estate agents"],
} as const satisfies Record<string, readonly string[]>;

type SlotName = keyof typeof SLOTS;
type Values = Partial<Record<string, string>>;

interface TitleTemplate {
  title: string;
  desc: string;
  tags: string[];
}

interface Table {
  header: string[];
  rows: string[][];
}

interface CategorySpec {
  slug: string;
  weight: number;
  templates: TitleTemplate[];
  qualifiers: string[];
  tags: string[];
  /** Fallback values for slots a title did not fill, so shared sentences still read well. */
  defaults: Values;
  headings: string[];
  sentences: string[];
  steps: string[];
  table: (values: Values, rng: Rng) => Table;
}

const GLOBAL_QUALIFIERS = [
  "on the {plan} plan",
  "after moving from {oldHost}",
  "in the {region} data centre",
  "on {panelVersion}",
  "for {audience}",
];

const CATEGORIES: CategorySpec[] = [
  {
    slug: "email",
    weight: 20,
    templates: [
      { title: "Set up email on {client} for {platform}", desc: "Add your Harbour mailbox to {client} on {platform} with the right server names, ports and security settings.", tags: ["email setup"] },
      { title: "Set up {protocol} email in {client}", desc: "Connect {client} to your mailbox over {protocol} and choose the secure port that works on your network.", tags: ["mail settings"] },
      { title: "Fix the {mailError} error in {client}", desc: "What the {mailError} message in {client} means and how to get your mail moving again.", tags: ["email error"] },
      { title: "Fix {mailError} when sending to {provider}", desc: "Why messages to {provider} addresses fail with {mailError}, and the changes that fix it.", tags: ["deliverability"] },
      { title: "Emails to {provider} going to spam", desc: "Stop your messages landing in the {provider} junk folder by checking SPF, DKIM and how you send.", tags: ["spam", "deliverability"] },
      { title: "Create {mailFeature} in cPanel", desc: "Set up {mailFeature} for your domain in cPanel, then send a test message to check that it works.", tags: ["cpanel"] },
      { title: "{client} keeps asking for your password on {platform}", desc: "Stop the repeated password prompts in {client} on {platform} by checking the saved login and server settings.", tags: ["password", "login"] },
      { title: "Import old mail from {provider} into {client}", desc: "Bring the messages from your {provider} account into your Harbour mailbox using {client}.", tags: ["migration", "import"] },
      { title: "Emails stuck in the {client} outbox on {platform}", desc: "Get messages out of the {client} outbox on {platform} by fixing the outgoing server settings.", tags: ["smtp", "outbox"] },
      { title: "Add an email signature in {client} on {platform}", desc: "Create a signature with your name, role and phone number in {client} on {platform}.", tags: ["signature"] },
      { title: "Export your mailbox from {client} on {platform}", desc: "Save a copy of your mail from {client} on {platform} before you move, reset or close the account.", tags: ["backup", "export"] },
      { title: "Change the SMTP port in {client}", desc: "Switch {client} to port 465 or 587 when your network or provider blocks outgoing mail on port 25.", tags: ["smtp", "ports"] },
      { title: "Raise the mailbox quota for {mailUse}", desc: "Give {mailUse} more storage in cPanel and stop new mail bouncing when the mailbox is full.", tags: ["quota", "storage"] },
    ],
    qualifiers: [...GLOBAL_QUALIFIERS, "for {tld} domains", "with {spamFilter} filtering"],
    tags: ["email", "mailbox", "imap", "smtp", "webmail", "mail app"],
    defaults: { client: "your mail app", platform: "your device", provider: "the other provider", protocol: "IMAP" },
    headings: [
      "Before you start",
      "What you need",
      "Find your mail server settings",
      "Add the account in {client}",
      "Check the incoming server",
      "Check the outgoing server",
      "Test sending and receiving",
      "Why this happens",
      "If {client} still shows an error",
      "Common causes",
      "Related settings",
    ],
    sentences: [
      "Use your full email address as the username, not just the part before the at sign.",
      "The incoming and outgoing server for most accounts is `mail.yourdomain.com`, with your own domain in place of yourdomain.com.",
      "{client} on {platform} usually finds the right ports by itself, but it is worth checking them once.",
      "IMAP keeps your mail on the server, so every device you use shows the same folders and messages.",
      "POP3 downloads messages to one device and can remove them from the server, which is why we suggest IMAP.",
      "Outgoing mail needs SMTP authentication with the same username and password as incoming mail.",
      "Port 465 uses SSL/TLS from the start, while port 587 starts plain and upgrades with STARTTLS.",
      "If you can log in to webmail with the same details, the mailbox is fine and the problem is in the app.",
      "Messages to {provider} are checked against your SPF and DKIM records before they are accepted.",
      "A full mailbox rejects new mail, so check the quota in cPanel under **Email Accounts** first.",
      "Some networks block port 25 for outgoing mail, so always use 465 or 587 from a mail app.",
      "After you change a setting, quit {client} completely and open it again so it reconnects.",
      "Antivirus programs that scan mail can get in the way of secure connections on {platform}.",
      "The exact wording of the error tells you which server refused the message and why.",
      "Bounce messages include a three-digit code, and the first digit says whether the failure is temporary.",
      "Forwarders and filters run on the server, so they keep working when your computer is off.",
      "We keep a copy of every mailbox in the nightly backup for at least 14 days.",
      "Large attachments are a common reason for rejected mail, so share big files with a link instead.",
    ],
    steps: [
      "Log in to cPanel and open **Email Accounts**.",
      "Click **Connect Devices** next to the address you want to use.",
      "Note the **Secure SSL/TLS Settings** shown on that page.",
      "Open {client} and go to its account settings.",
      "Choose to add a new account and pick manual setup.",
      "Enter your full email address and the mailbox password.",
      "Set the incoming server to `mail.yourdomain.com` on port 993 with SSL/TLS.",
      "Set the outgoing server to `mail.yourdomain.com` on port 465 with SSL/TLS.",
      "Turn on authentication for the outgoing server.",
      "Save the account and send yourself a test message.",
      "Check the test message arrives in webmail as well.",
      "Remove any old account for the same address so the two do not fight.",
    ],
    table: () => ({
      header: ["Setting", "Value"],
      rows: [
        ["Username", "Your full email address"],
        ["Incoming server", "`mail.yourdomain.com`"],
        ["IMAP port", "993 with SSL/TLS"],
        ["POP3 port", "995 with SSL/TLS"],
        ["SMTP port", "465 with SSL/TLS, or 587 with STARTTLS"],
        ["Authentication", "Required for outgoing mail"],
      ],
    }),
  },
  {
    slug: "domains-dns",
    weight: 18,
    templates: [
      { title: "Add {a:record} record for {service}", desc: "Create the {record} record that {service} asks for in the Zone Editor, then check that it has taken effect.", tags: ["dns records", "zone editor"] },
      { title: "Point your domain to {service}", desc: "Send visitors or mail for your domain to {service} by changing the right DNS records, not the nameservers.", tags: ["dns"] },
      { title: "Verify your domain for {service}", desc: "Prove to {service} that you own your domain by adding the TXT or CNAME record it gives you.", tags: ["verification", "txt record"] },
      { title: "Transfer a {tld} domain from {registrar}", desc: "Move a {tld} domain from {registrar} to Harbour: unlock it, get the EPP code and approve the transfer.", tags: ["domain transfer", "epp code"] },
      { title: "Transfer a {tld} domain to {registrar}", desc: "Move a {tld} domain away to {registrar} without losing your website or email on the way.", tags: ["domain transfer"] },
      { title: "Change nameservers at {registrar}", desc: "Point a domain registered at {registrar} to Harbour nameservers, and know how long the change takes.", tags: ["nameservers"] },
      { title: "Fix {dnsIssue} for {tld} domains", desc: "Find out why {tld} domains show {dnsIssue} and how to clear them from your side.", tags: ["dns", "troubleshooting"] },
      { title: "Renew an expired {tld} domain", desc: "Bring back a {tld} domain after it expired, what the grace period allows and what it costs.", tags: ["renewal", "expired domain"] },
      { title: "Set up a subdomain for {service}", desc: "Create a subdomain such as shop.yourdomain.com and point it at {service} with one DNS record.", tags: ["subdomain"] },
      { title: "Fix {dnsIssue} after moving to {registrar}", desc: "Clear up {dnsIssue} that start after a domain moves to {registrar}, record by record.", tags: ["dns", "troubleshooting"] },
      { title: "Set up SPF, DKIM and DMARC for {service}", desc: "Add the three records that let {service} send mail for your domain without landing in spam.", tags: ["spf", "dkim", "dmarc"] },
      { title: "Get the EPP code for a {tld} domain at {registrar}", desc: "Find the transfer authorisation code for a {tld} domain in the {registrar} dashboard.", tags: ["epp code", "domain transfer"] },
    ],
    qualifiers: [...GLOBAL_QUALIFIERS, "for {tld} domains", "with {dnsHost} DNS"],
    tags: ["domains", "dns", "nameservers", "zone editor", "registrar"],
    defaults: { service: "the service", registrar: "your registrar", tld: ".com", record: "TXT" },
    headings: [
      "Before you start",
      "How long changes take",
      "Find the records {service} needs",
      "Open the Zone Editor",
      "Add the {record} record",
      "Check the record has taken effect",
      "Unlock the domain",
      "Approve the transfer",
      "If the change does not show up",
      "Why this happens",
      "What to check next",
    ],
    sentences: [
      "DNS changes usually show up within an hour, but some networks keep old answers for up to 48 hours.",
      "The TTL on a record is how many seconds other servers may cache it, so lower it a day before a big change.",
      "Changing nameservers moves all of your DNS at once, while editing records changes one thing at a time.",
      "{service} shows the exact host name and value to copy, so paste them rather than typing them by hand.",
      "In the Zone Editor, the name @ stands for the domain itself and www is the www subdomain.",
      "A domain can only have one SPF record, so merge new senders into the existing record.",
      "{tld} domains follow the rules of their registry, which can add steps to a transfer.",
      "A transfer needs the domain to be unlocked and at least 60 days past its last registration or transfer.",
      "The EPP code is a password for the domain, so keep it private and use it once.",
      "Renewing before the expiry date keeps the website and email running without a gap.",
      "After a domain expires it enters a grace period, and after that a redemption period with a higher fee.",
      "Public DNS checkers query servers around the world, so they show whether a change has spread.",
      "Your own computer caches DNS too, so flush it or test from a phone on mobile data.",
      "{registrar} keeps the registration, while Harbour can still host the DNS, the site and the mail.",
      "DNSSEC signs your records, and a stale DS record at the registrar makes the whole domain fail to resolve.",
      "MX records say where mail for the domain goes, and each one has a priority number.",
      "A CNAME cannot sit at the root of the domain, so use an A record there instead.",
    ],
    steps: [
      "Log in to cPanel and open **Zone Editor**.",
      "Click **Manage** next to the domain.",
      "Click **Add Record** and choose the record type.",
      "Enter the name and value exactly as {service} shows them.",
      "Leave the TTL at 3600 unless you plan more changes soon.",
      "Save the record and wait a few minutes.",
      "Check the record with a public DNS lookup tool.",
      "Log in to {registrar} and open the domain settings.",
      "Turn off the transfer lock for the domain.",
      "Copy the EPP code and keep it somewhere safe.",
      "Start the transfer in your Harbour Client Area and paste the code.",
      "Approve the confirmation email sent to the domain owner address.",
    ],
    table: (values) => ({
      header: ["Type", "Name", "Value", "TTL"],
      rows: [
        [values.record ?? "A", "@", values.record === "MX" ? "10 mail.yourdomain.com" : "value from the provider", "3600"],
        ["CNAME", "www", "yourdomain.com", "3600"],
        ["TXT", "@", "v=spf1 include:spf.harbour.example ~all", "3600"],
      ],
    }),
  },
  {
    slug: "hosting-cpanel",
    weight: 20,
    templates: [
      { title: "Switch your site to {phpVersion} in MultiPHP Manager", desc: "Change the PHP version of one site in cPanel and check that nothing breaks after the switch.", tags: ["php", "multiphp"] },
      { title: "Raise the {phpSetting} on {phpVersion}", desc: "Increase the PHP {phpSetting} for your site in the MultiPHP INI Editor, within your plan limits.", tags: ["php", "php settings"] },
      { title: "Fix a {serverError} on your website", desc: "What causes a {serverError} on a Harbour site and the checks that usually fix it in minutes.", tags: ["server error", "troubleshooting"] },
      { title: "Fix a {serverError} after installing {app}", desc: "Get {app} working again when the site shows a {serverError} right after the install.", tags: ["server error"] },
      { title: "Upload files with {ftpClient} on {platform}", desc: "Connect {ftpClient} on {platform} to your hosting account over SFTP and upload your site files.", tags: ["ftp", "sftp", "file upload"] },
      { title: "Create a {database} database for {app}", desc: "Make a {database} database and user for {app} in cPanel and give the user the right privileges.", tags: ["database"] },
      { title: "Deploy {app} from Git in cPanel", desc: "Clone a repository with Git Version Control and deploy {app} to your site on every push.", tags: ["git", "deployment"] },
      { title: "Install {app} with Softaculous", desc: "Install {app} in a few clicks with Softaculous and pick safe settings for updates and backups.", tags: ["softaculous", "installer"] },
      { title: "Schedule a cron job for {app}", desc: "Run the scheduled tasks of {app} with a cron job in cPanel, and get the output by email.", tags: ["cron"] },
      { title: "Restore {backupItem} from a JetBackup snapshot", desc: "Bring back {backupItem} from one of the daily JetBackup snapshots kept for your account.", tags: ["backup", "restore"] },
      { title: "Use the {cpanelTool} tool in cPanel", desc: "What the {cpanelTool} tool in cPanel is for and how to use it without breaking your site.", tags: ["cpanel tools"] },
      { title: "Connect over SSH from {platform}", desc: "Turn on SSH access, add a key and open a secure shell to your hosting account from {platform}.", tags: ["ssh", "terminal"] },
      { title: "Fix slow {app} pages on {phpVersion}", desc: "Find out why {app} pages load slowly on {phpVersion} and which caching and PHP settings help.", tags: ["performance", "speed"] },
    ],
    qualifiers: [...GLOBAL_QUALIFIERS, "on {phpVersion}", "with {webServer}"],
    tags: ["hosting", "cpanel", "php", "files", "server"],
    defaults: { app: "your site", phpVersion: "PHP 8.2", platform: "your computer", database: "MySQL" },
    headings: [
      "Before you start",
      "What causes it",
      "Check the error log",
      "Open the right tool in cPanel",
      "Change the setting",
      "Check your site",
      "Set up {app}",
      "If your site still shows an error",
      "Limits on your plan",
      "Undo the change",
      "Related tools",
    ],
    sentences: [
      "Most server errors leave a line in the cPanel **Error Log**, which names the file and the problem.",
      "A broken `.htaccess` file is the most common cause of a sudden 500 error.",
      "{app} needs {phpVersion} or newer for its current release, so check the version first.",
      "Changes in the MultiPHP INI Editor apply within a minute and only to the domain you pick.",
      "Your plan sets upper limits for memory and processes, and the Resource Usage page shows when you reach them.",
      "Take a backup before you change server settings, so you can undo the change in one step.",
      "File permissions should be 644 for files and 755 for folders on Harbour servers.",
      "SFTP uses port 22 and your cPanel username, and it encrypts both the password and the files.",
      "The File Manager works in the browser, which is handy for small edits but slow for many files.",
      "Databases and their users are prefixed with your cPanel username, so include the prefix in config files.",
      "Cron jobs run in the server time zone, which is shown at the top of the Cron Jobs page.",
      "JetBackup keeps daily snapshots, so you can restore a single file without touching the rest.",
      "Clearing your browser cache rules out an old copy of the page before you dig deeper.",
      "Server errors that come and go are often caused by a plugin or script that uses too much memory.",
      "{app} keeps its own log files, which often say more than the server log.",
      "Git deployments run the commands in your `.cpanel.yml` file after every push.",
      "If your site runs behind a CDN, purge its cache after you change files on the server.",
    ],
    steps: [
      "Log in to cPanel.",
      "Open **MultiPHP Manager** under Software.",
      "Tick the domain and choose the version from the list.",
      "Click **Apply** and wait for the confirmation.",
      "Open **Metrics › Errors** to read the latest errors.",
      "Rename `.htaccess` to `.htaccess-old` in the File Manager to rule it out.",
      "Reload your site in a private browser window.",
      "Open **MultiPHP INI Editor** and pick the domain.",
      "Change the value and click **Apply**.",
      "Create a backup with JetBackup before you start.",
      "Upload the files to the `public_html` folder.",
      "Set the folder permissions to 755 and the file permissions to 644.",
    ],
    table: () => ({
      header: ["Setting", "Default", "Suggested maximum"],
      rows: [
        ["`memory_limit`", "256M", "512M"],
        ["`max_execution_time`", "30", "300"],
        ["`upload_max_filesize`", "64M", "512M"],
        ["`post_max_size`", "64M", "512M"],
        ["`max_input_vars`", "1000", "5000"],
      ],
    }),
  },
  {
    slug: "wordpress",
    weight: 18,
    templates: [
      { title: "Fix {wpError} in WordPress", desc: "The usual causes of {wpError} in WordPress and the order in which to check them.", tags: ["wordpress error", "troubleshooting"] },
      { title: "Fix {wpError} after updating {plugin}", desc: "Get your site back when {wpError} appears right after an update of {plugin}.", tags: ["plugin update"] },
      { title: "Install and configure {plugin}", desc: "Install {plugin} from the WordPress dashboard and set it up with settings that suit most sites.", tags: ["plugins"] },
      { title: "Update {plugin} safely on a staging site", desc: "Test a new version of {plugin} on a staging copy of your site before it reaches visitors.", tags: ["staging", "updates"] },
      { title: "Fix layout problems with {theme} and {plugin}", desc: "Sort out broken layouts and missing styles when {plugin} and the {theme} theme do not get along.", tags: ["themes", "layout"] },
      { title: "{wpTask} in WordPress", desc: "A safe way to {wpTaskLower} in WordPress, from the dashboard or from cPanel.", tags: ["wordpress admin"] },
      { title: "{wpTask} with WP-CLI", desc: "Use WP-CLI over SSH to {wpTaskLower} quickly, even when the dashboard does not load.", tags: ["wp-cli", "ssh"] },
      { title: "Migrate a WordPress site from {oldHost}", desc: "Move a WordPress site from {oldHost} to Harbour with its database, media and email intact.", tags: ["migration"] },
      { title: "Speed up {theme} with {cachePlugin}", desc: "Set up {cachePlugin} for a site on the {theme} theme and measure the difference it makes.", tags: ["performance", "caching"] },
      { title: "Switch to the {theme} theme safely", desc: "Change your WordPress theme to {theme} without losing menus, widgets or custom CSS.", tags: ["themes"] },
      { title: "Fix {wpError} on a {theme} site", desc: "Track down {wpError} on a site built with the {theme} theme, step by step.", tags: ["themes", "troubleshooting"] },
      { title: "Fix conflicts between {plugin} and {otherPlugin}", desc: "Find and fix a conflict between {plugin} and {otherPlugin} without turning either one off for good.", tags: ["plugin conflict"] },
    ],
    qualifiers: [...GLOBAL_QUALIFIERS, "on WordPress {wpVersion}", "with the {theme} theme"],
    tags: ["wordpress", "plugins", "themes", "wp-admin", "cms"],
    defaults: { plugin: "the plugin", theme: "your theme", oldHost: "your old host" },
    headings: [
      "Before you start",
      "Make a backup first",
      "What causes it",
      "Turn off plugins one by one",
      "Check {plugin}",
      "Switch to a default theme",
      "Use WP-CLI",
      "Check the result",
      "If the site is still broken",
      "Keep it from happening again",
      "Related guides",
    ],
    sentences: [
      "Make a backup with JetBackup or {plugin} before you change anything on a live site.",
      "Most WordPress errors come from a plugin or theme update, so start with the most recent change.",
      "You can turn off every plugin at once by renaming the `wp-content/plugins` folder in the File Manager.",
      "The `wp-config.php` file holds the database name, user and password that WordPress uses to connect.",
      "Turning on `WP_DEBUG` writes errors to `wp-content/debug.log` without showing them to visitors.",
      "A staging site is a private copy where you can test updates without risk.",
      "WP-CLI is already installed on Harbour servers, so you can run it as soon as you connect over SSH.",
      "The {theme} theme keeps its settings in the Customizer, which you can export before you switch.",
      "Caching plugins store finished pages, so clear the cache after every design change.",
      "Automatic updates are on for minor WordPress releases and can be turned on for plugins too.",
      "If the dashboard does not load, the same fixes work from cPanel or over SSH.",
      "The Site Health screen under **Tools** lists problems WordPress has found itself.",
      "Memory errors mean a script asked for more than the PHP memory limit allows.",
      "Some security plugins block the login page after failed attempts, which looks like a broken login.",
      "Old URLs stored in the database are the usual cause of redirect loops after a move.",
      "Keep only the plugins you use, because each one adds code that has to load on every page.",
      "{plugin} has its own settings page in the dashboard sidebar after you activate it.",
    ],
    steps: [
      "Log in to your WordPress dashboard at `/wp-admin`.",
      "Go to **Plugins › Installed Plugins**.",
      "Deactivate {plugin} and reload the page that had the problem.",
      "Turn the other plugins back on one at a time.",
      "Go to **Appearance › Themes** and activate a default theme for a moment.",
      "Open the File Manager in cPanel and go to `public_html`.",
      "Rename the `plugins` folder inside `wp-content` to `plugins-off`.",
      "Connect over SSH and run `wp plugin list` to see every plugin and its status.",
      "Clear the cache in your caching plugin and in your browser.",
      "Go to **Tools › Site Health** and read the critical issues.",
      "Make a fresh backup before the next update.",
      "Turn on automatic updates for the plugins you trust.",
    ],
    table: (values) => ({
      header: ["Check", "Where", "What to look for"],
      rows: [
        ["Plugins", "Plugins › Installed Plugins", `${values.plugin ?? "Recently updated plugins"} and anything updated today`],
        ["Theme", "Appearance › Themes", `${values.theme ?? "The active theme"} and its child theme`],
        ["Errors", "`wp-content/debug.log`", "Fatal errors and the file they name"],
        ["Database", "`wp-config.php`", "The database name, user and password"],
      ],
    }),
  },
  {
    slug: "billing-account",
    weight: 12,
    templates: [
      { title: "Pay an invoice with {payMethod}", desc: "Pay an open Harbour invoice with {payMethod} from the Client Area and get a receipt by email.", tags: ["invoices", "payments"] },
      { title: "Update your {payMethod} details", desc: "Change the {payMethod} details we charge for renewals, before the next invoice is due.", tags: ["payment method"] },
      { title: "Upgrade from {plan} to {otherPlan}", desc: "Move your hosting from {plan} to {otherPlan}: what changes, what it costs and when it takes effect.", tags: ["upgrade", "plans"] },
      { title: "Downgrade from {plan} to {otherPlan}", desc: "Move from {plan} to the smaller {otherPlan} plan, and check your usage fits first.", tags: ["downgrade", "plans"] },
      { title: "Switch {plan} hosting to {cycle} billing", desc: "Change how often you pay for {plan} hosting to {cycle} billing, and how the credit is worked out.", tags: ["billing cycle"] },
      { title: "Sort out {billingIssue} on {payMethod}", desc: "What to do about {billingIssue} on {payMethod}, and how long a correction takes.", tags: ["billing problem"] },
      { title: "Get a refund for {plan} hosting", desc: "When {plan} hosting can be refunded, how to ask for it and when the money arrives.", tags: ["refund"] },
      { title: "Add a VAT number for {country}", desc: "Add a business VAT number for {country} to your account so invoices show reverse charge.", tags: ["vat", "tax"] },
      { title: "Change your billing currency to {currency}", desc: "Pay for renewals in {currency} instead of your current currency, and what happens to open invoices.", tags: ["currency"] },
      { title: "Cancel the {plan} plan", desc: "Cancel {plan} hosting at the end of the term or straight away, and keep a copy of your data.", tags: ["cancel", "plans"] },
      { title: "Give {role} access to a team member", desc: "Invite a colleague to your Harbour account with {role} access, without sharing your password.", tags: ["users", "permissions"] },
      { title: "Download {plan} invoices as PDF", desc: "Find and download past invoices for {plan} hosting as PDF files for your accounts.", tags: ["invoices", "pdf"] },
      { title: "Renew {plan} hosting with {payMethod}", desc: "Renew {plan} hosting by hand with {payMethod} when automatic renewal is off.", tags: ["renewal"] },
    ],
    qualifiers: [...GLOBAL_QUALIFIERS, "in {currency}", "for customers in {country}"],
    tags: ["billing", "account", "invoices", "payments", "client area"],
    defaults: { plan: "your plan", payMethod: "your card", currency: "your currency" },
    headings: [
      "Before you start",
      "Where to find it",
      "Make the change",
      "What it costs",
      "When it takes effect",
      "Check your invoice",
      "If a payment fails",
      "Refunds and credit",
      "Related account settings",
    ],
    sentences: [
      "Everything to do with billing lives in the Client Area, not in cPanel.",
      "Invoices are created 14 days before the renewal date and sent to the billing contact.",
      "Upgrades take effect at once, and you pay only the difference for the rest of the term.",
      "Downgrades take effect at the next renewal, so you keep what you paid for until then.",
      "We never store full card numbers, and card details are handled by our payment processor.",
      "{payMethod} payments usually clear within minutes, while bank transfers can take two working days.",
      "If a payment fails we try again after three days and email you each time.",
      "Refunds go back to the payment method you used, and banks can take up to ten days to show them.",
      "Domain registrations cannot be refunded once the registry has accepted them.",
      "Business customers in the EU can add a VAT number so invoices use the reverse charge.",
      "The billing contact can be a different person from the account owner.",
      "Credit on your account is used automatically for the next invoice.",
      "Changing the billing cycle to yearly is cheaper than paying each month.",
      "Cancelling removes the hosting and its backups at the end of the term, so download anything you need first.",
      "Team members each log in with their own address, and you can remove their access at any time.",
    ],
    steps: [
      "Log in to the Client Area.",
      "Open **Billing › Invoices**.",
      "Click the invoice number to open it.",
      "Choose {payMethod} as the payment method.",
      "Open **Services** and click the plan you want to change.",
      "Click **Upgrade or Downgrade** and choose the new plan.",
      "Check the price shown for the rest of the term.",
      "Confirm the change and pay the invoice if one is created.",
      "Open **Account › Payment Methods**.",
      "Add the new payment method and make it the default.",
      "Remove the old payment method if you no longer need it.",
      "Download the invoice as PDF for your records.",
    ],
    table: (values, rng) => ({
      header: ["Plan", "Monthly", "Yearly"],
      rows: [values.plan && values.plan !== "your plan" ? values.plan : "Starter", values.otherPlan ?? "Business", "Premium"].map((plan, i) => {
        const monthly = 3 + i * 4 + rng.int(3);
        return [plan, `${monthly}.99 a month`, `${monthly * 10}.99 a year`];
      }),
    }),
  },
  {
    slug: "security-ssl",
    weight: 12,
    templates: [
      { title: "Install {a:sslType} certificate", desc: "Install {a:sslType} certificate on your domain and make sure every page loads over HTTPS.", tags: ["ssl certificate", "https"] },
      { title: "Renew {a:sslType} certificate before it expires", desc: "Renew {a:sslType} certificate in time so visitors never see a security warning.", tags: ["ssl renewal"] },
      { title: "Fix {sslError} in {browser}", desc: "Why {browser} shows {sslError} for your site and how to fix the certificate or the page.", tags: ["ssl error", "browser"] },
      { title: "Fix {sslError} after installing {a:sslType} certificate", desc: "Clear {sslError} that appears after a new {sslType} certificate goes live.", tags: ["ssl error"] },
      { title: "Turn on two-factor authentication with {authApp}", desc: "Protect your Harbour login with a second step from {authApp}, and keep backup codes safe.", tags: ["two-factor authentication", "2fa"] },
      { title: "Move two-factor codes from {authApp} to a new {device}", desc: "Move your two-factor codes from {authApp} to a new {device} without getting locked out.", tags: ["2fa", "new phone"] },
      { title: "What to do about {a:threat}", desc: "The first steps to take after {a:threat}, and how to keep it from happening again.", tags: ["incident", "account safety"] },
      { title: "Block {attackSource} with {firewallTool}", desc: "Use {firewallTool} to block {attackSource} from reaching your site or your login page.", tags: ["firewall", "blocking"] },
      { title: "Scan your site for malware with {scanner}", desc: "Run a malware scan with {scanner}, read the report and clean or restore the files it flags.", tags: ["malware", "scan"] },
      { title: "Force HTTPS for {app}", desc: "Send every visitor of your {app} site to the secure HTTPS address with a redirect.", tags: ["https", "redirect"] },
    ],
    qualifiers: [...GLOBAL_QUALIFIERS, "in {browser}", "for {tld} domains"],
    tags: ["security", "ssl", "https", "certificate", "account safety"],
    defaults: { browser: "your browser", sslType: "AutoSSL", authApp: "your authenticator app" },
    headings: [
      "Before you start",
      "What the warning means",
      "Check the certificate",
      "Install the certificate",
      "Turn on HTTPS redirects",
      "Set up the app",
      "Save your backup codes",
      "Check {browser}",
      "If it still fails",
      "Keep your account safe",
    ],
    sentences: [
      "AutoSSL issues free certificates for every domain on your account and renews them by itself.",
      "A certificate only covers the names listed in it, so www and other subdomains need to be included.",
      "{browser} shows the certificate details when you click the icon next to the address.",
      "Mixed content warnings mean the page is secure but loads an image or script over plain HTTP.",
      "An expired certificate shows a full-page warning that most visitors will not click past.",
      "Certificates need the domain to point at our servers, so DNS has to be right before you install one.",
      "Two-factor authentication asks for a code from your phone after your password.",
      "Backup codes let you in if you lose your phone, so print them or keep them in a password manager.",
      "We will never ask for your password or a two-factor code by email or phone.",
      "After a break-in, change every password, not only the one you think was used.",
      "Malware scans compare your files with known bad code and flag anything that matches.",
      "Restoring a clean backup is often faster and safer than cleaning files by hand.",
      "Firewall rules apply within a minute and can be removed again from the same page.",
      "HTTPS also makes your site load faster, because modern browsers use HTTP/2 only over secure connections.",
      "{authApp} keeps working without a network connection, because the codes are made on the device.",
    ],
    steps: [
      "Log in to cPanel and open **SSL/TLS Status**.",
      "Tick the domains that show a warning.",
      "Click **Run AutoSSL** and wait for it to finish.",
      "Open your site in a private window and check for the padlock.",
      "Open **Domains** and turn on **Force HTTPS Redirect**.",
      "Log in to the Client Area and open **Security**.",
      "Click **Enable Two-Factor Authentication**.",
      "Scan the QR code with {authApp}.",
      "Enter the six-digit code to confirm.",
      "Save the backup codes somewhere safe.",
      "Change the passwords of cPanel, email and WordPress accounts.",
      "Run a malware scan and review every flagged file.",
    ],
    table: () => ({
      header: ["Certificate", "Validation", "Covers"],
      rows: [
        ["AutoSSL", "Domain", "The domain and www, renewed automatically"],
        ["Let's Encrypt", "Domain", "Up to 100 names, renewed every 90 days"],
        ["Wildcard", "Domain", "Every first-level subdomain"],
        ["OV or EV", "Organisation", "Named domains, with your company checked"],
      ],
    }),
  },
];

const GENERIC_SENTENCES = [
  "This guide applies to every Harbour hosting plan unless it says otherwise.",
  "You need your Client Area login, and for some steps your cPanel login as well.",
  "Each step takes only a minute or two, and you can stop halfway without breaking anything.",
  "Write down the current settings before you change them, so you can go back if you need to.",
  "Most customers sort this out in under ten minutes.",
  "Screens in cPanel can look a little different depending on the theme, but the names stay the same.",
  "If you manage several sites, repeat these steps for each one.",
  "Changes you make here do not affect other services on your account.",
  "Our status page shows any known problem with the servers, so check it first.",
  "Keep this page open in another tab while you work through the steps.",
  "The support team can see the same settings as you, so tell us which step you reached if you get in touch.",
  "Nothing here changes your files or mail unless a step says so.",
  "Some options only appear for the account owner, so log in as the owner if a menu is missing.",
  "If a step asks for a password you do not have, reset it from the Client Area first.",
  "We update this guide when the control panel changes, so the menu names match what you see.",
  "On a phone, turn it sideways to see the wider cPanel menus.",
  "Your browser may ask to save a new password, which is fine on your own device.",
  "Take a screenshot of anything that looks wrong, because it helps us help you faster.",
  "Changes are logged in the Client Area, so you can see who changed what and when.",
];

const CLOSINGS = [
  "Still stuck? [Contact us](/contact) with what you tried and the exact error message.",
  "If none of this helps, [contact us](/contact) and tell us your domain and what you see.",
  "Need a hand? Our team can check it for you: [contact us](/contact).",
];

// ---------------------------------------------------------------------------------------------
// Text helpers

const VOWEL_SOUND_LETTERS = new Set("AEFHILMNORSX");

function withArticle(value: string): string {
  if (/^(a|an|the) /i.test(value)) return value;
  const first = value[0] ?? "";
  const acronym = /^[A-Z0-9]{2,}\b/.test(value) || /^[A-Z]$/.test(value);
  const an = acronym ? VOWEL_SOUND_LETTERS.has(first) : /^[aeiou]/i.test(value);
  return `${an ? "an" : "a"} ${value}`;
}

type Part = string | { name: string; article: boolean };
const compiledPatterns = new Map<string, { parts: Part[]; slots: string[] }>();

function compile(pattern: string): { parts: Part[]; slots: string[] } {
  let compiled = compiledPatterns.get(pattern);
  if (!compiled) {
    const parts: Part[] = [];
    const slots: string[] = [];
    let last = 0;
    for (const match of pattern.matchAll(/\{(a:)?(\w+)\}/g)) {
      if (match.index > last) parts.push(pattern.slice(last, match.index));
      parts.push({ name: match[2]!, article: match[1] !== undefined });
      slots.push(match[2]!);
      last = match.index + match[0].length;
    }
    if (last < pattern.length) parts.push(pattern.slice(last));
    compiledPatterns.set(pattern, (compiled = { parts, slots }));
  }
  return compiled;
}

/** Fills {slot} and {a:slot} placeholders; returns null when a slot has no value. */
function fill(pattern: string, values: Values): string | null {
  let text = "";
  for (const part of compile(pattern).parts) {
    if (typeof part === "string") text += part;
    else {
      const value = values[part.name];
      if (value === undefined) return null;
      text += part.article ? withArticle(value) : value;
    }
  }
  return text;
}

function slotsOf(pattern: string): string[] {
  return compile(pattern).slots;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function tagOf(value: string): string {
  return value
    .replace(/^(a|an|the) /i, "")
    .toLowerCase()
    .slice(0, 40)
    .trim();
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function truncateSlug(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > 10 ? cut.slice(0, lastHyphen) : slug.slice(0, max)).replace(/-+$/, "");
}

/** Words with a letter or digit in them, roughly what a reader (or compileMdx) counts. */
function countWords(markdown: string): number {
  let count = 0;
  let inWord = false;
  let wordHasText = false;
  for (let i = 0; i <= markdown.length; i++) {
    const code = i < markdown.length ? markdown.charCodeAt(i) : 32;
    if (code === 32 || code === 10 || code === 9) {
      if (inWord && wordHasText) count++;
      inWord = wordHasText = false;
    } else {
      inWord = true;
      if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) wordHasText = true;
    }
  }
  return count;
}

// ---------------------------------------------------------------------------------------------
// Articles

const MAX_TITLE = 110;

interface DraftTitle {
  title: string;
  values: Values;
  template: TitleTemplate;
  qualifierValues: string[];
}

function pickValues(slotNames: readonly string[], rng: Rng, values: Values): boolean {
  for (const name of slotNames) {
    if (values[name] !== undefined) continue;
    const list = SLOTS[name as SlotName] as readonly string[] | undefined;
    if (!list) throw new Error(`No vocabulary for slot {${name}}`);
    let value = rng.pick(list);
    // Two slots from the same list ("from {plan} to {otherPlan}") must differ.
    for (let tries = 0; tries < 8 && Object.values(values).includes(value); tries++) value = rng.pick(list);
    if (Object.values(values).includes(value)) return false;
    values[name] = value;
  }
  return true;
}

/** Upgrades go to a bigger plan and downgrades to a smaller one (the plan list runs small to big). */
function orderPlans(template: TitleTemplate, values: Values) {
  const { plan, otherPlan } = values;
  if (!plan || !otherPlan) return;
  const plans: readonly string[] = SLOTS.plan;
  const up = plans.indexOf(plan) < plans.indexOf(otherPlan);
  if (template.title.startsWith("Upgrade") !== up) [values.plan, values.otherPlan] = [otherPlan, plan];
}

function draftTitle(spec: CategorySpec, rng: Rng, used: Set<string>, serial: number): DraftTitle {
  for (let attempt = 0; attempt < 40; attempt++) {
    const template = rng.pick(spec.templates);
    const values: Values = {};
    if (!pickValues(slotsOf(template.title), rng, values)) continue;
    orderPlans(template, values);
    if (values.wpTask) values.wpTaskLower = values.wpTask.charAt(0).toLowerCase() + values.wpTask.slice(1);
    const base = capitalize(fill(template.title, values)!);

    // Plain title first; then one qualifier, then two, then a numbered fallback.
    const qualifierCount = attempt < 2 ? 0 : attempt < 24 ? 1 : 2;
    let title = base;
    const qualifierValues: string[] = [];
    if (qualifierCount > 0) {
      // "…after installing Laravel after moving from Wix" reads badly: skip a qualifier whose first
      // word the title already has.
      const baseWords = new Set(base.toLowerCase().split(" "));
      const options = spec.qualifiers.filter(
        (q) => !baseWords.has(q.slice(0, q.indexOf(" "))) && slotsOf(q).every((s) => values[s] === undefined),
      );
      const chosen = rng.sample(options, qualifierCount);
      const ok = chosen.every((q) => {
        const before = new Set(Object.keys(values));
        if (!pickValues(slotsOf(q), rng, values)) return false;
        for (const key of Object.keys(values)) if (!before.has(key)) qualifierValues.push(values[key]!);
        title += ` ${fill(q, values)!}`;
        return true;
      });
      if (!ok) continue;
    }
    if (title.length <= MAX_TITLE && !used.has(title.toLowerCase())) {
      used.add(title.toLowerCase());
      return { title, values, template, qualifierValues };
    }
  }
  // Everything plausible is taken: fall back to a numbered example site, which is always unique.
  const template = rng.pick(spec.templates.filter((t) => t.title.length < 60));
  const values: Values = {};
  pickValues(slotsOf(template.title), rng, values);
  orderPlans(template, values);
  if (values.wpTask) values.wpTaskLower = values.wpTask.charAt(0).toLowerCase() + values.wpTask.slice(1);
  let title = `${capitalize(fill(template.title, values)!)} for example-${1000 + serial} sites`;
  while (used.has(title.toLowerCase())) title += " again";
  used.add(title.toLowerCase());
  return { title, values, template, qualifierValues: [] };
}

function buildTags(spec: CategorySpec, draft: DraftTitle, rng: Rng): string[] {
  const tags = new Set<string>();
  for (const name of slotsOf(draft.template.title)) {
    const value = draft.values[name];
    if (value) tags.add(tagOf(value));
  }
  // A bare version number ("6.4", from "on WordPress 6.4") makes a poor tag.
  for (const value of draft.qualifierValues) tags.add(/^[\d.]+$/.test(value) ? `wordpress ${value}` : tagOf(value));
  for (const tag of draft.template.tags) tags.add(tag);
  tags.add(spec.tags[0]!);
  const extra = rng.range(0, 2);
  for (const tag of rng.sample(spec.tags.slice(1), extra)) tags.add(tag);
  let list = [...tags].filter((t) => t.length > 0);
  for (const tag of spec.tags) if (list.length < 3 && !list.includes(tag)) list.push(tag);
  if (list.length > 8) list = list.slice(0, 8);
  return list;
}

/** Words in a plain, single-spaced sentence. */
function sentenceWords(text: string): number {
  let count = 1;
  for (let i = text.indexOf(" "); i !== -1; i = text.indexOf(" ", i + 1)) count++;
  return count;
}

/** A sentence not used yet in this article, if one can be found quickly. */
function pickSentence(spec: CategorySpec, values: Values, rng: Rng, used: Set<string>): string {
  for (let tries = 0; ; tries++) {
    const pool = rng.chance(0.75) ? spec.sentences : GENERIC_SENTENCES;
    const text = fill(rng.pick(pool), values);
    if (text && (tries > 12 || !used.has(text))) {
      used.add(text);
      return capitalize(text);
    }
  }
}

function buildBody(spec: CategorySpec, values: Values, description: string, headings: string[], rng: Rng): string {
  const target = rng.range(170, 360);
  const listSection = rng.int(headings.length);
  const tableSection = rng.chance(0.35) ? rng.int(headings.length) : -1;
  const used = new Set<string>();
  let words = sentenceWords(description);
  const sentence = (): string => {
    const text = pickSentence(spec, values, rng, used);
    words += sentenceWords(text);
    return text;
  };

  // Articles open with what they answer, as the real ones do.
  const intro = [description];
  if (rng.chance(0.5)) intro.push(sentence());
  const sections = headings.map((heading, i) => {
    const depth = i > 0 && rng.chance(0.3) ? "###" : "##";
    words += sentenceWords(heading);
    const blocks: string[][] = [[sentence()]];
    const extras: string[] = [];
    if (i === listSection) {
      const steps = rng.sample(spec.steps, rng.range(3, 6)).map((step, n) => `${n + 1}. ${fill(step, values) ?? step}`);
      const list = steps.join("\n");
      words += countWords(list);
      extras.push(list);
    }
    if (i === tableSection) {
      const { header, rows } = spec.table(values, rng);
      const table = [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n");
      words += countWords(table);
      extras.push(table);
    }
    return { heading: `${depth} ${heading}`, blocks, extras };
  });
  const closing = rng.pick(CLOSINGS);
  words += sentenceWords(closing);

  while (words < target) {
    const section = rng.pick(sections);
    if (section.blocks.length < 2 && rng.chance(0.5)) section.blocks.push([]);
    section.blocks.at(-1)!.push(sentence());
  }

  let body = intro.join(" ");
  for (const section of sections) {
    body += `\n\n${section.heading}`;
    for (const block of section.blocks) body += `\n\n${block.join(" ")}`;
    for (const extra of section.extras) body += `\n\n${extra}`;
  }
  return `${body}\n\n${closing}\n`;
}

function buildArticle(spec: CategorySpec, rng: Rng, bodyRng: Rng, used: Set<string>, slugs: Set<string>, serial: number): CorpusArticle {
  const draft = draftTitle(spec, rng, used, serial);
  const values: Values = { ...spec.defaults, ...draft.values };

  let description = capitalize(fill(draft.template.desc, values)!);
  if (description.length > 200) description = `${description.slice(0, 196).replace(/[ ,]+\S*$/, "")}.`;

  const tags = buildTags(spec, draft, rng);

  const headingCount = rng.range(3, 6);
  const candidates = [...new Set(spec.headings.map((h) => fill(h, values)).filter((h): h is string => h !== null))];
  const headings = rng.sample(candidates, headingCount);

  const base = truncateSlug(slugify(draft.title), 80);
  let slug = base;
  for (let n = 2; slugs.has(slug); n++) slug = `${truncateSlug(base, 80 - String(n).length - 1)}-${n}`;
  slugs.add(slug);

  return { slug, category: spec.slug, title: draft.title, description, tags, headings, body: buildBody(spec, values, description, headings, bodyRng) };
}

/**
 * Generates `size` articles and 200 labelled queries. Same size and seed → same corpus.
 * `onProgress` is told after each article (a command line draws its progress bar from it).
 */
export function generateCorpus(size: number, seed = 42, { onProgress }: { onProgress?: (done: number, total: number) => void } = {}): Corpus {
  if (!Number.isInteger(size) || size < 1) throw new Error(`size must be a positive integer, got ${size}`);
  const rng = new Rng(subSeed(seed, 1));
  const bodyRng = new Rng(subSeed(seed, 2));
  const totalWeight = CATEGORIES.reduce((sum, c) => sum + c.weight, 0);
  const used = new Set<string>();
  const slugs = new Set<string>();
  const articles: CorpusArticle[] = [];
  for (let i = 0; i < size; i++) {
    let roll = rng.next() * totalWeight;
    const spec = CATEGORIES.find((c) => (roll -= c.weight) < 0) ?? CATEGORIES.at(-1)!;
    articles.push(buildArticle(spec, rng, bodyRng, used, slugs, i));
    onProgress?.(i + 1, size);
  }
  plantAnswers(articles);
  const queries = generateQueries(articles, new Rng(subSeed(seed ^ size, 3)));
  return { articles, queries: [...queries, ...plantedQueries(articles)] };
}

// ---------------------------------------------------------------------------------------------
// Planted answers (scripts/bench/data/planted-answers.json): real-sounding articles whose bodies
// hold what customers type (ports, error messages, menu names, file names), with natural phrasings.

interface PlantedArticle {
  category: string;
  title: string;
  description: string;
  tags: string[];
  body: string;
  queries: { query: string; kind: string; set: "tuning" | "held-out" }[];
}

const PLANTED: readonly PlantedArticle[] = (planted as { articles: PlantedArticle[] }).articles;

/** Whether `text` has the words `keys` next to each other, in order, stopwords aside, within one line. */
function hasPhrase(text: string, keys: readonly string[]): boolean {
  if (keys.length < 2) return false;
  return text.split("\n").some((line) => {
    const words = rawTokens(line).map(form);
    return words.some((_, i) => keys.every((key, k) => words[i + k] === key));
  });
}

/** A crude word form: plural, -ing, -ed and a final e dropped ("arriving", "arrived", "arrives" → "arriv"). */
function form(word: string): string {
  const w = fold(word);
  if (w.length <= 4) return w;
  return w.replace(/(?:ing|ed|es|e)$/, "");
}

/** Where planted article k goes: spread evenly, replacing the generated article there. */
const plantedPosition = (k: number, size: number) => Math.min(size - 1, Math.floor(((k + 0.5) * size) / PLANTED.length));

function plantAnswers(articles: CorpusArticle[]) {
  if (articles.length < PLANTED.length) return;
  PLANTED.forEach((p, k) => {
    const headings = [...p.body.matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1]!);
    articles[plantedPosition(k, articles.length)] = { slug: `${slugify(p.title)}-p${k}`, category: p.category, title: p.title, description: p.description, tags: p.tags, headings, body: p.body };
  });
}

/** The planted queries, checked to be answerable: no other article holds all of a query's words. */
function plantedQueries(articles: readonly CorpusArticle[]): LabelledQuery[] {
  if (articles.length < PLANTED.length) return [];
  // Words as written (with inner dots, hyphens and underscores: "5.1.1", "wp-config.php") and as plain tokens.
  // Word forms count as one ("arrive", "arriving"), as engines with a stemmer treat them.
  const wordsOf = (text: string) => new Set([...surfaceWords(text.replace(/[`*|()[\]'’,:;!?]/g, " ")), ...rawTokens(text).map(form)]);
  const keysOf = (query: string) => [...new Set(surfaceWords(query.replace(/['’]/g, "")).map((w) => (/^[a-z]+$/.test(w) ? form(w) : w)).filter((w) => !isStop(w)))];
  const texts = articles.map((a) => wordsOf(`${a.title} ${a.description} ${a.tags.join(" ")} ${a.body}`));
  const problems: string[] = [];
  const queries = PLANTED.flatMap((p, k) => {
    const answer = plantedPosition(k, articles.length);
    return p.queries.map((q) => {
      const keys = keysOf(q.query);
      const missing = keys.filter((key) => !texts[answer]!.has(key));
      const holders = texts.flatMap((words, i) => (i !== answer && keys.every((key) => words.has(key)) ? [i] : []));
      // Words that other articles also hold are still answerable when only this one holds them side by side.
      const phrase = (i: number) => hasPhrase(`${articles[i]!.title}\n${articles[i]!.description}\n${articles[i]!.body}`, keys);
      const others = holders.length > 0 && phrase(answer) ? holders.filter(phrase).length : holders.length;
      if (missing.length > 0) problems.push(`"${q.query}": "${p.title}" lacks ${missing.join(", ")}`);
      else if (others > 0) problems.push(`"${q.query}": ${others} other articles hold all its words${phrase(answer) ? " side by side" : ""}`);
      return { query: q.query, answer: articles[answer]!.slug, kind: q.kind, set: q.set };
    });
  });
  if (problems.length > 0) throw new Error(`Planted queries that do not single out their article at ${articles.length} articles:\n  ${problems.join("\n  ")}`);
  return queries;
}

// ---------------------------------------------------------------------------------------------
// Queries

const STOPWORDS = new Set(
  "a an and are as at be by can do does for from how i in is it its me my of on or our the to vs what when where which why with you your".split(" "),
);

/** Light plural folding, so "domain" and "domains" count as the same word when checking uniqueness. */
function fold(token: string): string {
  if (token.length > 4 && token.endsWith("ies")) return `${token.slice(0, -3)}y`;
  if (token.length > 3 && token.endsWith("s") && !/(ss|us|is|os)$/.test(token)) return token.slice(0, -1);
  return token;
}

function rawTokens(text: string): string[] {
  return (text.toLowerCase().replace(/['’]/g, "").match(/[a-z0-9]+/g) ?? []).filter((t) => !STOPWORDS.has(t));
}

/** Words as a customer would type them: lowercase, outer punctuation dropped, inner kept (co.uk, wp-cli). */
function surfaceWords(title: string): string[] {
  return title
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, ""))
    .filter(Boolean);
}

function contentKeys(words: readonly string[]): string[] {
  return [...new Set(words.flatMap(rawTokens).map(fold))];
}

/**
 * Which articles a set of query words can match in a field, for checking that a query is
 * answerable. Every word counts as matching any word it is a prefix of ("app" matches "apple",
 * "domain" matches "domains"), as search-as-you-type engines treat it, so a query is only called
 * unique when no other article could match all of its words even that way.
 */
class WordIndex {
  /** Per article: its words and their plural-folded forms. */
  readonly words: string[][];
  readonly exact = new Map<string, number[]>();
  readonly vocabulary: string[];
  readonly #byPrefix = new Map<string, number[]>();

  constructor(texts: readonly string[]) {
    this.words = texts.map((t) => {
      const raw = rawTokens(t);
      return [...new Set([...raw, ...raw.map(fold)])];
    });
    this.words.forEach((words, doc) => {
      for (const word of words) {
        let list = this.exact.get(word);
        if (!list) this.exact.set(word, (list = []));
        list.push(doc);
      }
    });
    this.vocabulary = [...this.exact.keys()].sort();
  }

  /** Articles with a word starting with `key`, ascending. */
  postings(key: string): number[] {
    let docs = this.#byPrefix.get(key);
    if (!docs) {
      let low = 0;
      let high = this.vocabulary.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (this.vocabulary[mid]! < key) low = mid + 1;
        else high = mid;
      }
      const lists: number[][] = [];
      for (let i = low; i < this.vocabulary.length && this.vocabulary[i]!.startsWith(key); i++) lists.push(this.exact.get(this.vocabulary[i]!)!);
      docs = lists.length === 1 ? lists[0]! : [...new Set(lists.flat())].sort((a, b) => a - b);
      this.#byPrefix.set(key, docs);
    }
    return docs;
  }

  df(key: string): number {
    return this.postings(key).length;
  }

  has(doc: number, key: string): boolean {
    return this.words[doc]!.some((w) => w.startsWith(key));
  }

  /** Articles matching every key. */
  matching(keys: readonly string[], limit = Infinity): number[] {
    if (keys.length === 0) return this.words.map((_, i) => i);
    const rarest = keys.reduce((best, key) => (this.df(key) < this.df(best) ? key : best));
    const out: number[] = [];
    for (const doc of this.postings(rarest)) {
      if (!keys.every((k) => this.has(doc, k))) continue;
      out.push(doc);
      if (out.length >= limit) break;
    }
    return out;
  }

  /** True when `doc` is the only article matching. */
  unique(doc: number, keys: readonly string[]): boolean {
    if (keys.length === 0) return false;
    const found = this.matching(keys, 2);
    return found.length === 1 && found[0] === doc;
  }
}

interface QueryContext {
  articles: readonly CorpusArticle[];
  titles: WordIndex;
  titlesAndTags: WordIndex;
  rng: Rng;
}

const isStop = (word: string) => rawTokens(word).length === 0;

/** Contiguous runs of title words that only this article's title contains, shortest first. */
function uniqueWindows(ctx: QueryContext, doc: number, minWords = 2): string[][] {
  const words = surfaceWords(ctx.articles[doc]!.title);
  const found: string[][] = [];
  for (let length = minWords; length <= words.length; length++) {
    for (let start = 0; start + length <= words.length; start++) {
      const window = words.slice(start, start + length);
      if (isStop(window[0]!) || isStop(window.at(-1)!)) continue;
      if (ctx.titles.unique(doc, contentKeys(window))) found.push(window);
    }
    if (found.length > 0 && length >= found[0]!.length + 1) break;
  }
  return found;
}

/** Greedily picks the words that narrow the candidates most until only `doc` is left. */
function distinctiveWords(ctx: QueryContext, doc: number, index: WordIndex, source: string, maxWords: number): string[] | null {
  const byKey = new Map<string, string>();
  for (const raw of rawTokens(source)) if (!byKey.has(fold(raw))) byKey.set(fold(raw), raw);
  const keys = ctx.rng.shuffle([...byKey.keys()]);
  const chosen: string[] = [];
  let candidates: number[] = [];
  while (chosen.length < maxWords) {
    let best: string | null = null;
    let bestCount = Infinity;
    for (const key of keys) {
      if (chosen.includes(key)) continue;
      const count = chosen.length === 0 ? index.df(key) : candidates.reduce((n, c) => n + (index.has(c, key) ? 1 : 0), 0);
      if (count < bestCount) [best, bestCount] = [key, count];
    }
    if (best === null) break;
    chosen.push(best);
    candidates = index.matching(chosen);
    if (candidates.length === 1 && chosen.length >= 2) return chosen.map((k) => byKey.get(k)!);
  }
  return null;
}

const KEYBOARD_NEIGHBOURS: Record<string, string> = {
  a: "qswz", b: "vghn", c: "xdfv", d: "serfcx", e: "wsdr", f: "drtgvc", g: "ftyhbv", h: "gyujnb", i: "ujko", j: "huikmn",
  k: "jiolm", l: "kop", m: "njk", n: "bhjm", o: "iklp", p: "ol", q: "wa", r: "edft", s: "awedxz", t: "rfgy", u: "yhji",
  v: "cfgb", w: "qase", x: "zsdc", y: "tghu", z: "asx",
};

function misspell(word: string, rng: Rng): string {
  for (let tries = 0; tries < 10; tries++) {
    const kind = rng.int(3);
    const i = rng.range(1, word.length - 1);
    let out = word;
    if (kind === 0) out = word.slice(0, i) + word.slice(i + 1);
    else if (kind === 1 && i < word.length - 1) out = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    else if (kind === 2) out = word.slice(0, i) + rng.pick([...(KEYBOARD_NEIGHBOURS[word[i]!] ?? "e")]) + word.slice(i + 1);
    if (out !== word) return out;
  }
  return word.slice(0, -1);
}

function orderInTitle(title: string, words: readonly string[]): string[] {
  const lower = surfaceWords(title).join(" ");
  return [...words].sort((a, b) => lower.indexOf(a) - lower.indexOf(b));
}

function makeQuery(ctx: QueryContext, doc: number, kind: QueryKind): string | null {
  const { rng } = ctx;
  const article = ctx.articles[doc]!;
  const words = surfaceWords(article.title);
  switch (kind) {
    case "title": {
      if (rng.chance(0.4) && ctx.titles.unique(doc, contentKeys(words))) return words.join(" ");
      const windows = uniqueWindows(ctx, doc);
      return windows.length > 0 ? rng.pick(windows).join(" ") : null;
    }
    case "keywords": {
      const source = `${article.title} ${article.tags.join(" ")}`;
      const chosen = distinctiveWords(ctx, doc, ctx.titlesAndTags, source, 4);
      if (!chosen) return null;
      if (chosen.length < 4 && rng.chance(0.3)) {
        const extra = rawTokens(source).filter((t) => !chosen.includes(t));
        if (extra.length > 0) chosen.push(rng.pick(extra));
      }
      return rng.shuffle(chosen).join(" ");
    }
    case "reordered": {
      const chosen = distinctiveWords(ctx, doc, ctx.titles, article.title, 4);
      if (!chosen) return null;
      if (chosen.length < 4 && rng.chance(0.5)) {
        const extra = rawTokens(article.title).filter((t) => !chosen.includes(t));
        if (extra.length > 0) chosen.push(rng.pick(extra));
      }
      const inOrder = orderInTitle(article.title, chosen).join(" ");
      for (let tries = 0; tries < 10; tries++) {
        const shuffled = rng.shuffle([...chosen]).join(" ");
        if (shuffled !== inOrder) return shuffled;
      }
      return null;
    }
    case "typo": {
      let base: string[] | null;
      if (rng.chance(0.5)) {
        const windows = uniqueWindows(ctx, doc);
        base = windows.length > 0 ? [...rng.pick(windows)] : null;
      } else {
        const chosen = distinctiveWords(ctx, doc, ctx.titles, article.title, 4);
        base = chosen ? orderInTitle(article.title, chosen) : null;
      }
      if (!base) return null;
      const eligible = base.map((w, i) => (/^[a-z]{5,}$/.test(w) ? i : -1)).filter((i) => i >= 0);
      if (eligible.length === 0) return null;
      // One or two edits; two in the same word only when it is long enough to stay recognisable.
      const edits = rng.chance(0.35) ? 2 : 1;
      const targets = edits === 2 && eligible.length > 1 ? rng.sample(eligible, 2) : [rng.pick(eligible)];
      if (edits === 2 && targets.length === 1 && base[targets[0]!]!.length >= 8) targets.push(targets[0]!);
      for (const i of targets) base[i] = misspell(base[i]!, rng);
      return base.join(" ");
    }
    case "prefix": {
      // What a customer has typed so far: the title from its start, the last word cut short.
      for (let end = 2; end <= words.length; end++) {
        const last = words[end - 1]!;
        if (!/^[a-z0-9]{4,}$/.test(last)) continue;
        const complete = contentKeys(words.slice(0, end - 1));
        if (complete.length === 0) continue;
        const cuts: number[] = [];
        for (let n = Math.max(2, Math.ceil(last.length * 0.4)); n < last.length; n++) {
          if (ctx.titles.unique(doc, [...complete, last.slice(0, n)])) cuts.push(n);
        }
        if (cuts.length > 0) return [...words.slice(0, end - 1), last.slice(0, rng.pick(cuts))].join(" ");
      }
      return null;
    }
  }
}

function generateQueries(articles: readonly CorpusArticle[], rng: Rng): LabelledQuery[] {
  const ctx: QueryContext = {
    articles,
    titles: new WordIndex(articles.map((a) => a.title)),
    titlesAndTags: new WordIndex(articles.map((a) => `${a.title} ${a.tags.join(" ")}`)),
    rng,
  };
  const kinds = rng.shuffle(QUERY_MIX.flatMap(([kind, count]) => Array<QueryKind>(count).fill(kind)));
  const seen = new Set<string>();
  const queries: LabelledQuery[] = [];
  const size = articles.length;
  kinds.forEach((kind, i) => {
    // Answers are spread evenly over the corpus, one per stretch of size/200 articles.
    const start = Math.min(size - 1, Math.floor(((i + rng.next()) * size) / kinds.length));
    for (let attempt = 0; attempt < size * 2 && attempt < 500; attempt++) {
      const doc = (start + attempt * 7919) % size;
      const query = makeQuery(ctx, doc, kind);
      if (query && !seen.has(query)) {
        seen.add(query);
        // Every other query is held out: ranking is tuned on the rest only.
        queries.push({ query, answer: articles[doc]!.slug, kind, set: i % 2 === 0 ? "tuning" : "held-out" });
        return;
      }
    }
    throw new Error(`Could not make a "${kind}" query near article ${start}`);
  });
  return queries;
}

// ---------------------------------------------------------------------------------------------
// Writing the corpus as a content library

/**
 * Writes `dir/categories.json` and `dir/articles/<category>/<slug>.mdx`, the layout
 * `readLibrary` (lib/content/library.ts) reads. Refuses to write over an existing library unless
 * `overwrite` is set, in which case its categories.json and articles/ are replaced.
 */
/**
 * Writes the corpus as a content library (categories.json and articles/<category>/<slug>.mdx), with
 * a progress bar in a terminal and a summary line at the end (`quiet` leaves both out).
 */
export function writeCorpusLibrary(corpus: Corpus, dir: string, { overwrite = false, quiet = false }: { overwrite?: boolean; quiet?: boolean } = {}): void {
  const articlesDir = path.join(dir, "articles");
  if (existsSync(articlesDir) && readdirSync(articlesDir).length > 0) {
    if (!overwrite) throw new Error(`${articlesDir} is not empty: pass { overwrite: true } to replace it`);
    rmSync(articlesDir, { recursive: true, force: true });
  }
  const progress = startProgress("Writing", corpus.articles.length, quiet ? { stream: { write: () => true } } : {});
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "categories.json"), `${JSON.stringify(CORPUS_CATEGORIES, null, 2)}\n`);
  for (const category of CORPUS_CATEGORIES) mkdirSync(path.join(articlesDir, category.slug), { recursive: true });
  for (const [index, article] of corpus.articles.entries()) {
    const source = joinFrontmatter(
      { title: article.title, description: article.description, tags: article.tags, updated: "2026-11-20", related: [] },
      article.body,
    );
    writeFileSync(path.join(articlesDir, article.category, `${article.slug}.mdx`), source);
    progress.update(index + 1);
  }
  const seconds = progress.finish();
  if (!quiet) console.log(`Wrote ${formatCount(corpus.articles.length)} benchmark articles in ${CORPUS_CATEGORIES.length} categories to ${dir} in ${formatSeconds(seconds)}.`);
}
