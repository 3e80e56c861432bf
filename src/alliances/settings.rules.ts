// What /alliance setup's options are called and which of them an input really changes: pure, so the command can
// say "Nothing changed" without a service call.

/** Member-facing option names for each settings field, so errors name what the organizer typed. */
export const SETTINGS_OPTION_NAMES = {
  timezone: 'timezone',
  announcementsChannelId: 'announcements',
  organizersChannelId: 'organizers-channel',
  organizerRoleId: 'organizer-role',
  proposalsChannelId: 'proposals-channel',
  meetingsChannelId: 'meetings-channel',
  directoryApproval: 'directory-approval',
  ideaQuota: 'idea-quota',
  agendaQuota: 'agenda-quota',
  publicPage: 'public-page',
  publicSlug: 'public-slug',
  language: 'language',
} as const;

export type SettingsField = keyof typeof SETTINGS_OPTION_NAMES;

/**
 * The settings an input would really change (an alliance not set up yet changes with any option given), so
 * /alliance setup never says "Saved" for a no-op.
 */
export function changedSettings(
  current: { configured: boolean } & { [K in SettingsField]: unknown },
  input: { [K in SettingsField]?: unknown },
): SettingsField[] {
  const given = (Object.keys(SETTINGS_OPTION_NAMES) as SettingsField[]).filter((key) => input[key] !== undefined);
  if (!current.configured) return given;
  return given.filter((key) => (typeof input[key] === 'string' ? String(input[key]).trim() : input[key]) !== current[key]);
}
