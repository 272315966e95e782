/**
 * The desk's only ways to touch the disk: paths confined to content/, atomic writes, and
 * versions that detect a file changed by someone else since it was opened.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, linkSync, lstatSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** A refused request: its Chinese message is shown to the staff member. */
export class DeskError extends Error {
  readonly status: number;
  readonly details: unknown;
  constructor(status: number, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.details = details;
  }
}

const outside = (path: string) =>
  new DeskError(400, `不能写入“${path}”：编辑台只读写 content/ 文件夹里的文件（不接受 ..、绝对路径和快捷方式）`);

/**
 * The full path of `path` (relative to the project, `content/…`), refusing anything that is or
 * could lead outside content/: absolute paths, `..`, empty or `.` parts, and symbolic links on
 * the way (a link inside content/ could point anywhere).
 */
export function contentPath(root: string, path: unknown): string {
  if (typeof path !== 'string' || path.includes('\0') || isAbsolute(path) || /^[a-zA-Z]:|^[\\/]/.test(path))
    throw outside(String(path));
  const parts = path.split(/[\\/]/);
  if (parts[0] !== 'content' || parts.length < 2 || parts.some((p) => p === '' || p === '.' || p === '..'))
    throw outside(path);
  const base = resolve(root, 'content');
  const full = resolve(root, ...parts);
  if (!full.startsWith(base + sep)) throw outside(path);
  let at = resolve(root);
  for (const part of parts) {
    at = join(at, part);
    if (!existsSync(at)) break;
    if (lstatSync(at).isSymbolicLink()) throw outside(path);
  }
  return full;
}

/** The path as the checker names files: relative to the project, with forward slashes. */
export const projectPath = (root: string, full: string) => relative(root, full).split(sep).join('/');

/** A file's version: the hash of its bytes, or `null` when it does not exist. */
export function versionOf(full: string): string | null {
  if (!existsSync(full)) return null;
  return createHash('sha256').update(readFileSync(full)).digest('hex').slice(0, 16);
}

/** Refuses a save over a file that changed on disk since the staff member opened it. */
export function assertUnchanged(full: string, file: string, version: unknown): void {
  const now = versionOf(full);
  if (now !== version)
    throw new DeskError(
      409,
      now === null
        ? `${file} 在打开之后已被删除或改名。为免丢失修改，这次没有保存；请先复制你的修改，再从列表重新打开。`
        : `${file} 在打开之后被别人或别的程序改过了。为免覆盖对方的修改，这次没有保存；请先复制你的修改，点“重新打开”看最新内容后再改。`,
    );
}

/**
 * Writes a file atomically: a temporary file beside it, then a rename, so a reader (the dev
 * server, the build) never sees half a file. With `create`, refuses to replace an existing file.
 */
export function writeAtomic(full: string, data: string | Uint8Array, create = false): void {
  const temp = join(full, '..', `.${randomBytes(6).toString('hex')}.tmp`);
  writeFileSync(temp, data, { flag: 'wx' });
  try {
    if (create) {
      // A hard link fails if the name exists: no overwrite even if the file appeared just now.
      linkSync(temp, full);
      unlinkSync(temp);
    } else renameSync(temp, full);
  } catch (error) {
    if (existsSync(temp)) unlinkSync(temp);
    if ((error as { code?: string }).code === 'EEXIST')
      throw new DeskError(409, `${full.split(sep).slice(-2).join('/')} 已经存在，没有覆盖它`);
    throw error;
  }
}
