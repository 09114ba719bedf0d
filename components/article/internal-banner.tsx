/** Above an internal article, for the signed-in staff who alone can read it. */
export function InternalBanner() {
  return (
    <aside
      aria-labelledby="internal-banner-title"
      data-internal-banner
      className="mb-6 rounded-xl border border-amber-300 bg-amber-50 px-5 py-4 text-amber-950"
    >
      <p id="internal-banner-title" className="flex items-center gap-2 font-semibold">
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 fill-amber-700">
          <path d="M10 1.5a4.5 4.5 0 0 0-4.5 4.5v2H5a2 2 0 0 0-2 2v6.5a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V10a2 2 0 0 0-2-2h-.5V6A4.5 4.5 0 0 0 10 1.5Zm3 6.5H7V6a3 3 0 1 1 6 0v2Z" />
        </svg>
        Internal — staff only
      </p>
      <p className="mt-1 text-sm">
        Customers cannot see this article. It is left out of category lists, search and every public list, and its address answers “page not found” to anyone
        not signed in to the staff area. Do not paste it into replies to customers.
      </p>
    </aside>
  );
}
