// The public report form's limits, as the server checks them (docs/clues.md "The public portal";
// src/clues/settings.ts CLUE_SETTINGS.portal). Pure: tested in test/web-clues.test.ts.

/** 15–2000 characters of description, at most 2 web links, a contact of at most 100 characters. */
export const CONTENT_MIN = 15;
export const CONTENT_MAX = 2000;
export const MAX_LINKS = 2;
export const CONTACT_MAX = 100;

/** The server's count (src/clues/similarity.ts urlCount): a scheme or www. up to the next space. */
export function linkCount(text: string): number {
  return (text.match(/(https?:\/\/|www\.)[^\s]+/gi) ?? []).length;
}
