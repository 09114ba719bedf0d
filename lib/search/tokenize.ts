// One tokenizer for indexing and for queries, in the browser and on the server.
//
// Rules, for the way customers write to a help center:
// - case and accents do not matter; words are stemmed (stem.ts): "Emails" and "email" meet;
// - contractions lose their clitic: "can't" → can, "won't" → will, "domain's" → domain;
// - "log in", "sign in", "set up", "back up" are one word each (login, setup, backup), as
//   customers also write them;
// - names with dots or underscores are kept whole as well as in parts: "wp-config.php",
//   "php.ini", "5.1.1", "upload_max_filesize"; a leading dot is dropped (".htaccess" → htaccess);
// - hyphenated words are also joined: "e-mail" → email, "two-factor" → twofactor;
// - numbers are words ("993", "550"); single characters and stopwords are not.
import { stem } from "./stem";

export const STOPWORDS = new Set(
  (
    "a an and are as at be by can could do does did for from has have had how i in into is it its me my of on or our " +
    "the to vs versus what when where which why with you your will would should shall not no was were been am this that " +
    "there these those if so than then too very just also " +
    // Contractions typed without their apostrophe ("cant login", "wont send").
    "cant dont doesnt didnt isnt arent wasnt werent wont wouldnt couldnt shouldnt hasnt havent"
  ).split(" "),
);

/** Lowercase, without accents. */
export function fold(text: string): string {
  // Most text is ASCII: skip Unicode normalization for it.
  return /^[\x00-\x7f]*$/.test(text)
    ? text.toLowerCase()
    : text
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase();
}

const stems = new Map<string, string>();
/** stem() with a bounded memo: snippets and phrase checks stem the same words again and again. */
function stemmed(word: string): string {
  let found = stems.get(word);
  if (found === undefined) {
    if (stems.size > 50_000) stems.clear();
    stems.set(word, (found = stem(word)));
  }
  return found;
}

/** The index key of one plain word: folded and stemmed ("Emails" → "email", "policies" → "policy"). */
export function normalizeWord(word: string): string {
  return stemmed(fold(word));
}

/** A word, or a run of words joined by dots, underscores, hyphens or apostrophes. */
const CHUNK = /[\p{L}\p{N}]+(?:[._\-'’][\p{L}\p{N}]+)*/gu;

const CONTRACTIONS: Record<string, string> = { can: "can", won: "will", shan: "shall", ain: "is" };
const PHRASALS: Record<string, Record<string, string>> = {
  login: { in: "login", into: "login", on: "login" },
  logout: { out: "logout", off: "logout" },
  setup: { up: "setup" },
  backup: { up: "backup" },
  signup: { up: "signup" },
};
/** First words of the two-word verbs above, as stemmed: "logged in", "signing in", "setting up". */
const PHRASAL_FIRST: Record<string, string[]> = {
  log: ["login", "logout"],
  sign: ["login", "logout", "signup"],
  set: ["setup"],
  setting: ["setup"],
  back: ["backup"],
};
const JOINED_ALIASES: Record<string, string> = { signin: "login", logon: "login", signon: "login", signout: "logout", logoff: "logout", signoff: "logout" };

export interface Token {
  /** What was written, lowercased and without accents. */
  text: string;
  /** The main index key. */
  key: string;
  /** Further keys the same text is indexed under: the parts of a compound ("wp", "config", "php"). */
  parts: string[];
  /** A plain word: stemmed, and open to prefix and typo matching. Compounds and numbers are exact. */
  plain: boolean;
  /**
   * Where completions of the word being typed also start, when stemming takes off more than an
   * ending ("einste" is stemmed to "ein"): set by the German analyzer (analyzers.ts), never here.
   */
  prefix?: string;
  start: number;
  end: number;
}

/** A key worth indexing: not empty, not a stopword. */
export const isUseful = (key: string) => key.length > 0 && !STOPWORDS.has(key);

/** Splits text into tokens with their keys and offsets. Stopwords and single characters are left out. */
export function tokens(text: string): Token[] {
  const raw: Token[] = [];
  for (const match of text.matchAll(CHUNK)) {
    const start = match.index;
    const end = start + match[0].length;
    let chunk = fold(match[0]).replace(/’/g, "'");
    if (chunk.includes("'")) chunk = withoutClitics(chunk);
    if (!chunk) continue;
    if (!/[._-]/.test(chunk)) {
      const plain = /^[a-z]+$/.test(chunk);
      raw.push({ text: chunk, key: plain ? stemmed(chunk) : chunk, parts: [], plain, start, end });
      continue;
    }
    const pieces = chunk.split(/[._-]/).filter(Boolean);
    const parts = [...new Set(pieces.map((p) => (/^[a-z]+$/.test(p) ? stemmed(p) : p)).filter(isUseful))];
    if (/^[a-z]+(?:-[a-z]+)+$/.test(chunk)) {
      // "e-mail", "two-factor", "sign-in": also one word.
      const joined = pieces.join("");
      const key = JOINED_ALIASES[joined] ?? stemmed(joined);
      raw.push({ text: chunk, key, parts: parts.filter((p) => p !== key), plain: false, start, end });
    } else {
      raw.push({ text: chunk, key: chunk, parts, plain: false, start, end });
    }
  }
  return joinPhrasals(raw).filter((t) => !STOPWORDS.has(t.text) && (isUseful(t.key) || t.parts.length > 0));
}

/** "can't" → can, "won't" → will, "doesn't" → does, "domain's" → domain, "o'reilly" → oreilly. */
function withoutClitics(chunk: string): string {
  return chunk.replace(/([\p{L}\p{N}]+)'([\p{L}\p{N}]+)/gu, (_, left: string, right: string) => {
    if (right === "t" && left.endsWith("n")) return CONTRACTIONS[left] ?? left.slice(0, -1);
    if (["s", "re", "ve", "ll", "d", "m"].includes(right)) return left;
    return left + right;
  });
}

function joinPhrasals(raw: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < raw.length; i++) {
    const token = raw[i]!;
    const next = raw[i + 1];
    const joined = token.plain && next?.plain ? PHRASAL_FIRST[token.key]?.map((key) => PHRASALS[key]?.[next.text]).find(Boolean) : undefined;
    if (joined && next) {
      // Still found by its words: "set" and "up" find "Set up email" (stopwords such as "in" are not keys).
      const parts = isUseful(next.key) ? [token.key, next.key] : [token.key];
      out.push({ text: `${token.text} ${next.text}`, key: joined, parts, plain: false, start: token.start, end: next.end });
      i++;
    } else {
      out.push(token);
    }
  }
  return out;
}

/** Every index key of a text: each token's key and its parts. */
export function tokenize(text: string): string[] {
  return tokens(text).flatMap(keysOf);
}

/** The index keys of one token: its key, when it is a word worth indexing, and its parts. */
function keysOf(token: Token): string[] {
  return isUseful(token.key) ? [token.key, ...token.parts] : token.parts;
}
