"use client";
import { Field } from "../ui/field";
import { useActionForm } from "../ui/use-action-form";
import { buttonClass, inputClass } from "../ui/styles";
import { createUserAction } from "./actions";
import { PasswordInput } from "./password-input";

export function CreateUserForm() {
  const { result, pending, onSubmit: submit, fields, formError } = useActionForm(createUserAction);

  return (
    <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2" aria-labelledby="create-user-heading" noValidate>
      <Field id="new-user-name" label="Name" error={fields.name}>
        {(props) => <input {...props} type="text" name="name" autoComplete="off" required maxLength={100} className={inputClass(Boolean(fields.name))} />}
      </Field>
      <Field id="new-user-email" label="E-mail address" error={fields.email}>
        {(props) => <input {...props} name="email" type="email" autoComplete="off" required maxLength={254} className={inputClass(Boolean(fields.email))} />}
      </Field>
      <Field id="new-user-role" label="Role" hint="Editors write and publish articles; admins also manage staff accounts." error={fields.role}>
        {(props) => (
          <select {...props} name="role" defaultValue="editor" className={inputClass(Boolean(fields.role))}>
            <option value="editor">Editor</option>
            <option value="admin">Admin</option>
          </select>
        )}
      </Field>
      <Field
        id="new-user-password"
        label="Initial password"
        hint="12 to 128 characters. Share it privately; they can change it on their account page."
        error={fields.password}
      >
        {(props) => (
          <PasswordInput id={props.id} name="password" label="Initial password" invalid={Boolean(fields.password)} describedBy={props["aria-describedby"]} />
        )}
      </Field>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? "Creating…" : "Create account"}
        </button>
        <p role="status" className="text-sm font-medium text-emerald-800">
          {result?.ok ? `Created an account for ${result.data.name} (${result.data.email}).` : ""}
        </p>
        {formError && (
          <p role="alert" className="text-sm font-medium text-red-700">
            {formError}
          </p>
        )}
      </div>
    </form>
  );
}
