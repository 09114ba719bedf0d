import { NextResponse } from "next/server";
import { contactSchema } from "@/lib/contact/schema";
import { createContactRequest } from "@/lib/contact/service";
import { handle, readJson } from "@/lib/http";
import { siteContext } from "@/lib/context";
import { publicClient } from "@/lib/request-client";

// POST /api/contact — store a "Still need help?" request for the support team
export const POST = handle(async (request: Request) => {
  const input = await readJson(request, contactSchema, { maxBytes: 16 * 1024 });
  const created = await createContactRequest(siteContext(), input, await publicClient(request));
  return NextResponse.json({ id: created.id }, { status: 201 });
});
