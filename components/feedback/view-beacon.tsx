"use client";

import { useEffect } from "react";

/** Counts a view once per page load. Cached pages never reach the server, so the browser tells it. */
export function ViewBeacon({ article }: { article: string }) {
  useEffect(() => {
    const key = `viewed:${article}`;
    if (sessionStorage.getItem(key)) return;
    sessionStorage.setItem(key, "1");
    void fetch("/api/views", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ article }),
      keepalive: true,
    }).catch(() => {});
  }, [article]);
  return null;
}
