/**
 * A `LIKE`/`ILIKE` pattern matching values that contain `text` as typed: its `%`, `_` and `\` are
 * escaped (Postgres's default escape character is `\`), so a search for "50%" finds "50%" and not
 * every value with "50" in it. The one copy every search uses.
 */
export function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
