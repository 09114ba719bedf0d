"use client";

import Link from "next/link";
import type { Ref } from "react";
import { useClientText, useLocalePath } from "@/components/i18n/client-text";
import { fillText } from "@/lib/i18n/fill-text";

/** The confirmation once a message is stored: in place of the form, or on /contact/sent without JavaScript. */
export function ContactSent({ name, headingRef }: { name?: string | undefined; headingRef?: Ref<HTMLHeadingElement> }) {
  const text = useClientText("Contact");
  const localePath = useLocalePath();
  return (
    <div role="status" className="rounded-2xl border border-emerald-200 bg-emerald-50 px-6 py-8">
      <h2 ref={headingRef} tabIndex={-1} className="text-xl font-semibold text-emerald-900">
        {name ? fillText(text.sentNamed, { name }) : text.sent}
      </h2>
      <p className="mt-2 text-emerald-900">{text.sentText}</p>
      <Link href={localePath("/")} className="mt-4 inline-block font-medium text-brand-800 underline">
        {text.backHome}
      </Link>
    </div>
  );
}
