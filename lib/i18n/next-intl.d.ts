// Message keys are checked by TypeScript against the default language's file.
import type { Messages } from "./messages";

declare module "next-intl" {
  interface AppConfig {
    Messages: Messages;
  }
}
