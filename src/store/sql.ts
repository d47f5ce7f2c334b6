// A tagged template for composing parameterised SQL: sql`... WHERE a = ${x} AND ${fragment}`.
// Values become $1..$n parameters in order; nested fragments are spliced in with their own values.
import type { Value } from './store.ts';

export class Sql {
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly (Value | Sql)[],
  ) {}

  /** SQL text with $n placeholders and the flat parameter list. */
  render(): { text: string; params: Value[] } {
    const params: Value[] = [];
    const walk = (s: Sql): string => {
      let text = s.strings[0];
      s.values.forEach((v, i) => {
        if (v instanceof Sql) text += walk(v);
        else {
          params.push(v);
          text += `$${params.length}`;
        }
        text += s.strings[i + 1];
      });
      return text;
    };
    return { text: walk(this), params };
  }
}

export function sql(strings: TemplateStringsArray, ...values: (Value | Sql)[]): Sql {
  return new Sql([...strings], values);
}

/** Trusted SQL text (identifiers and dialect output from code, never user input). */
export const raw = (text: string): Sql => new Sql([text], []);

export function joinSql(parts: Sql[], separator: string): Sql {
  if (parts.length === 0) return raw('');
  const strings: string[] = [''];
  const values: Sql[] = [];
  parts.forEach((p, i) => {
    values.push(p);
    strings.push(i === parts.length - 1 ? '' : separator);
  });
  return new Sql(strings, values);
}
