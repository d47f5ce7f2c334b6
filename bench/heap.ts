// The memory a structure holds, as the benches count it: the JS heap and the typed arrays' buffers
// (held outside it), after two full GCs.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** heapUsed + arrayBuffers in MiB, after two GCs. */
export function heapMB(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 2 ** 20;
}
