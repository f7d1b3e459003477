// Optional sugar for callers who prefer exceptions to envelopes.

export class PreflightError extends Error {
  constructor(issues) {
    const first = issues[0] ?? { code: 'INTERNAL_ERROR', message: 'Unknown error', path: '' };
    super(first.path ? `${first.code} at ${first.path}: ${first.message}` : `${first.code}: ${first.message}`);
    this.name = 'PreflightError';
    this.code = first.code;
    this.path = first.path;
    this.issues = issues;
  }
}

/** Returns envelope.result, or throws a PreflightError carrying every error of the envelope. */
export function unwrap(envelope) {
  if (!envelope.ok) throw new PreflightError(envelope.errors);
  return envelope.result;
}
