// The picture a link preview shows (Open Graph and Twitter cards): 1200×630 PNG drawn with next/og
// (ImageResponse) from the site's name, the article's category, title and description. The font is
// Inter from the @fontsource/inter package, read from disk: nothing is fetched. next/og would ask
// Google Fonts for any character the given fonts lack, so text is first reduced to characters
// Inter's Latin files certainly hold (cardText). Each card is drawn once per revision and kept.
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "next/og";
import { siteConfig } from "../site-config";
import { SOCIAL_CARD_SIZE } from "./metadata";

const FONT_DIR = path.join(process.cwd(), "node_modules", "@fontsource", "inter", "files");
const FONT_FILES = [
  { file: "inter-latin-400-normal.woff", weight: 400 },
  { file: "inter-latin-ext-400-normal.woff", weight: 400 },
  { file: "inter-latin-700-normal.woff", weight: 700 },
  { file: "inter-latin-ext-700-normal.woff", weight: 700 },
] as const;

let fonts: Promise<{ name: string; data: Buffer; weight: 400 | 700; style: "normal" }[]> | null = null;

function loadFonts() {
  fonts ??= Promise.all(
    FONT_FILES.map(async ({ file, weight }) => ({ name: "Inter", data: await readFile(path.join(FONT_DIR, file)), weight, style: "normal" as const })),
  );
  fonts.catch(() => (fonts = null));
  return fonts;
}

/** Typographic characters Inter draws, beyond Latin-1 and Latin Extended-A. */
const PUNCTUATION = "‘’‚“”„–—…•€™′″‹›";
const PLAIN_EQUIVALENTS: Record<string, string> = { "\u2192": "->", "\u2190": "<-", "\u00A0": " " };

/**
 * Text as the card can draw it without fetching a font: printable ASCII, Latin-1, Latin Extended-A
 * and common punctuation stay; arrows become ASCII; anything else (emoji, other scripts) is left out.
 */
export function cardText(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa1 && code <= 0x17f) || PUNCTUATION.includes(char)) out += char;
    else if (PLAIN_EQUIVALENTS[char]) out += PLAIN_EQUIVALENTS[char];
    else if (/\s/.test(char)) out += " ";
  }
  return out.replace(/\s+/g, " ").trim();
}

export interface SocialCardInput {
  /** A small line above the title, such as the article's category. */
  kicker?: string;
  title: string;
  description?: string;
}

const MAX_CARDS = 500;
const drawn = new Map<string, Promise<Buffer>>();

/** The card as PNG bytes, drawn once per `key` (an article's revision) and kept, the oldest dropped first. */
export function socialCardPng(key: string, input: SocialCardInput): Promise<Buffer> {
  const cached = drawn.get(key);
  if (cached) return cached;
  const drawing = drawCard(input);
  drawing.catch(() => drawn.delete(key));
  drawn.set(key, drawing);
  if (drawn.size > MAX_CARDS) drawn.delete(drawn.keys().next().value!);
  return drawing;
}

async function drawCard({ kicker, title, description }: SocialCardInput): Promise<Buffer> {
  const safeTitle = cardText(title);
  const titleSize = safeTitle.length > 70 ? 56 : safeTitle.length > 40 ? 64 : 76;
  const image = new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: "64px 72px",
        backgroundImage: "linear-gradient(160deg, #0f172a 0%, #134e4a 100%)",
        color: "#ffffff",
        fontFamily: "Inter",
      }}
    >
      <div style={{ display: "flex", alignItems: "center", gap: 20 }}>
        <div
          style={{
            width: 64,
            height: 64,
            borderRadius: 14,
            background: "#0d9488",
            display: "flex",
            alignItems: "center",
            justifyContent: "center",
            fontSize: 38,
            fontWeight: 700,
          }}
        >
          {cardText(siteConfig.name).slice(0, 1)}
        </div>
        <div style={{ fontSize: 34, fontWeight: 700 }}>{cardText(siteConfig.name)}</div>
      </div>
      <div style={{ display: "flex", flexDirection: "column", gap: 20 }}>
        {kicker && <div style={{ fontSize: 28, fontWeight: 700, color: "#5eead4", textTransform: "uppercase", letterSpacing: 2 }}>{cardText(kicker)}</div>}
        <div style={{ display: "block", fontSize: titleSize, fontWeight: 700, lineHeight: 1.1, letterSpacing: -1, lineClamp: 3, wordBreak: "break-word" }}>
          {safeTitle}
        </div>
        {description && (
          <div style={{ display: "block", fontSize: 30, color: "#cbd5e1", lineHeight: 1.35, lineClamp: titleSize < 70 ? 2 : 3 }}>{cardText(description)}</div>
        )}
      </div>
      <div style={{ fontSize: 24, color: "#94a3b8" }}>{cardText(siteConfig.tagline)}</div>
    </div>,
    { ...SOCIAL_CARD_SIZE, fonts: await loadFonts() },
  );
  return Buffer.from(await image.arrayBuffer());
}

/** How a card is sent: it changes only with its address (the revision is in the query), so it may be kept a day. */
export function socialCardResponse(png: Buffer): Response {
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png", "Cache-Control": "public, max-age=86400" } });
}
