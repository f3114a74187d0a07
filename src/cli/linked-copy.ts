/**
 * Filling a staging folder with a recording folder's files as hard links: the new folder costs no
 * bytes for what did not change, and the old folder stays whole (a file is never written through a
 * link: changed files are written anew beside the links). Where the file system has no hard links,
 * files are copied.
 */
import { copyFile, link, mkdir, readdir, readlink, stat, symlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Recreates the tree under `from` inside `to` (which exists), linking each file except the
 * relative paths in `skip` (written separately, with `/` separators). Returns the files linked.
 */
export async function linkTree(from: string, to: string, skip: ReadonlySet<string>, prefix = ''): Promise<number> {
  let linked = 0;
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const relative = prefix + entry.name;
    if (skip.has(relative)) continue;
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      await mkdir(target, { mode: (await stat(source)).mode & 0o7777 });
      linked += await linkTree(source, target, skip, `${relative}/`);
    } else if (entry.isSymbolicLink()) {
      await symlink(await readlink(source), target);
    } else if (entry.isFile()) {
      try {
        await link(source, target);
      } catch {
        await copyFile(source, target);
      }
      linked++;
    }
  }
  return linked;
}
