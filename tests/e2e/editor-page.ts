// The article editor as the staff specs drive it: its MDX source box, its save status, and
// replacing the whole body as a person would (select all, type).
import type { Page } from "@playwright/test";

export function editorSource(page: Page) {
  return page.getByRole("textbox", { name: "Article body (MDX)" });
}

export async function replaceBody(page: Page, text: string) {
  await editorSource(page).click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(text);
}

export const saveStatus = (page: Page) => page.getByTestId("save-status");
