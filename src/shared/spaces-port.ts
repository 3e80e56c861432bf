// The directory's spaces as other features (pass, leads) need them: approved spaces and who hosts them.

export interface SpacesLookup {
  approvedSpace(guildId: string, spaceId: number): { id: number; name: string; hostUserIds: string[] } | null;
  spacesHostedBy(guildId: string, userId: string): { id: number; name: string }[];
}
