import { Badge } from "@/components/ui/badge";
import type { LanguageEntry } from "@/lib/articles/translations";

/**
 * Where one language stands, said in words (the colour only repeats it): Outdated for a published
 * translation whose source was published after it, else its status, or Not translated.
 */
export function LanguageStateBadge({ entry }: { entry: LanguageEntry }) {
  if (entry.state === "missing") return <Badge tone="neutral">Not translated</Badge>;
  if (entry.deleted) return <Badge tone="red">Deleted</Badge>;
  if (entry.outdated) return <Badge tone="amber">Outdated</Badge>;
  if (entry.state === "published") return <Badge tone="green">Published</Badge>;
  if (entry.state === "archived") return <Badge tone="neutral">Archived</Badge>;
  return <Badge tone="blue">Draft</Badge>;
}
