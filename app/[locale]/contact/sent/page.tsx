import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/article/breadcrumbs";
import { ContactSent } from "@/components/contact/contact-sent";

// Where the contact form leads once it was sent without JavaScript (components/contact/actions.ts).
// The same page for everyone: nothing in it belongs to one visitor.
export const metadata: Metadata = { title: "Message sent", robots: { index: false } };

export default function ContactSentPage() {
  return (
    <div className="mx-auto max-w-2xl space-y-8 px-4 py-10 sm:px-6">
      <Breadcrumbs items={[{ href: "/", label: "Home" }, { href: "/contact", label: "Contact support" }, { label: "Message sent" }]} />
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">Contact our support team</h1>
      <ContactSent />
    </div>
  );
}
