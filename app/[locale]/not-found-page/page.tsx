import { notFound } from "next/navigation";

// Where proxy.ts sends every customer address that names nothing, in its language. It is rendered
// once per language at build time (the [locale] layout lists them), so the 404 arrives as a whole
// server-rendered page in that language, and nothing is rendered or cached per unknown address.
export default function NotFoundPage(): never {
  notFound();
}
