import { existsSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import sharp from 'sharp';
import { bodyOf } from './body.ts';
import { publicDir } from './routes.ts';
import type { CheckContext } from './check.ts';
import { describeField } from './fields.ts';
import { listFiles } from '../utils/files.ts';

/** Formats astro:assets can turn into AVIF/WebP. */
export const supportedImage = /\.(jpe?g|png|webp|avif|gif|tiff?|svg)$/i;
/** Picture formats staff are likely to drop beside a file that the build cannot read. */
export const unsupportedImage = /\.(heic|heif|bmp|raw|cr2|nef|dng|psd|ico|jfif)$/i;

const isRemote = (url: string) => /^[a-z][a-z0-9+.-]*:|^\/\//i.test(url);

/**
 * Images: every image named in a body (Markdown image, <img>, a component's src, an import)
 * must exist; body images need alternative text; every photo in the content folders must be
 * a picture the build can read (sharp opens it and decodes a thumbnail).
 */
export async function checkImages(ctx: CheckContext): Promise<void> {
  const { problems, root } = ctx;
  const rel = (p: string) => relative(root, p).split(sep).join('/');
  /** Image files to open, with the first place that uses them. */
  const toOpen = new Map<string, { file: string; line: number | undefined; field: string }>();

  for (const entry of ctx.entries) {
    const dir = dirname(join(root, entry.file));
    const cover = entry.data['cover'];
    if (cover && typeof cover === 'object' && typeof (cover as { src?: unknown }).src === 'string') {
      const full = resolve(dir, (cover as { src: string }).src);
      const field = describeField(['cover', 'src']);
      const line = entry.yaml.lineOf(['cover', 'src']);
      if (existsSync(full)) toOpen.set(full, toOpen.get(full) ?? { file: entry.file, line, field });
    }
    const body = await bodyOf(entry, problems);
    for (const ref of body.references) {
      if (ref.kind === 'link' || isRemote(ref.url)) continue;
      const path = decodeURI(ref.url.split(/[?#]/)[0] ?? '');
      if (ref.kind === 'import' && !path.startsWith('.')) continue;
      if (ref.kind === 'import' && !supportedImage.test(path) && !unsupportedImage.test(path)) {
        if (!existsSync(resolve(dir, path)))
          problems.push({
            file: entry.file,
            line: ref.line,
            field: '（正文中的 import）',
            found: `"${ref.url}"（找不到这个文件）`,
            expected: '相对于本文件的正确路径',
          });
        continue;
      }
      const full = path.startsWith('/') ? join(publicDir, path) : resolve(dir, path);
      const field = '（正文中的图片）';
      if (/^<img\b/.test(ref.syntax) && !path.startsWith('/')) {
        // Only Markdown image syntax goes through astro:assets; a raw <img> keeps its relative path and breaks.
        problems.push({
          file: entry.file,
          line: ref.line,
          field,
          found: `用 <img src="${ref.url}"> 插入了照片`,
          expected: '用 Markdown 图片写法 ![说明](./照片名.jpg)，照片才会被压缩并在网页上显示',
        });
        continue;
      }
      if (!existsSync(full)) {
        const beside = listFiles(dir)
          .filter((f) => supportedImage.test(f))
          .map((f) => `./${relative(dir, f).split(sep).join('/')}`);
        problems.push({
          file: entry.file,
          line: ref.line,
          field,
          found: `${ref.syntax} 中的 "${ref.url}"（找不到这个文件）`,
          expected: path.startsWith('/')
            ? `public${path} 这个文件`
            : '与本文件放在同一文件夹的照片，写成 ./照片名.jpg（文件名要完全一致，包括大小写和扩展名）',
          suggestion: beside.length > 0 ? `这个文件夹里有：${beside.slice(0, 6).join('、')}` : undefined,
        });
        continue;
      }
      if (ref.kind === 'image' && ref.alt !== undefined && ref.alt.trim() === '') {
        problems.push({
          file: entry.file,
          line: ref.line,
          field: '（正文中的图片说明）',
          found: `${ref.syntax} 中的 "${ref.url}" 没有说明文字`,
          expected: '写清照片内容的说明，例如 ![党员在讲习所听课](./jiangxi.jpg)',
          suggestion: '说明文字供读屏软件朗读，也在图片无法显示时出现',
        });
      }
      toOpen.set(full, toOpen.get(full) ?? { file: entry.file, line: ref.line, field });
    }
  }

  // Every photo kept beside the content, used or not, must open: staff drop them here first.
  for (const collection of ['cases', 'halls', 'routes']) {
    for (const full of listFiles(join(root, 'content', collection))) {
      if (supportedImage.test(full) || unsupportedImage.test(full))
        toOpen.set(full, toOpen.get(full) ?? { file: rel(full), line: undefined, field: '（照片文件）' });
    }
  }

  for (const [full, use] of toOpen) {
    const name = rel(full);
    const usedBy = use.file === name ? '' : ` 被 ${use.file}${use.line ? ` 第 ${use.line} 行` : ''} 使用`;
    const problem = await pictureProblem(full, usedBy);
    if (problem) problems.push({ file: name, field: use.field, ...problem });
  }
}

/**
 * What is wrong with a photo file, in the words staff see: a format the build cannot read, or
 * a file that does not open. `usedBy` is added to what was found. Undefined when it is fine.
 */
export async function pictureProblem(
  full: string,
  usedBy = '',
): Promise<{ found: string; expected: string; suggestion: string } | undefined> {
  if (unsupportedImage.test(full))
    return {
      found: `${extname(full).slice(1).toUpperCase()} 格式的照片${usedBy}`,
      expected: '照片格式为 JPG、PNG、WebP 或 AVIF',
      suggestion: '在手机或电脑上把照片导出（另存）为 JPG，再放回这个文件夹',
    };
  if (!supportedImage.test(full)) return undefined;
  const error = await decodeError(full);
  if (error === undefined) return undefined;
  return {
    found: `无法读取这张图片${usedBy}（${error}）`,
    expected: '一张完整的 JPG、PNG、WebP 或 AVIF 照片',
    suggestion: '文件可能已损坏、没有传完整，或扩展名与实际格式不符；请重新导出或重新复制这张照片',
  };
}

/**
 * Decoded photos by path, with the size and time of the file when it was decoded: a
 * long-running checker (the dev server, the 编辑台) checks again on every save, and decoding
 * every phone photo each time takes seconds.
 */
const decoded = new Map<string, { stamp: string; error: string | undefined }>();

/** Why sharp cannot read a photo, or undefined when it can. */
async function decodeError(full: string): Promise<string | undefined> {
  const { size, mtimeMs } = statSync(full);
  const stamp = `${size}:${mtimeMs}`;
  const known = decoded.get(full);
  if (known?.stamp === stamp) return known.error;
  let error: string | undefined;
  try {
    const meta = await sharp(full).metadata();
    // Decoding a small thumbnail finds a truncated or damaged photo; JPEGs shrink while loading, so this is fast.
    if (meta.format !== 'svg') await sharp(full, { failOn: 'truncated' }).resize(64).toBuffer();
  } catch (e) {
    error = (e as Error).message;
  }
  decoded.set(full, { stamp, error });
  return error;
}
