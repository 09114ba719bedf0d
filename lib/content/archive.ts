// Turns uploaded files (one zip, or loose .mdx files) into the library's path → text map, and the
// library back into a zip. Uploads are untrusted: sizes are checked before anything is inflated,
// names are checked before they are used, and text must be UTF-8. Every problem is collected.
import { strToU8, Unzip, UnzipInflate, zipSync } from "fflate";
import { HttpError } from "../http-error";

export const UPLOAD_LIMITS = {
  /** The whole request: the zip or all loose files together. */
  uploadBytes: 10 * 1024 * 1024,
  /** Files in a zip, or loose files in one upload. */
  files: 5_000,
  /** One file once unpacked; articles are far smaller (the editor allows 200,000 characters). */
  fileBytes: 1024 * 1024,
  /** Everything once unpacked, so a small zip cannot expand into gigabytes (a zip bomb). */
  totalBytes: 64 * 1024 * 1024,
} as const;

const MB = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** An upload refused as a whole, with every problem found as "file:line: message". */
export class LibraryUploadError extends HttpError {
  constructor(
    status: number,
    message: string,
    readonly problems: string[] = [],
  ) {
    super(status, message);
  }
}

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** A library file found in an upload: its library path, or for a loose file only its slug. */
export type UnpackedFile = { path: string; text: string } | { loose: string; slug: string; text: string };

const utf8 = new TextDecoder("utf-8", { fatal: true });

function decode(name: string, bytes: Uint8Array, problems: string[]): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    problems.push(`${name}: is not UTF-8 text; save it as UTF-8 and upload it again`);
    return null;
  }
}

// Archives made on a Mac or in Windows Explorer carry these; they are not part of the library.
const isJunk = (segments: string[]) => segments[0] === "__MACOSX" || [".DS_Store", "Thumbs.db", "desktop.ini"].includes(segments.at(-1) ?? "");

/** Why a name inside a zip may not be used, or null when it is a plain relative path. */
function unsafeName(name: string): string | null {
  if (name.length > 255) return "the name is too long";
  if (/[\u0000-\u001f\u007f]/.test(name)) return "the name holds control characters";
  if (name.includes("\\")) return "the name holds a backslash; use / between folders";
  if (name.startsWith("/") || /^[a-z]:/i.test(name)) return "absolute paths are not allowed";
  const segments = name.replace(/\/$/, "").split("/");
  if (segments.some((s) => s === ".." || s === "." || s === "")) return "paths with . or .. or empty folders are not allowed";
  if (segments.length > 4) return "the folders are nested too deeply";
  return null;
}

/** Compressed bytes handed to the inflater at a time: output per step stays within a few MB whatever the ratio. */
const INFLATE_STEP_BYTES = 4 * 1024;

/**
 * Unpacks a zip, inflating it as a stream and stopping the moment a file, or the whole upload,
 * passes its limit: sizes a zip declares can lie, so what is actually inflated is counted. A 200 KB
 * zip of 200 MB of zeros is refused after inflating just past UPLOAD_LIMITS.totalBytes, never the
 * whole of it. Run in a worker (lib/workers/pool.ts), so even that much never blocks requests.
 */
export function unpackZip(name: string, bytes: Uint8Array): UnpackedFile[] {
  const problems: string[] = [];
  const entries: [string, Uint8Array][] = [];
  let refusal: LibraryUploadError | null = null;
  let fileCount = 0;
  let total = 0;

  const unzipper = new Unzip((file) => {
    if (refusal) return;
    fileCount += 1;
    if (fileCount > UPLOAD_LIMITS.files) {
      refusal = new LibraryUploadError(413, `${name}: holds more than ${UPLOAD_LIMITS.files} files; split the upload.`);
      return;
    }
    if (file.name.endsWith("/")) return;
    const unsafe = unsafeName(file.name);
    if (unsafe) {
      problems.push(`${name}: ${JSON.stringify(file.name)}: ${unsafe}`);
      return;
    }
    if (isJunk(file.name.split("/"))) return;
    const tooBig = () => new LibraryUploadError(413, `${file.name}: unpacks to more than ${MB(UPLOAD_LIMITS.fileBytes)}; one file may hold at most ${MB(UPLOAD_LIMITS.fileBytes)}.`);
    if ((file.originalSize ?? 0) > UPLOAD_LIMITS.fileBytes) {
      refusal = tooBig();
      return;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (refusal) return;
      if (error) {
        refusal = new LibraryUploadError(422, `${name}: ${file.name}: could not be unpacked (${error.message}).`);
        return;
      }
      size += chunk.byteLength;
      total += chunk.byteLength;
      if (size > UPLOAD_LIMITS.fileBytes) refusal = tooBig();
      else if (total > UPLOAD_LIMITS.totalBytes) refusal = new LibraryUploadError(413, `${name}: unpacks to more than ${MB(UPLOAD_LIMITS.totalBytes)}; upload a smaller library.`);
      if (refusal) {
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) entries.push([file.name, concat(chunks, size)]);
    };
    try {
      file.start();
    } catch {
      problems.push(`${name}: ${file.name}: is compressed with a method other than deflate; zip it again with standard settings`);
    }
  });
  unzipper.register(UnzipInflate);

  try {
    for (let offset = 0; offset < bytes.byteLength && !refusal; offset += INFLATE_STEP_BYTES) {
      const end = Math.min(offset + INFLATE_STEP_BYTES, bytes.byteLength);
      unzipper.push(bytes.subarray(offset, end), end === bytes.byteLength);
    }
  } catch (error) {
    throw new LibraryUploadError(422, `${name}: is not a readable zip file (${error instanceof Error ? error.message : "unknown error"}).`);
  }
  if (refusal) throw refusal;
  if (fileCount === 0) throw new LibraryUploadError(422, `${name}: is not a readable zip file (no files found in it).`);
  if (problems.length > 0) throw new LibraryUploadError(422, `${name}: holds names that cannot be used; nothing was imported.`, problems);
  return placeZipEntries(entries);
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/**
 * Maps zip entries onto the library layout. Accepted: categories.json, articles/<category>/<slug>.mdx
 * and the short form <category>/<slug>.mdx, all optionally inside one top folder (a zipped content/).
 */
function placeZipEntries(entries: [string, Uint8Array][]): UnpackedFile[] {
  const isLibraryPath = (p: string) => p === "categories.json" || p.startsWith("articles/");
  const tops = new Set(entries.map(([p]) => p.split("/")[0]));
  const [top] = tops;
  const strip =
    tops.size === 1 && top !== undefined && entries.every(([p]) => p.includes("/")) && !entries.some(([p]) => isLibraryPath(p)) && entries.some(([p]) => isLibraryPath(p.slice(top.length + 1)));

  const problems: string[] = [];
  const files: UnpackedFile[] = [];
  for (const [original, bytes] of entries) {
    const relative = strip ? original.slice((top?.length ?? 0) + 1) : original;
    const parts = relative.split("/");
    let path: string | null = null;
    if (relative === "categories.json") path = relative;
    else if (parts.length === 3 && parts[0] === "articles" && relative.endsWith(".mdx")) path = relative;
    else if (parts.length === 2 && parts[0] !== "articles" && relative.endsWith(".mdx")) path = `articles/${relative}`;
    if (!path) {
      problems.push(`${original}: is not part of a library; a zip holds categories.json and articles/<category>/<slug>.mdx`);
      continue;
    }
    const text = decode(original, bytes, problems);
    if (text !== null) files.push({ path, text });
  }
  if (problems.length > 0) throw new LibraryUploadError(422, "The zip holds files that cannot be imported; nothing was imported.", problems);
  return files;
}

/** Loose uploads: .mdx files (filed by slug) and at most one categories.json. */
function unpackLooseFiles(uploads: UploadedFile[]): UnpackedFile[] {
  const problems: string[] = [];
  const files: UnpackedFile[] = [];
  const seen = new Set<string>();
  for (const upload of uploads) {
    const name = upload.name;
    if (upload.bytes.byteLength > UPLOAD_LIMITS.fileBytes) throw new LibraryUploadError(413, `${name}: is larger than ${MB(UPLOAD_LIMITS.fileBytes)}.`);
    if (seen.has(name)) problems.push(`${name}: was uploaded twice`);
    seen.add(name);
    const text = decode(name, upload.bytes, problems);
    if (text === null) continue;
    if (name === "categories.json") files.push({ path: name, text });
    else if (/^[^/\\]+\.mdx$/.test(name) && !unsafeName(name)) files.push({ loose: name, slug: name.slice(0, -".mdx".length), text });
    else problems.push(`${name}: upload .mdx articles, categories.json, or one .zip of the library`);
  }
  if (problems.length > 0) throw new LibraryUploadError(422, "Some files cannot be imported; nothing was imported.", problems);
  return files;
}

/** Checks the upload as a whole, then unpacks it. */
export function unpackUpload(uploads: UploadedFile[]): UnpackedFile[] {
  if (uploads.length === 0) throw new LibraryUploadError(422, "Choose a .zip of the library, or one or more .mdx files, to upload.");
  const total = uploads.reduce((sum, file) => sum + file.bytes.byteLength, 0);
  if (total > UPLOAD_LIMITS.uploadBytes) throw new LibraryUploadError(413, `The upload is ${MB(total)}; it may be at most ${MB(UPLOAD_LIMITS.uploadBytes)}.`);
  if (uploads.length > UPLOAD_LIMITS.files) throw new LibraryUploadError(413, `Upload at most ${UPLOAD_LIMITS.files} files at once, or one zip.`);
  const zips = uploads.filter((file) => /\.zip$/i.test(file.name));
  if (zips.length > 0) {
    if (uploads.length > 1) throw new LibraryUploadError(422, "Upload one zip on its own, or loose .mdx files without a zip.");
    return unpackZip(zips[0]!.name, zips[0]!.bytes);
  }
  return unpackLooseFiles(uploads);
}

/** Packs path → text into a zip, every file dated `now`. */
export function packZip(files: ReadonlyMap<string, string>, now = new Date()): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const [path, text] of files) entries[path] = [strToU8(text), { mtime: now }];
  return zipSync(entries, { level: 6 });
}
