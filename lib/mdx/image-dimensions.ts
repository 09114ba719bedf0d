// Gives images served from public/ their width and height, so the browser reserves their space
// before they load and the page does not jump (Lighthouse measured CLS 0.05 on the article with a
// diagram before this). Read once per file and remembered; remote images are left as they are.
import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Root } from "hast";
import { imageSize } from "image-size";
import { visit } from "unist-util-visit";

const publicDir = path.join(process.cwd(), "public");
const known = new Map<string, { width: number; height: number } | null>();

function dimensionsOf(src: string) {
  if (known.has(src)) return known.get(src) ?? null;
  let result: { width: number; height: number } | null = null;
  try {
    const file = path.join(publicDir, decodeURIComponent(src.split(/[?#]/)[0] ?? ""));
    if (file.startsWith(publicDir + path.sep)) {
      const { width, height } = imageSize(readFileSync(file));
      if (width && height) result = { width, height };
    }
  } catch {
    // Missing or unreadable: the image keeps no dimensions, as before.
  }
  known.set(src, result);
  return result;
}

export function addImageDimensions(tree: Root): Root {
  visit(tree, "element", (node) => {
    const src = node.properties.src;
    if (node.tagName !== "img" || typeof src !== "string" || !src.startsWith("/") || src.startsWith("//")) return;
    const size = dimensionsOf(src);
    if (size) Object.assign(node.properties, size);
  });
  return tree;
}
