/**
 * The content check's verdict handed from the publishing build to Astro's process
 * (src/integrations/content-verdict.ts): Astro's hook waits for it, reads it whole, and a check
 * that never answers stops the build with a Chinese line instead of waiting for ever.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { awaitVerdict, writeVerdict } from '../../src/integrations/content-verdict.ts';
import { tempSite } from './temp-files.ts';

describe('the content verdict', () => {
  it('is waited for, then read whole', async () => {
    const file = join(tempSite({}), 'verdict.json');
    const verdict = { notes: '提示', entries: 3, drafts: ['content/cases/a.md'], report: '' };
    setTimeout(() => writeVerdict(file, verdict), 50);
    expect(existsSync(file)).toBe(false);
    await expect(awaitVerdict(file)).resolves.toEqual(verdict);
    // Written beside, then renamed: nothing but the verdict is left.
    expect(readdirSync(dirname(file))).toEqual(['verdict.json']);
  });

  it('stops the build when no verdict comes in time', async () => {
    const file = join(tempSite({}), 'verdict.json');
    const { report } = await awaitVerdict(file, 30);
    expect(report).toMatch(/^✖ 内容检查没有在规定时间内完成，构建已停止。$/);
  });
});
