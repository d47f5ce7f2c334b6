// A form's submission: the saving flag, the server's refusal as text, and the error banner above the
// form. Every dialog and form that posts to the API goes through it.
import { useState } from 'react';
import { Alert } from 'antd';
import { errorText } from './api.ts';

export function useSubmit() {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Runs the request with saving set and the last error cleared; a failure becomes `error`. */
  const run = async (work: () => Promise<void>) => {
    setSaving(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };
  return { saving, error, setError, run };
}

export function SubmitError({ error, testId }: { error: string | null; testId: string }) {
  return error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid={testId} /> : null;
}
