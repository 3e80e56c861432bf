// Who is acting, as the domain needs to know it: the adapter fills it from the interaction, the domain decides.

export interface Actor {
  guildId: string;
  userId: string;
  /** Manage Server, or the alliance's organizer role: computed by the adapter from the member's permissions and roles. */
  isOrganizer: boolean;
  roleIds: readonly string[];
}
