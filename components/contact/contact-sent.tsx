import Link from "next/link";
import type { Ref } from "react";

/** The confirmation once a message is stored: in place of the form, or on /contact/sent without JavaScript. */
export function ContactSent({ name, headingRef }: { name?: string | undefined; headingRef?: Ref<HTMLHeadingElement> }) {
  return (
    <div role="status" className="rounded-2xl border border-emerald-200 bg-emerald-50 px-6 py-8">
      <h2 ref={headingRef} tabIndex={-1} className="text-xl font-semibold text-emerald-900">
        {name ? `Thanks, ${name}. We have your message.` : "Thanks. We have your message."}
      </h2>
      <p className="mt-2 text-emerald-900">A member of our support team will reply by email. You don&apos;t need to do anything else.</p>
      <Link href="/" className="mt-4 inline-block font-medium text-brand-800 underline">
        Back to the help center
      </Link>
    </div>
  );
}
