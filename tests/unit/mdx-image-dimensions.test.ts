import type { Element, Root } from "hast";
import { describe, expect, it } from "vitest";
import { compileMdx } from "@/lib/mdx/compile";
import { addImageDimensions } from "@/lib/mdx/image-dimensions";

const images = (tree: Root): Element[] => {
  const found: Element[] = [];
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== "element") continue;
      if (child.tagName === "img") found.push(child);
      else walk(child);
    }
  };
  walk(tree);
  return found;
};

describe("image dimensions", () => {
  it("gives an image from public/ its size, so the page does not jump when it loads", () => {
    const { tree } = compileMdx("![Diagram](/images/imap-vs-pop.svg)");
    const [img] = images(addImageDimensions(tree));
    expect(img?.properties).toMatchObject({ src: "/images/imap-vs-pop.svg", width: 720, height: 300 });
  });

  it("leaves remote, missing and out-of-folder images without a size", () => {
    const { tree } = compileMdx("![a](https://example.com/a.png) ![b](/images/missing.png) ![c](/../package.json) ![d](//evil.example/x.png)");
    for (const img of images(addImageDimensions(tree))) {
      expect(img.properties.width).toBeUndefined();
      expect(img.properties.height).toBeUndefined();
    }
    // (The sanitizer already dropped the protocol-relative one.)
    expect(images(tree).map((img) => img.properties.src)).toEqual(["https://example.com/a.png", "/images/missing.png", "/../package.json"]);
  });
});
