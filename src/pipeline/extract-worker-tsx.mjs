// Development entry of the extraction workers (tests, tsx): registers tsx's
// loader through its public API, then loads the TypeScript task. Compiled
// code (dist/) loads extract-worker.js directly; this file is not built.
import { register } from 'tsx/esm/api';

register();
const task = await import('./extract-worker.ts');

export default task.default;
