// The language to write to a member outside an interaction (a DM from a scheduled job, a host asked to let someone
// join): the one they last used the bot in, remembered per alliance; else the alliance's, which everyone reads.
import { sayIn, type Say } from '../i18n/translate.js';
import type { Language } from '../shared/languages.js';
import type { BotContext } from './command.js';
import { publicLanguageOf } from './language.js';

export function memberLanguage(ctx: BotContext, guildId: string, userId: string): Language {
  return ctx.services.memberLanguages.languageOf(guildId, userId) ?? publicLanguageOf(ctx.client, ctx.services.alliances.settings(guildId), guildId);
}

/** What a member reads outside an interaction, in `memberLanguage`. */
export function sayTo(ctx: BotContext, guildId: string, userId: string): { say: Say; language: Language } {
  const language = memberLanguage(ctx, guildId, userId);
  return { say: sayIn(language), language };
}
