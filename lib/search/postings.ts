// Postings as compact strings: every number is written in base 32, one character per digit, the
// last digit from "0-9a-v" and the ones before it from "w-zA-Z-_". A document gap under 32
// and a field code under 32 take one character each; JSON needs no escaping for any of them, and
// the browser decodes a term's postings only when a query first needs them.
const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
const LAST = ALPHABET.slice(0, 32);
const MORE = ALPHABET.slice(32);
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

export function encodeNumbers(numbers: readonly number[]): string {
  let out = "";
  for (const n of numbers) {
    if (!Number.isInteger(n) || n < 0) throw new Error(`postings hold whole numbers ≥ 0, got ${n}`);
    let digits = LAST[n % 32]!;
    for (let rest = Math.floor(n / 32); rest > 0; rest = Math.floor(rest / 32)) digits = MORE[rest % 32]! + digits;
    out += digits;
  }
  return out;
}

export function decodeNumbers(text: string): number[] {
  const numbers: number[] = [];
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const digit = VALUE[text.charCodeAt(i)]!;
    if (digit < 0) throw new Error("Corrupt search index: unexpected character in postings");
    if (digit >= 32) value = value * 32 + (digit - 32);
    else {
      numbers.push(value * 32 + digit);
      value = 0;
    }
  }
  return numbers;
}
