/** Who wrote a shared note, as kept in the shape's `meta.author`. */
export interface NoteAuthor {
  name: string;
  role: string;
}

/** A note author as stamped: name and role cut to the lengths the side list shows. */
export function authorStamp(author: NoteAuthor): NoteAuthor {
  return { name: author.name.slice(0, 60), role: author.role.slice(0, 40) };
}

/** The author kept in a record's meta, if well-formed. */
export function authorOf(meta: unknown): NoteAuthor | undefined {
  if (typeof meta !== 'object' || meta === null) return undefined;
  const a = (meta as { author?: unknown }).author;
  if (typeof a !== 'object' || a === null) return undefined;
  const { name, role } = a as { name?: unknown; role?: unknown };
  if (typeof name !== 'string' || !name) return undefined;
  return { name, role: typeof role === 'string' ? role : '' };
}

/** Whether two authors (or their absence) are the same. */
export function sameAuthor(a: NoteAuthor | undefined, b: NoteAuthor | undefined): boolean {
  return a === undefined || b === undefined ? a === b : a.name === b.name && a.role === b.role;
}
