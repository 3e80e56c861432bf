// /directory import from Discord: the attached CSV checked and downloaded, its hosts looked up among the members,
// then imported in one go; row problems come back as a report naming each row and field.
import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { CSV_LIMITS } from '../../directory/directory.rules.js';
import { sayRef } from '../../i18n/translate.js';
import { invalid, isDomainError, msg } from '../../shared/errors.js';
import { decodeTextFile } from '../../shared/text-decode.js';
import type { InteractionContext } from '../command.js';
import { directoryImportHeaders } from '../csv-header.js';
import { membersAmong } from '../members.js';
import { reply } from '../respond.js';
import { renderImported, renderImportProblems } from './render.js';

export async function importFile(interaction: ChatInputCommandInteraction, ctx: InteractionContext) {
  const file = interaction.options.getAttachment('file', true);
  if (file.size > CSV_LIMITS.bytes) throw invalid('file', msg('directory.import.fileTooLarge'));
  const type = (file.contentType ?? '').split(';')[0]!.trim();
  if (!/\.csv$/i.test(file.name) && !['text/csv', 'text/plain', 'application/vnd.ms-excel'].includes(type)) {
    throw invalid('file', msg('directory.import.notCsvFile'));
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const response = await fetch(file.url);
  if (!response.ok) throw invalid('file', msg('directory.import.downloadFailed'));
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > CSV_LIMITS.bytes) throw invalid('file', msg('directory.import.fileTooLarge'));
  const { text, encoding } = decodeTextFile(bytes);
  const csv = { content: text, bytes: bytes.length, headers: directoryImportHeaders(ctx.say) };
  try {
    const members = await membersAmong(interaction.guild, ctx.services.directory.hostIdsInCsv(csv));
    const done = ctx.services.directory.importCsv(ctx.actor, csv, members);
    await reply(interaction, renderImported(ctx.say, done, encoding));
  } catch (error) {
    // Row problems are a report, even when there is only one: it names the row and the field.
    if (!isDomainError(error) || !error.problems.some((p) => p.field.startsWith('row '))) throw error;
    await reply(interaction, renderImportProblems(ctx.say, error.text ? sayRef(ctx.say, error.text) : error.message, error.problems));
  }
}
