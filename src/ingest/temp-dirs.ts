// Temporary folders of one process (import part files, uploads), named for it: `kedu-ingest-<pid>-…`.
// A process killed mid-import cannot remove its folder; the next process to make a folder of the same
// kind removes those whose process is gone (once: a server does not list the temp folder per push).
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Whether a process runs under this pid (EPERM: it does, as another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the `<prefix><pid>-*` folders of processes that have ended; returns how many. */
export async function removeOrphanDirs(prefix: string, dir = tmpdir()): Promise<number> {
  let removed = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
    if (!pid || pid === process.pid || alive(pid)) continue;
    await rm(join(dir, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

const swept = new Map<string, Promise<number>>();

/** A new folder `<prefix><pid>-XXXXXX` in the OS temp folder; the first of a process removes the orphans of its kind. */
export async function processTempDir(prefix: 'kedu-ingest-' | 'kedu-upload-'): Promise<string> {
  if (!swept.has(prefix)) swept.set(prefix, removeOrphanDirs(prefix));
  await swept.get(prefix);
  return mkdtemp(join(tmpdir(), `${prefix}${process.pid}-`));
}
