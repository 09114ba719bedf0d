// German words as index keys: folding and a light stemmer, so "Passwörter" meets "Passwort",
// "Einstellungen" meets "Einstellung" and "geändert" meets "ändern".
//
// Folding (as Lucene's GermanNormalizationFilter): lowercase; ß → ss; ä, ö, ü → a, o, u; and the
// spellings without umlauts that keyboards without them give, ae → a, oe → o, ue → u (not after a
// vowel or q: "Feuer", "neue" and "Quelle" keep theirs). So "ändern", "aendern" and "andern" are one.
//
// Stemming: CISTEM (Weissweiler & Fraser, 2017), a small suffix stripper made for German: a "ge-"
// prefix comes off words long enough to keep four letters, then -em, -er, -nd (on long words), -t,
// -e, -s and -n, while more than three letters are left. Stems are index keys, never shown.

/** Function words not worth indexing, folded as above ("für" → fur, "über" → uber). */
export const GERMAN_STOPWORDS = new Set(
  (
    "aber als am an auch auf aus bei bin bis bist da damit dann das dass dem den der des die dies diese diesem diesen dieser dieses " +
    "doch dort du durch ein eine einem einen einer eines er es etwa fur gegen hat hatte hier ich ihr ihre ihrem ihren ihrer ihres " +
    "im in ist ja jede jedem jeden jeder jedes kann kein keine keinem keinen keiner man mich mir mit muss nach nicht noch nun nur " +
    "ob oder ohne sehr sich sie sind so soll sollte sowie uber um und uns unter vom von vor war was weil wenn wer wie wir " +
    "wird wo wurde zu zum zur"
  ).split(" "),
);

/** Lowercase, ß as ss, umlauts and accents folded, and ae/oe/ue as a/o/u (see above). Not offset-preserving. */
export function foldGerman(text: string): string {
  let folded = text.toLowerCase();
  if (!/^[\x00-\x7f]*$/.test(folded)) {
    folded = folded
      .replace(/ß/g, "ss")
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "");
  }
  return folded.includes("e")
    ? folded
        .replace(/ae/g, "a")
        .replace(/oe/g, "o")
        .replace(/(^|[^aeiouq])ue/g, "$1u")
    : folded;
}

/**
 * The CISTEM stem of a folded, lowercase word (foldGerman). Words with digits or other signs, and
 * words of three letters or fewer, are returned as they are.
 */
export function stemGerman(word: string): string {
  if (word.length <= 3 || /[^a-z]/.test(word)) return word;
  let w = word;
  if (w.startsWith("ge") && w.length >= 6) w = w.slice(2);
  // Letter groups kept whole while stripping: sch, ei, ie, and a doubled letter.
  w = w.replace(/sch/g, "$").replace(/ei/g, "%").replace(/ie/g, "&").replace(/(.)\1/g, "$1*");
  while (w.length > 3) {
    if (w.length > 5 && /(?:em|er|nd)$/.test(w)) w = w.slice(0, -2);
    else if (/[tesn]$/.test(w)) w = w.slice(0, -1);
    else break;
  }
  return w.replace(/(.)\*/g, "$1$1").replace(/%/g, "ei").replace(/&/g, "ie").replace(/\$/g, "sch");
}
