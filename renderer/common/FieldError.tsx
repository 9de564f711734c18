/** A dialog's one-sentence error, read out as it appears; nothing when there is none. */
export function FieldError({ message }: { message: string | null }) {
  return message ? (
    <p className="field-error" role="alert">
      {message}
    </p>
  ) : null;
}
