/** The shared domain types now live in src/model/types.ts; re-exported so that extraction code keeps its imports. */
export * from '../model/types.ts';
