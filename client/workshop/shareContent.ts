import type { JsonObject, TLContent, TLShape } from 'tldraw';
import { plainTextOf } from '../../shared/records/richText.ts';

import { authorOf, authorStamp, type NoteAuthor } from '../../shared/workshop/author.ts';

export { authorOf, type NoteAuthor };

/**
 * Content copied from the private board with every shape (children of frames and groups too)
 * carrying `meta.author`. A shape that already has an author — a note someone else wrote and
 * this participant copied — keeps it. The input is not changed.
 */
export function stampAuthor(content: TLContent, author: NoteAuthor): TLContent {
  // The server stamps the sharer's name as it knows it (SPEC D6); this is what the page shows at once.
  const stamp = authorStamp(author);
  const shapes = content.shapes.map((shape): TLShape => {
    if (authorOf(shape.meta)) return shape;
    return { ...shape, meta: { ...shape.meta, author: { name: stamp.name, role: stamp.role } } as JsonObject };
  });
  return { ...content, shapes };
}

/** One shared note in the side list: its shape, author and a line of its text. */
export interface SharedNote {
  id: string;
  author: NoteAuthor;
  text: string;
}

/** The shapes of a page that carry an author, for the 「グループに出されたメモ」 list, in page order. */
export function sharedNotes(shapes: readonly Pick<TLShape, 'id' | 'meta' | 'props'>[]): SharedNote[] {
  const out: SharedNote[] = [];
  for (const s of shapes) {
    const author = authorOf(s.meta);
    if (!author) continue;
    const props = s.props as { richText?: unknown; text?: unknown; name?: unknown };
    const text = plainTextOf(props.richText ?? props.text ?? props.name ?? '').replace(/\s+/g, ' ').trim();
    out.push({ id: s.id, author, text: text.length > 80 ? `${text.slice(0, 79)}…` : text });
  }
  return out;
}
