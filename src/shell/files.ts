// Files the bot sends (exports, /privacy export) saved into the shell's folder, so a person can open them; each
// attachment is written once, under its own name (a number added when another file already has that name).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { AttachmentView } from '../testbed/types.js';

export interface FileSaver {
  /** The path of the saved attachment (written the first time it is seen). */
  save(attachment: AttachmentView): string;
}

export function createFileSaver(dir: string): FileSaver {
  const saved = new Map<string, string>();
  return {
    save(attachment) {
      const known = saved.get(attachment.id);
      if (known) return known;
      mkdirSync(dir, { recursive: true });
      const safe = attachment.filename.replace(/[/\\\0]/g, '_') || 'file';
      const ext = extname(safe);
      const stem = safe.slice(0, safe.length - ext.length);
      let path = join(dir, safe);
      for (let n = 2; existsSync(path); n++) path = join(dir, `${stem}-${n}${ext}`);
      writeFileSync(path, attachment.data);
      saved.set(attachment.id, path);
      return path;
    },
  };
}
