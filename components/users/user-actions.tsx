"use client";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/action";
import type { Role } from "@/lib/auth/roles";
import { buttonClass, inputClass } from "../ui/styles";
import { changeRoleAction, resetPasswordAction, setDisabledAction } from "./actions";
import { PasswordInput } from "./password-input";

interface Props {
  user: { id: string; name: string; role: Role; disabled: boolean };
  /** The signed-in admin's own row: they cannot demote or disable themselves. */
  isSelf: boolean;
}

/** Change role, disable or enable, and reset the password of one account. */
export function UserActions({ user, isSelf }: Props) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string; field?: string } | null>(null);
  const [resetting, setResetting] = useState(false);
  const idBase = `user-${user.id}`;

  function run<T>(action: () => Promise<ActionResult<T>>, done: string) {
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        setMessage({ ok: true, text: done });
        setResetting(false);
      } else {
        const field = result.fields ? Object.keys(result.fields)[0] : undefined;
        setMessage({ ok: false, text: field && result.fields ? result.fields[field]! : result.error, ...(field ? { field } : {}) });
      }
    });
  }

  return (
    <div className="flex min-w-72 flex-col gap-2">
      <form
        className="flex items-center gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const role = new FormData(event.currentTarget).get("role");
          run(() => changeRoleAction({ userId: user.id, role }), `${user.name} is now ${role === "admin" ? "an admin" : "an editor"}.`);
        }}
      >
        <label htmlFor={`${idBase}-role`} className="sr-only">
          Role of {user.name}
        </label>
        <select id={`${idBase}-role`} name="role" defaultValue={user.role} disabled={isSelf} className={inputClass(false, "w-auto py-1.5 text-sm")}>
          <option value="editor">Editor</option>
          <option value="admin">Admin</option>
        </select>
        <button type="submit" disabled={pending || isSelf} className={buttonClass("secondary", "px-3 py-1.5 whitespace-nowrap")}>
          Change role<span className="sr-only"> of {user.name}</span>
        </button>
      </form>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          disabled={pending || isSelf}
          onClick={() =>
            run(
              () => setDisabledAction({ userId: user.id, disabled: !user.disabled }),
              user.disabled ? `${user.name} can sign in again.` : `${user.name} is disabled and signed out everywhere.`,
            )
          }
          className={buttonClass(user.disabled ? "secondary" : "danger", "px-3 py-1.5 whitespace-nowrap")}
        >
          {user.disabled ? "Enable" : "Disable"}
          <span className="sr-only"> {user.name}</span>
        </button>
        <button
          type="button"
          aria-expanded={resetting}
          aria-controls={`${idBase}-reset`}
          onClick={() => setResetting((v) => !v)}
          className={buttonClass("secondary", "px-3 py-1.5 whitespace-nowrap")}
        >
          Reset password<span className="sr-only"> of {user.name}</span>
        </button>
      </div>
      {resetting && (
        <form
          id={`${idBase}-reset`}
          className="flex flex-col gap-1.5"
          onSubmit={(event) => {
            event.preventDefault();
            const password = new FormData(event.currentTarget).get("password");
            run(() => resetPasswordAction({ userId: user.id, password }), `The password of ${user.name} is reset; their sessions have ended.`);
          }}
        >
          <label htmlFor={`${idBase}-password`} className="text-sm font-medium text-slate-900">
            New password for {user.name}
          </label>
          <div className="flex flex-wrap gap-2">
            <div className="min-w-52 flex-1">
              <PasswordInput
                id={`${idBase}-password`}
                name="password"
                label={`New password for ${user.name}`}
                invalid={message?.field === "password"}
                describedBy={message && !message.ok ? `${idBase}-message` : undefined}
              />
            </div>
            <button type="submit" disabled={pending} className={buttonClass("primary", "px-3 py-1.5 whitespace-nowrap")}>
              Set password
            </button>
          </div>
        </form>
      )}
      <p
        id={`${idBase}-message`}
        role={message?.ok === false ? "alert" : "status"}
        className={`text-sm font-medium ${message?.ok ? "text-emerald-800" : "text-red-700"}`}
      >
        {message?.text ?? ""}
      </p>
    </div>
  );
}
