// JSON text from outside (an API body, a JSON or JSON Lines file) → values, with two guards JSON.parse
// lacks: nesting deeper than MAX_JSON_DEPTH is refused with a message (a record is flat; a body nested
// 100,000 deep made the import's JSON.stringify overflow the stack: a 500), and an integer too large
// for a double keeps its digits as text (an agency system's 19-digit source id would otherwise be
// rounded into another record's id). Keys __proto__ and constructor are refused as Fastify refuses them.
import secureJson from 'secure-json-parse';

export const MAX_JSON_DEPTH = 32;

/** Text that is not acceptable JSON; the message is the user's. */
export class JsonProblem extends Error {}

/** Whether c may continue a number token (digits, sign, point, exponent). */
const numberChar = (c: number) => (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 69 || c === 101;

export function parseJsonText(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  let depth = 0;
  let parts: string[] | null = null;
  let copied = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // A string: jump to its closing quote (one not escaped by an odd run of backslashes).
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) {
          i = n;
          break;
        }
        let b = q - 1;
        while (b >= from && text.charCodeAt(b) === 92) b--;
        if ((q - 1 - b) % 2 === 0) {
          i = q;
          break;
        }
        from = q + 1;
      }
    } else if (c === 123 || c === 91) {
      if (++depth > maxDepth) throw new JsonProblem(`JSON 嵌套超过 ${maxDepth} 层，不予处理`);
    } else if (c === 125 || c === 93) {
      depth--;
    } else if ((c >= 48 && c <= 57) || c === 45) {
      let j = i + 1;
      while (j < n && numberChar(text.charCodeAt(j))) j++;
      // Only long integer tokens can lose digits; they become strings.
      if (j - i > 15) {
        const token = text.slice(i, j);
        if (/^-?\d+$/.test(token) && !Number.isSafeInteger(Number(token))) {
          (parts ??= []).push(text.slice(copied, i), '"', token, '"');
          copied = j;
        }
      }
      i = j - 1;
    }
  }
  const source = parts ? parts.join('') + text.slice(copied) : text;
  try {
    return secureJson.parse(source, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch (e) {
    throw new JsonProblem(`不是有效的JSON：${(e as Error).message}`);
  }
}
