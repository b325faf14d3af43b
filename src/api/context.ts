/** What every resolver receives, built once per HTTP request. */
import type { Config } from '../config.ts';
import type { Graph } from '../graph/executor.ts';
import type { AuthState } from './auth.ts';
import type { ChangeFollower } from './change-follower.ts';
import type { Loaders } from './loaders.ts';
import type { PipelinePort } from './pipeline-port.ts';
import type { ApiReader } from './reader.ts';
import type { ViewCache } from './view-cache.ts';

export interface ApiContext {
  auth: AuthState;
  reader: ApiReader;
  loaders: Loaders;
  graph: Graph;
  config: Readonly<Config>;
  pipeline: PipelinePort;
  /** The change feed follower behind `Subscription.changed` (absent where nothing serves subscriptions). */
  changes?: ChangeFollower;
  /** Answers of `network` and `stats` kept until the next write (absent: computed every time). */
  viewCache?: ViewCache;
}
