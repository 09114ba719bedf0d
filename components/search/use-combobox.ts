"use client";

// The combobox's state (WAI-ARIA 1.2 "list autocomplete" pattern): whether the list is open and
// which option is active, moved with the arrow keys; closed by a click outside. Optionally, "/" and
// Ctrl/Cmd-K anywhere on the page focus the input.
// Hand-written on purpose: Downshift 9's useCombobox alone is 13.8 KB gzip (measured with esbuild,
// React external), more than the 10 KB of our own JavaScript an article page may carry; the
// keyboard and screen-reader behaviour is held by tests/e2e/keyboard-search.spec.ts and axe.
import { type RefObject, useEffect, useState } from "react";

export function useCombobox({
  optionCount,
  root,
  input,
  shortcut,
}: {
  optionCount: number;
  root: RefObject<HTMLElement | null>;
  input: RefObject<HTMLInputElement | null>;
  shortcut: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  useEffect(() => {
    if (!shortcut) return;
    function onKeyDown(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      const typing = target?.closest("input, textarea, select, [contenteditable='true']");
      if ((event.key === "k" && (event.metaKey || event.ctrlKey)) || (event.key === "/" && !typing)) {
        event.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [shortcut, input]);

  useEffect(() => {
    function onPointerDown(event: PointerEvent) {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [root]);

  return {
    open,
    active,
    setActive,
    /** Opens the list; with `reset`, no option is active (new options arrived). */
    show(reset = false) {
      setOpen(true);
      if (reset) setActive(-1);
    },
    hide() {
      setOpen(false);
      setActive(-1);
    },
    /** ArrowDown / ArrowUp: opens the list and moves through the options, wrapping around. */
    move(direction: 1 | -1) {
      setOpen(true);
      if (optionCount === 0) return;
      const last = optionCount - 1;
      setActive((current) => (direction === 1 ? (current >= last ? 0 : current + 1) : current <= 0 ? last : current - 1));
    },
  };
}
