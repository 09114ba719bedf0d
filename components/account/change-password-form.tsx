"use client";
import { Field } from "../ui/field";
import { useActionForm } from "../ui/use-action-form";
import { buttonClass } from "../ui/styles";
import { PasswordInput } from "../users/password-input";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm() {
  const { result, pending, onSubmit: submit, fields, formError } = useActionForm(changePasswordAction);
  const ended = result?.ok ? result.data.endedSessions : 0;

  return (
    <form onSubmit={submit} className="max-w-md space-y-4" noValidate>
      <Field id="current-password" label="Current password" error={fields.currentPassword}>
        {(props) => (
          <PasswordInput
            id={props.id}
            name="currentPassword"
            autoComplete="current-password"
            label="Current password"
            invalid={Boolean(fields.currentPassword)}
            describedBy={props["aria-describedby"]}
          />
        )}
      </Field>
      <Field id="new-password" label="New password" hint="12 to 128 characters. A few unrelated words make a strong one." error={fields.newPassword}>
        {(props) => (
          <PasswordInput id={props.id} name="newPassword" label="New password" invalid={Boolean(fields.newPassword)} describedBy={props["aria-describedby"]} />
        )}
      </Field>
      <Field id="confirm-password" label="New password, again" error={fields.confirmPassword}>
        {(props) => (
          <PasswordInput
            id={props.id}
            name="confirmPassword"
            label="New password, again"
            invalid={Boolean(fields.confirmPassword)}
            describedBy={props["aria-describedby"]}
          />
        )}
      </Field>
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? "Changing…" : "Change password"}
      </button>
      <p role="status" className="text-sm font-medium text-emerald-800">
        {result?.ok
          ? `Your password is changed. ${ended === 0 ? "You had no other sessions." : `${ended} other session${ended === 1 ? " was" : "s were"} signed out.`}`
          : ""}
      </p>
      {formError && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {formError}
        </p>
      )}
    </form>
  );
}
