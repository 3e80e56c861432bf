// Options shared by /space and /directory: the profile options, reading them, and every autocomplete where a
// member types a space, city, country or tag.
import type { AutocompleteInteraction, ChatInputCommandInteraction, SlashCommandSubcommandBuilder } from 'discord.js';
import type { ProfileInput } from '../../directory/directory.rules.js';
import { LIMITS } from '../../directory/directory.rules.js';
import type { RegistrationOptions } from '../../directory/directory.service.js';
import { countryNameIn } from '../../i18n/places.js';
import type { InteractionContext } from '../command.js';
import { truncate } from '../format.js';
import { countryIn } from './render.js';

/** The short profile fields as slash options; `required` for register, all optional for edit. */
export function addProfileOptions(s: SlashCommandSubcommandBuilder, required: boolean): SlashCommandSubcommandBuilder {
  const clear = required ? '' : ' (- clears)';
  return s
    .addStringOption((o) => o.setName('name').setDescription('The space’s name').setRequired(required).setMaxLength(LIMITS.name))
    .addStringOption((o) => o.setName('city').setDescription('City (pick from the list)').setRequired(required).setAutocomplete(true).setMaxLength(LIMITS.city))
    .addStringOption((o) => o.setName('country').setDescription('Country: ISO code or English name').setRequired(required).setAutocomplete(true).setMaxLength(LIMITS.country))
    .addStringOption((o) => o.setName('region').setDescription(`State, province or region${clear}`).setMaxLength(LIMITS.region))
    .addIntegerOption((o) => o.setName('desks').setDescription(`Desks, ${LIMITS.minDesks}-${LIMITS.maxDesks}`).setMinValue(LIMITS.minDesks).setMaxValue(LIMITS.maxDesks))
    .addStringOption((o) => o.setName('website').setDescription(`Web address, http:// or https://${clear}`).setMaxLength(LIMITS.website))
    .addStringOption((o) => o.setName('day-pass').setDescription(`Price or terms, e.g. "$25, alliance pass accepted"${clear}`).setMaxLength(LIMITS.dayPass))
    .addStringOption((o) => o.setName('tags').setDescription(`Comma-separated, e.g. bipoc-owned,coworking,childcare${clear}`).setAutocomplete(true).setMaxLength(400))
    .addNumberOption((o) => o.setName('latitude').setDescription('Optional; otherwise the city’s').setMinValue(-90).setMaxValue(90))
    .addNumberOption((o) => o.setName('longitude').setDescription('Optional; otherwise the city’s').setMinValue(-180).setMaxValue(180));
}

/** The profile options the member gave ("-" clears an optional text on edit); absent ones are left out. */
export function readProfileOptions(interaction: ChatInputCommandInteraction): Partial<ProfileInput> {
  const o = interaction.options;
  const text = (name: string) => {
    const value = o.getString(name);
    return value === null ? undefined : value.trim() === '-' ? '' : value;
  };
  const input: Partial<ProfileInput> = {
    name: text('name'),
    city: text('city'),
    country: text('country'),
    region: text('region'),
    desks: o.getInteger('desks') ?? undefined,
    website: text('website'),
    dayPass: text('day-pass'),
    tags: text('tags'),
    latitude: o.getNumber('latitude') ?? undefined,
    longitude: o.getNumber('longitude') ?? undefined,
  };
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<ProfileInput>;
}

/** /space register's options: name, city and country are required options (empty only from a client that skipped them). */
export function readRegistrationOptions(interaction: ChatInputCommandInteraction): RegistrationOptions {
  const profile = readProfileOptions(interaction);
  return { ...profile, name: profile.name ?? '', city: profile.city ?? '', country: profile.country ?? '' };
}

type Choice = { name: string; value: string | number };
const choice = (name: string, value: string | number): Choice => ({ name: truncate(name, 100) || '?', value });

/**
 * Spaces for a `space` option. `managed`: the caller's own spaces (pending too), and for organizers every approved
 * space after them; `listed`: the caller's own, then every approved space.
 */
function spaceChoices(ctx: InteractionContext, typed: string, mode: 'managed' | 'listed'): Choice[] {
  const dir = ctx.services.directory;
  const own = dir.spaceAutocomplete(ctx.actor.guildId, typed, { hostedBy: ctx.actor.userId });
  const others = mode === 'listed' || ctx.actor.isOrganizer ? dir.spaceAutocomplete(ctx.actor.guildId, typed) : [];
  const seen = new Set<number>();
  return [...own, ...others]
    .filter((s) => !seen.has(s.id) && seen.add(s.id))
    .slice(0, 25)
    .map((s) => choice(`${s.name} · ${s.city}`, s.id));
}

/** Answers every directory autocomplete by the focused option's name. */
export async function respondDirectoryOption(interaction: AutocompleteInteraction, ctx: InteractionContext, spaceMode: 'managed' | 'listed' = 'listed'): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const typed = String(focused.value).slice(0, 100);
  const dir = ctx.services.directory;
  const guildId = ctx.actor.guildId;
  const inLanguage = (code: string) => countryNameIn(ctx.language, code);
  let choices: Choice[] = [];
  if (focused.name === 'space') choices = spaceChoices(ctx, typed, spaceMode);
  else if (focused.name === 'place' || (focused.name === 'city' && interaction.commandName === 'space')) {
    const country = interaction.options.getString('country') ?? undefined;
    choices = dir.placeAutocomplete(typed, country, inLanguage).map((p) => choice(p.label, p.value));
  } else if (focused.name === 'city') choices = dir.directoryCityAutocomplete(guildId, typed, inLanguage).map((c) => choice(c.label, c.value));
  else if (focused.name === 'country') {
    // Countries named in the member's language ("Alemania (DE)"); typing works in English, Spanish or French.
    const named = (c: { value: string; label: string }) => (ctx.language === 'en' ? c.label : `${countryIn(ctx.language, c.value, c.label)} (${c.value})`);
    choices = dir.countryAutocomplete(typed).map((c) => choice(named(c), c.value));
  }
  else if (focused.name === 'tags' || focused.name === 'tag') choices = dir.tagAutocomplete(guildId, typed).map((t) => choice(t.label, t.value));
  await interaction.respond(choices.slice(0, 25));
}
