import { TextField, type TextFieldProps } from './form-field.tsx';

/** The required "Email" field; `autoComplete` is `email` unless the form says otherwise. */
export function EmailField(props: Omit<TextFieldProps, 'label' | 'type' | 'inputMode'>) {
  return (
    <TextField
      label="Email"
      name="email"
      type="email"
      inputMode="email"
      autoComplete="email"
      required
      {...props}
    />
  );
}
