// A light English stemmer for help-center words: plurals, -ing, -ed and a final e, so "emails",
// "configured", "caching" and "cache" meet "email", "configure" and "cache". Stems are index keys,
// never shown: a correction is displayed with the customer's own ending put back (engine.ts).
//
// Deliberately milder than Porter: no -er, -ly, -ation or -ment rules ("server" must not become
// "serve", "settings" must not become "set"), and short or technical words are left alone.

/** Words whose final s is not a plural ending, or that must not lose one. */
const KEEP_S = new Set([
  "https",
  "dns",
  "sms",
  "cms",
  "ios",
  "macos",
  "aws",
  "ddos",
  "nas",
  "ftps",
  "imaps",
  "smtps",
  "cors",
  "news",
  "series",
  "always",
  "its",
  "this",
  "has",
  "was",
  "yes",
  "plus",
  "bonus",
  "gas",
  "bias",
  "alias",
  "canvas",
  "status",
  "virus",
  "campus",
  "focus",
  "corpus",
  "analysis",
  "basis",
  "axis",
  "chaos",
  "kudos",
  "atlas",
  "address",
]);
/** Nouns ending in -ing that are not the verb: "settings" is not "set". */
const KEEP_ING = new Set([
  "setting",
  "thing",
  "string",
  "ping",
  "during",
  "morning",
  "evening",
  "meeting",
  "nothing",
  "something",
  "anything",
  "everything",
  "ceiling",
  "spring",
  "bring",
  "king",
  "ring",
  "wing",
  "sing",
  "sling",
  "swing",
  "thing",
  "warning",
  "building",
  "heading",
  "padding",
  "pudding",
  "wedding",
  "offspring",
  "sibling",
  "shilling",
  "darling",
  "bling",
  "ming",
]);
const KEEP_ED = new Set([
  "need",
  "speed",
  "feed",
  "seed",
  "bed",
  "red",
  "shed",
  "embed",
  "hundred",
  "naked",
  "wicked",
  "sacred",
  "used",
  "based",
  "bred",
  "led",
  "fled",
  "sled",
  "wed",
]);

const VOWEL = /[aeiouy]/;
const DOUBLE_END = /([bdgkmnprt])\1$/;

/** The stem of a lowercase word. Words with digits and short words are returned as they are. */
export function stem(word: string): string {
  if (word.length <= 3 || /[^a-z]/.test(word)) return word;
  let w = word;
  if (KEEP_S.has(w)) return w;
  // Plurals.
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(?:ss|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith("s") && !/(?:ss|us|is|os)$/.test(w)) w = w.slice(0, -1);
  // -ing and -ed, when a real stem is left.
  if (w.endsWith("ing") && !KEEP_ING.has(w) && w.length >= 7 - (VOWEL.test(w.slice(0, -3)) ? 1 : 0)) {
    const base = w.slice(0, -3);
    if (VOWEL.test(base)) w = undouble(base);
  } else if (w.endsWith("ied") && w.length > 4) {
    w = `${w.slice(0, -3)}y`;
  } else if (w.endsWith("ed") && !w.endsWith("eed") && !KEEP_ED.has(w) && w.length >= 5) {
    const base = w.slice(0, -2);
    if (VOWEL.test(base)) w = undouble(base);
  }
  // A final e: "cache" and "caching" both become "cach".
  if (w.length > 3 && w.endsWith("e") && !w.endsWith("ee")) w = w.slice(0, -1);
  return w;
}

function undouble(base: string): string {
  return DOUBLE_END.test(base) ? base.slice(0, -1) : base;
}
