import type { ReactNode } from "react";
import { thClass } from "./styles";

export interface Column {
  label: ReactNode;
  /** Numbers line up on the right. */
  align?: "right";
  /** A column named for screen readers only (a column of buttons). */
  hidden?: boolean;
}

/** A staff table's header row: one `<th scope="col">` per column. */
export function TableHead({ columns }: { columns: (string | Column)[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column, index) => {
          const { label, align, hidden } = typeof column === "string" ? { label: column } : column;
          return (
            <th key={index} scope="col" className={align === "right" ? `${thClass} text-right` : thClass}>
              {hidden ? <span className="sr-only">{label}</span> : label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
