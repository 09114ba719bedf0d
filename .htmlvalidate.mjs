// html-validate's rules for the pages the site serves (tests/e2e/html-validity.spec.ts), and for
// `npx html-validate page.html`. A .mjs file rather than .htmlvalidate.json, so each rule turned
// off or changed can say why here: JSON has no comments and html-validate refuses unknown keys.
const config = {
  extends: ["html-validate:recommended"],
  rules: {
    // Off: these four are about how markup is written, and React writes it its own (valid) way:
    // <meta/> with a slash (void-style), async="" and hidden="" (attribute-boolean-style,
    // attribute-empty-style), and charSet, autoComplete (attr-case; HTML attribute names are
    // case-insensitive). The Nu checker still checks that the result is valid HTML.
    "void-style": "off",
    "attribute-boolean-style": "off",
    "attribute-empty-style": "off",
    "attr-case": "off",
    // React's useId gives ids such as "_R_19ivb_". HTML allows any id without spaces; "relaxed"
    // checks exactly that (the default also wants a leading letter, as HTML 4 did).
    "valid-id": ["error", { relaxed: true }],
    // The search box follows the ARIA combobox pattern, whose popup is a listbox of links: a
    // <select> cannot be that. Every other role is still checked.
    "prefer-native-element": ["error", { exclude: ["listbox"] }],
    // A list may have a name ("Legend", "Last 30 days"): screen readers announce it with the list.
    // ARIA allows naming any element whose role takes a name; the default allows fewer.
    "aria-label-misuse": ["error", { allowAnyNamable: true }],
    // Checkboxes sharing a name are one multiple choice (the inbox's "ids" for bulk actions),
    // as radio buttons sharing a name are one single choice.
    "form-dup-name": ["error", { shared: ["radio", "checkbox", "button", "reset", "submit"] }],
    // A bar's width is its data (a share of the ratings, in %): set inline, as HTML allows and the
    // Content-Security-Policy permits (style-src 'unsafe-inline'). Other properties stay in CSS.
    "no-inline-style": ["error", { allowedProperties: ["display", "width"] }],
    // Off: an article's title is the question as customers put it, and some are long; search
    // engines shorten a long title themselves, and the page stays valid.
    "long-title": "off",
  },
};

export default config;
