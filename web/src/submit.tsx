// A form's submission: the saving flag, the server's refusal as text, and the error banner above the
// form. Every dialog and form that posts to the API goes through it. A refusal that names a field (the
// server's `error.field`) can be shown next to that field instead (fieldError).
import { useState } from 'react';
import { Alert } from 'antd';
import { ApiError, errorText } from './api.ts';

export function useSubmit() {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [field, setField] = useState<string | null>(null);
  /** Runs the request with saving set and the last error cleared; a failure becomes `error`. */
  const run = async (work: () => Promise<void>) => {
    setSaving(true);
    setError(null);
    setField(null);
    try {
      await work();
    } catch (e) {
      setError(errorText(e));
      setField(e instanceof ApiError ? (e.field ?? null) : null);
    } finally {
      setSaving(false);
    }
  };
  /** A Form.Item's validateStatus and help for the field the server named, if it named this one. */
  const fieldError = (name: string) =>
    error && field === name ? { validateStatus: 'error' as const, help: <span data-testid={`field-error-${name}`}>{error}</span> } : {};
  return { saving, error, field, setError, run, fieldError };
}

export function SubmitError({ error, testId }: { error: string | null; testId: string }) {
  return error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid={testId} /> : null;
}
