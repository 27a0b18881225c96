import {
  createTLSchema,
  defaultBindingSchemas,
  defaultShapeSchemas,
  type SchemaPropsInfo,
  type TLSchema,
} from '@tldraw/tlschema';
import { CUSTOM_SHAPE_SCHEMAS } from '../shapes/index.ts';

/**
 * The board's custom shapes' schema halves (props validators and migrations, no React),
 * imported statically from shared/shapes so that the server, the client and the tests
 * build the very same schema.
 */
export const customShapeSchemas: Readonly<Record<string, SchemaPropsInfo>> = CUSTOM_SHAPE_SCHEMAS;

let cached: TLSchema | undefined;

/** The tldraw schema of a Renkei board: tldraw's default shapes plus ours. */
export function boardSchema(): TLSchema {
  cached ??= createTLSchema({
    shapes: { ...defaultShapeSchemas, ...customShapeSchemas },
    bindings: defaultBindingSchemas,
  });
  return cached;
}

/** The serialized schema stored in `meta.schema` and in `.tldr` files. */
export function serializedBoardSchema(): ReturnType<TLSchema['serialize']> {
  return boardSchema().serialize();
}
