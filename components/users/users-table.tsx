import { formatDateTime } from "@/lib/format";
import type { StaffUserRow } from "@/lib/staff/users";
import { Badge } from "../ui/badge";
import { tableClass, tdClass, thClass } from "../ui/styles";
import { UserActions } from "./user-actions";

export function UsersTable({ users, selfId }: { users: StaffUserRow[]; selfId: string }) {
  return (
    // Scrolls sideways on its own on a phone, so the page itself never does. `relative` keeps the
    // buttons' visually hidden labels (absolutely positioned) inside the scroller too.
    <div className="relative overflow-x-auto">
      <table className={tableClass}>
        <caption className="sr-only">Staff accounts</caption>
        <thead>
          <tr>
            <th scope="col" className={thClass}>
              Name
            </th>
            <th scope="col" className={thClass}>
              Role
            </th>
            <th scope="col" className={thClass}>
              Status
            </th>
            <th scope="col" className={thClass}>
              Last sign-in (UTC)
            </th>
            <th scope="col" className={thClass}>
              Active sessions
            </th>
            <th scope="col" className={thClass}>
              Manage
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <th scope="row" className={`${tdClass} text-left font-normal`}>
                <span className="font-semibold text-slate-900">{user.name}</span>
                {user.id === selfId && (
                  <span className="ml-2">
                    <Badge tone="blue">you</Badge>
                  </span>
                )}
                <span className="block break-all text-slate-600">{user.email}</span>
              </th>
              <td className={tdClass}>{user.role === "admin" ? <Badge tone="amber">Admin</Badge> : <Badge>Editor</Badge>}</td>
              <td className={tdClass}>{user.disabled ? <Badge tone="red">Disabled</Badge> : <Badge tone="green">Active</Badge>}</td>
              <td className={`${tdClass} whitespace-nowrap`}>
                {user.lastSignInAt ? (
                  <time dateTime={user.lastSignInAt.toISOString()}>{formatDateTime(user.lastSignInAt)}</time>
                ) : (
                  <span className="text-slate-600">Never</span>
                )}
              </td>
              <td className={`${tdClass} tabular-nums`}>{user.activeSessions}</td>
              <td className={tdClass}>
                <UserActions user={{ id: user.id, name: user.name, role: user.role, disabled: user.disabled }} isSelf={user.id === selfId} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
