// Query understanding, ranking principles, snippets and the staff's rules, on small indexes built
// for each behaviour (the starter library's ranking is in search.test.ts).
import { describe, expect, it } from "vitest";
import { bodyText } from "@/lib/search/documents";
import { SearchEngine } from "@/lib/search/engine";
import { editDistance, judgeCorrection, SIMILARITY_FLOOR } from "@/lib/search/fuzzy";
import { highlightParts } from "@/lib/search/highlight";
import { buildSearchIndex, type SearchDocumentInput, type SearchRules } from "@/lib/search/index-data";
import { decodeNumbers, encodeNumbers } from "@/lib/search/postings";
import { stem } from "@/lib/search/stem";
import { tokenize } from "@/lib/search/tokenize";

function doc(slug: string, fields: Partial<SearchDocumentInput>): SearchDocumentInput {
  return { slug, title: slug, description: "", category: "General", tags: [], headings: [], body: "", ...fields };
}
const engineOf = (docs: SearchDocumentInput[], rules?: SearchRules) => new SearchEngine(buildSearchIndex(docs, rules));
const slugs = (engine: SearchEngine, query: string) => engine.search(query, 10).map((r) => r.slug);

describe("tokenizing help-center language", () => {
  it("drops the clitic of contractions instead of leaving stray letters", () => {
    expect(tokenize("Can't connect")).toEqual(["connect"]);
    expect(tokenize("It won't send")).toEqual(["send"]);
    expect(tokenize("The domain's DNS doesn't resolve")).toEqual(["domain", "dns", "resolv"]);
    expect(tokenize("can’t")).toEqual([]); // a typographic apostrophe too
  });

  it("reads 'log in', 'sign in', 'set up' and 'back up' as one word, as customers also write them, still found by its words", () => {
    expect(tokenize("I can't log in")).toEqual(["login", "log"]);
    expect(tokenize("Sign in to webmail")).toEqual(["login", "sign", "webmail"]);
    expect(tokenize("logged into cPanel")).toEqual(["login", "log", "cpanel"]);
    expect(tokenize("set up email")).toEqual(["setup", "set", "up", "email"]);
    expect(tokenize("back up my site")).toEqual(["backup", "back", "up", "sit"]);
    const engine = engineOf([
      doc("setup", { title: "Set up email on your phone" }),
      doc("other", { title: "Email quotas" }),
      doc("apart", { title: "Email quotas", body: "Quotas go up as you pay." }),
    ]);
    expect(slugs(engine, "email setup")[0]).toBe("setup");
    expect(slugs(engine, "set email")[0]).toBe("setup");
    // The title's own word, not a passing mention in another article's text.
    expect(slugs(engine, "email up")[0]).toBe("setup");
  });

  it("keeps dotted names and error codes whole, as well as their parts", () => {
    expect(tokenize("Edit wp-config.php")).toEqual(["edit", "wp-config.php", "wp", "config", "php"]);
    expect(tokenize("a broken .htaccess file")).toEqual(["broken", "htaccess", "fil"]);
    expect(tokenize("550 5.1.1 user unknown")).toEqual(["550", "5.1.1", "5", "1", "user", "unknown"]);
    expect(tokenize("upload_max_filesize")).toEqual(["upload_max_filesize", "upload", "max", "filesiz"]);
    expect(tokenize("IMAP port 993.")).toEqual(["imap", "port", "993"]);
  });

  it("joins hyphenated words, so e-mail is email and two-factor is twofactor", () => {
    expect(tokenize("e-mail")[0]).toBe(tokenize("email")[0]);
    expect(tokenize("two-factor")).toEqual(["twofactor", "two", "factor"]);
  });
});

describe("stemming", () => {
  it.each([
    ["emails", "email"],
    ["policies", "policy"],
    ["caches", "cach"],
    ["caching", "cach"],
    ["cache", "cach"],
    ["configured", "configur"],
    ["configure", "configur"],
    ["forwarding", "forward"],
    ["arriving", "arriv"],
    ["logging", "log"],
    ["addresses", "address"],
  ])("%s → %s", (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it("leaves words alone where a rule would change their meaning", () => {
    expect(stem("settings")).toBe("setting"); // not "set"
    expect(stem("server")).toBe("server");
    expect(stem("https")).toBe("https"); // not "http"
    expect(stem("dns")).toBe("dns");
    expect(stem("status")).toBe("status");
    expect(stem("pop3")).toBe("pop3");
  });

  it("finds a plural or another form of the word in the article", () => {
    const engine = engineOf([
      doc("forward", { title: "Set up an email forwarder", body: "Forwarding sends copies of every message." }),
      doc("other", { title: "Billing" }),
    ]);
    expect(slugs(engine, "forwarded messages")).toEqual(["forward"]);
  });
});

describe("typo correction with a similarity floor", () => {
  it("measures edits, counting swapped neighbours as one", () => {
    expect(editDistance("pasword", "password")).toBe(1);
    expect(editDistance("emial", "email")).toBe(1);
    expect(editDistance("abc", "xyz", 1)).toBe(2); // gave up past the maximum
  });

  it("accepts close misspellings and refuses look-alikes that are other words", () => {
    expect(judgeCorrection("pasword", "password")).not.toBeNull();
    expect(judgeCorrection("propogation", "propagation")).not.toBeNull();
    expect(judgeCorrection("dsn", "dns")).toBeNull(); // too short to guess
    expect(judgeCorrection("quantum", "quota")).toBeNull();
    expect(judgeCorrection("banana", "cabana")).toBeNull(); // another first letter
    expect(judgeCorrection("capacitor", "capacity")!.similarity).toBeGreaterThanOrEqual(SIMILARITY_FLOOR);
  });

  const library = engineOf([
    doc("password", { title: "Reset your password", body: "Choose a new password and flush the cache of your browser." }),
    doc("dns", { title: "DNS propagation", body: "DNS changes take time. Flush your DNS cache to see them sooner." }),
    doc("quota", { title: "Raise the mailbox quota", body: "A full mailbox has no capacity left for new mail." }),
  ]);

  it("says which words it searched for instead", () => {
    const answer = library.answer("pasword reset");
    expect(answer.results[0]?.slug).toBe("password");
    expect(answer.correctedQuery).toBe("password reset");
  });

  it("corrects a typo in a word with an ending, which the index keeps as a stem", () => {
    const engine = engineOf([
      doc("refused", { title: "Codes from the authenticator are refused" }),
      doc("authenticator", { title: "Turn on Google Authenticator" }),
    ]);
    const answer = engine.answer("authenticator refusdd");
    expect(answer.results.map((r) => r.slug)).toEqual(["refused", "authenticator"]);
    expect(answer.correctedQuery).toBe("authenticator refused");
  });

  it("searches the words as typed when asked to (Search instead for …)", () => {
    expect(library.answer("pasword", { literal: true })).toEqual({ results: [], correctedQuery: null });
  });

  it.each([
    "quantum flux capacitor",
    "xylophone quartet",
    "zzyzx",
    "asdfgh qwerty",
    "flux capacitor",
    "banana smoothie recipe",
    "lorem ipsum dolor sit amet",
    "purple elephant",
  ])("finds nothing for the nonsense query %j", (query) => {
    expect(library.answer(query)).toEqual({ results: [], correctedQuery: null });
  });
});

describe("ranking", () => {
  it("orders fields title > headings > tags > description > body", () => {
    const engine = engineOf([
      doc("body", { title: "One", body: "About webhooks here." }),
      doc("description", { title: "Two", description: "About webhooks." }),
      doc("tags", { title: "Three", tags: ["webhooks"] }),
      doc("headings", { title: "Four", headings: ["Webhooks"] }),
      doc("title", { title: "Webhooks" }),
    ]);
    expect(slugs(engine, "webhooks")).toEqual(["title", "headings", "tags", "description", "body"]);
  });

  it("ranks the words side by side (a phrase) above the same words apart", () => {
    const engine = engineOf([
      doc("apart", { title: "Mail settings", body: "The port depends on the app. Outgoing mail uses 587 or 465." }),
      doc("phrase", { title: "Mail settings", body: "Outgoing mail uses port 587 with STARTTLS." }),
    ]);
    expect(slugs(engine, "port 587")).toEqual(["phrase", "apart"]);
  });

  it("finds the one article with the words side by side among many that hold them apart, however many there are", () => {
    // Sixty articles name email in the title and say "arrive" in passing: they outscore the answer
    // on the words alone, and are more than the best few checked for phrases.
    const apart = Array.from({ length: 60 }, (_, i) =>
      doc(`apart-${i}`, { title: `Set up email on phone ${i}`, body: "Add the account. New messages arrive within a minute." }),
    );
    const engine = engineOf([...apart, doc("answer", { title: "Incoming mail goes missing", body: "When email is not arriving, look in the spam folder." })]);
    expect(slugs(engine, "email not arriving")[0]).toBe("answer");
    expect(slugs(engine, "arriving email")[0]).toBe("answer");
  });

  it("indexes words side by side within a sentence, a tag or a heading, in either order, never across them", () => {
    const { pairs } = buildSearchIndex([
      doc("a", { title: "Reset your password", tags: ["dns", "propagation"], headings: ["Port 587"], body: "Emails are not arriving. Spam folder first." }),
    ]);
    expect(pairs).toEqual(expect.arrayContaining(["password reset", "587 port", "arriv email", "folder spam"]));
    expect(pairs).not.toContain("dns propagation");
    expect(pairs).not.toContain("arriv spam");
  });

  it("drops articles that match less than half the words", () => {
    const engine = engineOf([doc("all", { title: "Transfer a domain to us" }), doc("one", { title: "Domain renewal" })]);
    expect(slugs(engine, "transfer domain registrar lock")).toEqual(["all"]);
  });
});

describe("snippets and highlighting", () => {
  const engine = engineOf([
    doc("settings", {
      title: "Email client settings",
      description: "Server names and login details for mail apps.",
      body: bodyText(
        "## The settings\n\n| Setting | Value |\n| --- | --- |\n| IMAP port | 993, SSL/TLS |\n| SMTP port | 465 or 587 |\n\nUse your full address as the username.",
      ),
    }),
  ]);

  it("shows the passage of the body that matched, when the title and description do not", () => {
    const [result] = engine.search("993");
    expect(result?.snippet).toBe("IMAP port: 993, SSL/TLS");
    const marked = highlightParts(result!.snippet!, result!.matchedTerms)
      .filter((p) => p.match)
      .map((p) => p.text);
    expect(marked).toEqual(["993"]);
  });

  it("shows the description when it already explains the match", () => {
    expect(engine.search("server names")[0]?.snippet).toBeNull();
  });

  it("builds a snippet for each returned result whose title and description do not show its matched words, however often the query runs", () => {
    const engine = engineOf([
      doc("tagged", { title: "Mail apps", tags: ["imap"], body: "Turn on IMAP in the account settings. Then restart the app." }),
      doc("titled", { title: "IMAP settings", body: "IMAP is on by default." }),
      doc("described", { title: "Mail apps too", description: "How IMAP works", body: "IMAP keeps mail on the server." }),
      doc("half", { title: "IMAP on a phone", body: "Outgoing mail needs port 587. IMAP uses 993." }),
    ]);
    for (let run = 0; run < 2; run++) {
      expect(Object.fromEntries(engine.search("imap").map((r) => [r.slug, r.snippet]))).toEqual({
        tagged: "Turn on IMAP in the account settings.",
        titled: null,
        described: null,
        half: null,
      });
      // "587" is only in the body: the snippet shows the sentence that holds it.
      expect(engine.search("imap 587").find((r) => r.slug === "half")?.snippet).toBe("Outgoing mail needs port 587.");
    }
  });

  it("counts words side by side across stopwords and punctuation, never across a sentence break", () => {
    const engine = engineOf([
      doc("broken", { title: "Mail settings", body: "Open the port. 587 is the number to use." }),
      doc("joined", { title: "Mail settings", body: "Use the port of 587 for mail." }),
      doc("colon", { title: "Mail settings", body: "Outgoing: Port: 587, with STARTTLS." }),
    ]);
    expect(slugs(engine, "port 587").at(-1)).toBe("broken");
  });

  it("marks whole dotted names, plurals and two-word verbs", () => {
    const parts = (text: string, terms: string[]) =>
      highlightParts(text, terms)
        .filter((p) => p.match)
        .map((p) => p.text);
    expect(parts("Open wp-config.php now", ["wp-config.php"])).toEqual(["wp-config.php"]);
    expect(parts("Reset your Passwords", ["password"])).toEqual(["Passwords"]);
    expect(parts("You can't log in today", ["login"])).toEqual(["log in"]);
  });

  it("indexes brand values, never the <Var> tag", () => {
    expect(bodyText('Point it at <Var name="nameserver1" />.')).toBe("Point it at ns1.harbour.example.");
  });
});

describe("staff synonyms and pins, carried in the index", () => {
  const docs = [
    doc("twofa", { title: "Turn on two-factor authentication", body: "Two-factor authentication asks for a code." }),
    doc("password", { title: "Choose a strong password", body: "Use a password manager." }),
    doc("cancel", { title: "Cancel your service", body: "Close your account." }),
    doc("refund", { title: "Refund policy", body: "Cancel within 30 days to get a refund. Cancel now." }),
  ];

  it("finds an article through a synonym, in both directions", () => {
    const engine = engineOf(docs, { synonyms: [["mfa", "two-factor"]], pins: [] });
    expect(slugs(engine, "mfa")[0]).toBe("twofa");
    expect(slugs(engineOf(docs), "mfa")).toEqual([]);
    expect(slugs(engine, "two factor")[0]).toBe("twofa");
  });

  it("puts a pinned article first for its query, whatever the case, and only for that query", () => {
    const engine = engineOf(docs, { synonyms: [], pins: [{ query: "Refund", slug: "cancel" }] });
    const [first] = engine.search("refund");
    expect(first).toMatchObject({ slug: "cancel", pinned: true });
    expect(slugs(engine, "refund policy")[0]).toBe("refund");
  });

  it("ignores a pin whose article is not in the index", () => {
    const data = buildSearchIndex(docs, { synonyms: [], pins: [{ query: "cancel", slug: "gone" }] });
    expect(data.pins).toEqual([]);
  });
});

describe("postings", () => {
  it("round-trip through their compact string form", () => {
    const numbers = [0, 1, 31, 32, 33, 1023, 1024, 99_999, 5];
    expect(decodeNumbers(encodeNumbers(numbers))).toEqual(numbers);
    expect(encodeNumbers([3, 1])).toHaveLength(2);
  });
});
