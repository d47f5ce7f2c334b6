// The navigator's input errors: each names the field (as the request spells it, e.g. facts.lossAmount)
// and says in Chinese what is wrong, so a caller can show it next to the field. The HTTP layer maps
// the code to its status (400, 403, 404); nothing here knows about HTTP.

export type NavigatorErrorCode = 'bad_request' | 'forbidden' | 'not_found';

export class NavigatorError extends Error {
  constructor(
    readonly code: NavigatorErrorCode,
    readonly field: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'NavigatorError';
  }
}

export const badInput = (field: string, message: string) => new NavigatorError('bad_request', field, message);
