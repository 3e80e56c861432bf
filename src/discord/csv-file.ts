// A CSV export as a Discord attachment, in UTF-8 with a byte order mark: without the mark Excel (what most
// organizers open exports in) reads the file as Windows-1252 and shows "MontrÃ©al". /directory import drops it again.
import { AttachmentBuilder } from 'discord.js';

const BYTE_ORDER_MARK = '\uFEFF';

export function csvFile(content: string, name: string): AttachmentBuilder {
  return new AttachmentBuilder(Buffer.from(BYTE_ORDER_MARK + content, 'utf8'), { name });
}
