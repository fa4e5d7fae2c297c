/** A failed load or save, announced to screen readers. */
export const ErrorNote = ({ message }: { message: string | null }) =>
  message ? (
    <p role="alert" className="error">
      {message}
    </p>
  ) : null;

/** While something loads: its error if it failed, else a busy note. */
export const Pending = ({ error, label }: { error: string | null; label: string }) =>
  error ? <ErrorNote message={error} /> : <p aria-busy="true">{label}</p>;
