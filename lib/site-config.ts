// Brand and contact details in one place: change these to make the help center yours.
export const siteConfig = {
  name: "Harbour Help",
  company: "Harbour Hosting",
  tagline: "Real answers from real people, whenever you need them.",
  description: "Guides and answers for Harbour Hosting customers: email, domains, hosting, WordPress, billing and security.",
  searchPlaceholder: "Search for instant answers to popular questions",
  support: {
    email: "support@harbour.example",
    hours: "Every day, 8 am to 8 pm (AEST)",
    responseTime: "We usually reply within a few hours.",
  },
} as const;
