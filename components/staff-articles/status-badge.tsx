import { Badge, type BadgeTone } from "@/components/ui/badge";

const looks: Record<string, { tone: BadgeTone; label: string }> = {
  published: { tone: "green", label: "Published" },
  draft: { tone: "blue", label: "Draft" },
  archived: { tone: "neutral", label: "Archived" },
  deleted: { tone: "red", label: "Deleted" },
};

export function ArticleStatusBadge({ status, deleted = false }: { status: string; deleted?: boolean }) {
  const look = looks[deleted ? "deleted" : status] ?? { tone: "neutral" as const, label: status };
  return <Badge tone={look.tone}>{look.label}</Badge>;
}
