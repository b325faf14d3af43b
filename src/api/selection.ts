/**
 * Reading the request's selection set, so a top-level query can fetch what
 * nested fields need in the same statement (e.g. partnership evidence).
 */
import { Kind } from 'graphql';
import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

function fieldsIn(selectionSet: SelectionSetNode | undefined, info: GraphQLResolveInfo, seen: Set<string>): FieldNode[] {
  if (selectionSet === undefined) return [];
  const out: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) out.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) out.push(...fieldsIn(selection.selectionSet, info, seen));
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      out.push(...fieldsIn(info.fragments[selection.name.value]?.selectionSet, info, seen));
    }
  }
  return out;
}

/** Field nodes reached from the current field along `path` (field names, aliases ignored). */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[]): FieldNode[] {
  let current: FieldNode[] = [...info.fieldNodes];
  for (const name of path) {
    current = current.flatMap((node) => fieldsIn(node.selectionSet, info, new Set())).filter((node) => node.name.value === name);
  }
  return current;
}

/** Names of the fields selected directly under the current field. */
export function selectedFieldNames(info: GraphQLResolveInfo): Set<string> {
  return new Set(info.fieldNodes.flatMap((node) => fieldsIn(node.selectionSet, info, new Set())).map((node) => node.name.value));
}

/**
 * The largest `first` asked of `typeName.fieldName` at the given nodes (0 when
 * not selected). Reads literals, variables and the schema default by hand:
 * graphql's helpers check types with instanceof, which breaks when two copies
 * of graphql are loaded (ESM and CJS, as under vitest).
 */
export function largestFirst(info: GraphQLResolveInfo, nodes: readonly FieldNode[], typeName: string, fieldName: string): number {
  const type = info.schema.getType(typeName);
  const field = type !== undefined && type !== null && 'getFields' in type ? type.getFields()[fieldName] : undefined;
  if (field === undefined || !('args' in field)) return 0;
  const fallback = field.args.find((arg) => arg.name === 'first')?.defaultValue;
  let largest = 0;
  for (const node of nodes) {
    const arg = node.arguments?.find((a) => a.name.value === 'first');
    let first: unknown = fallback;
    if (arg?.value.kind === Kind.INT) first = Number(arg.value.value);
    else if (arg?.value.kind === Kind.VARIABLE) first = info.variableValues[arg.value.name.value] ?? fallback;
    if (typeof first === 'number' && first > largest) largest = first;
  }
  return largest;
}
