// Directory use cases for space profiles: register (options, then the modal), edit, remove, approval, hosts,
// member links; plus the read models other features build on (locality, hosted spaces, approved spaces).
import type { AlliancesService } from '../alliances/alliances.service.js';
import type { Actor } from '../shared/actor.js';
import type { Clock } from '../shared/clock.js';
import { DAY } from '../shared/clock.js';
import { conflict, forbidden, invalid, invalidFields, msg, notFound, type FieldProblem } from '../shared/errors.js';
import { countryName } from './countries.js';
import {
  canManage,
  issuesToProblems,
  parseTags,
  profileColumns,
  profileSchema,
  type ProfileFields,
  type ProfileInput,
} from './directory.rules.js';
import type { DirectoryRepo, SpacePatch, SpaceRow } from './directory.repo.js';
import type { Gazetteer } from './gazetteer.js';
import { resolvePlace, type ResolvedPlace } from './place.js';
import { foldKey } from './text.rules.js';

export interface SpaceProfile {
  id: number;
  guildId: string;
  name: string;
  city: string;
  region: string | null;
  country: string;
  countryName: string;
  latitude: number;
  longitude: number;
  desks: number | null;
  website: string | null;
  dayPass: string | null;
  tags: string[];
  description: string | null;
  hours: string | null;
  contact: string | null;
  accessibility: string | null;
  status: 'pending' | 'approved';
  createdBy: string;
  createdAt: number;
  approvedAt: number | null;
  hosts: string[];
  /** Members linked to the space (approved by a host). */
  members: string[];
}

/** The long fields the registration modal collects. */
export type ModalFields = Pick<ProfileInput, 'description' | 'hours' | 'contact' | 'accessibility'>;
export type RegistrationOptions = Omit<ProfileInput, keyof ModalFields>;
/** What a host or organizer does to a space, for the sentence that refuses anyone else. */
type ManageAction = 'edit' | 'remove' | 'hosts' | 'members';

const DRAFT_TTL = DAY;

export interface DirectoryDeps {
  repo: DirectoryRepo;
  alliances: Pick<AlliancesService, 'settings'>;
  gazetteer: () => Gazetteer;
  clock: Clock;
}

/** A checked profile: zod shape, tags and place; every problem reported at once. */
export function checkProfile(
  gazetteer: Gazetteer,
  input: ProfileInput,
  prefix = '',
): { fields: ProfileFields; tags: string[]; place: ResolvedPlace } | FieldProblem[] {
  const parsed = profileSchema.safeParse(input);
  if (!parsed.success) return issuesToProblems(parsed.error.issues, prefix);
  const { tags, problems } = parseTags(parsed.data.tags ?? '', `${prefix}tags`);
  const place = resolvePlace(gazetteer, parsed.data, prefix);
  if (Array.isArray(place)) problems.push(...place);
  if (problems.length || Array.isArray(place)) return problems;
  return { fields: parsed.data, tags, place };
}

export function createSpacesService(deps: DirectoryDeps) {
  const { repo, alliances, gazetteer, clock } = deps;
  const now = () => clock.now().getTime();

  function profile(row: SpaceRow): SpaceProfile {
    return {
      id: row.id,
      guildId: row.guildId,
      name: row.name,
      city: row.city,
      region: row.region,
      country: row.country,
      countryName: countryName(row.country),
      latitude: row.latitude,
      longitude: row.longitude,
      desks: row.desks,
      website: row.website,
      dayPass: row.dayPass,
      tags: row.tags ? row.tags.split(' ') : [],
      description: row.description,
      hours: row.hours,
      contact: row.contact,
      accessibility: row.accessibility,
      status: row.status,
      createdBy: row.createdBy,
      createdAt: row.createdAt,
      approvedAt: row.approvedAt,
      hosts: repo.hosts(row.guildId, row.id),
      members: repo.members(row.guildId, row.id).filter((m) => m.status === 'approved').map((m) => m.userId),
    };
  }

  function load(guildId: string, spaceId: number): SpaceRow {
    const row = repo.get(guildId, spaceId);
    if (!row) throw notFound(msg('directory.space.notFound'));
    return row;
  }

  /** Loads a space the actor may change: its hosts, or any organizer (`action` names the refusal's verb). */
  function loadManaged(actor: Actor, spaceId: number, action: ManageAction): SpaceRow {
    const row = load(actor.guildId, spaceId);
    if (!canManage(actor, repo.hosts(actor.guildId, spaceId))) {
      throw forbidden(msg('directory.space.onlyHosts', { action, name: row.name }));
    }
    return row;
  }

  function assertNameFree(guildId: string, name: string, cityKey: string, city: string, selfId?: number): void {
    const existing = repo.findByNameInCity(guildId, cityKey, foldKey(name));
    if (existing && existing.id !== selfId) {
      throw invalid('name', msg('directory.space.nameTaken', { name: existing.name, city }));
    }
  }

  function checked(input: ProfileInput) {
    const result = checkProfile(gazetteer(), input);
    if (Array.isArray(result)) throw invalidFields(result);
    return result;
  }

  function register(actor: Actor, input: ProfileInput): { space: SpaceProfile; needsApproval: boolean } {
    const { fields, tags, place } = checked(input);
    assertNameFree(actor.guildId, fields.name, place.cityKey, place.city);
    const needsApproval = alliances.settings(actor.guildId).directoryApproval;
    const at = now();
    const row = repo.transaction(() =>
      repo.insert(
        {
          guildId: actor.guildId,
          ...profileColumns(fields),
          ...place,
          status: needsApproval ? 'pending' : 'approved',
          createdBy: actor.userId,
          createdAt: at,
          updatedAt: at,
          approvedAt: needsApproval ? null : at,
        },
        tags,
        [actor.userId],
      ),
    );
    return { space: profile(row), needsApproval };
  }

  return {
    profile,
    register,

    /** Step 1 of /space register: checks the options now (errors before the modal) and parks them for step 2. */
    prepareRegistration(actor: Actor, options: RegistrationOptions): { draftId: number; name: string; city: string } {
      const { fields, place } = checked(options);
      assertNameFree(actor.guildId, fields.name, place.cityKey, place.city);
      repo.purgeStash(now() - 30 * DAY);
      const draftId = repo.stash(actor.guildId, 'register', actor.userId, { ...options }, now());
      return { draftId, name: fields.name, city: place.city };
    },

    /** Step 2: the modal's long fields join the parked options and the space is registered. */
    completeRegistration(actor: Actor, draftId: number, modal: ModalFields, publicListing = false) {
      const draft = repo.unstash(actor.guildId, 'register', draftId);
      if (!draft || draft.userId !== actor.userId) {
        throw notFound(msg('directory.space.formExpired'));
      }
      const result = repo.transaction(() => {
        const registered = register(actor, { ...(draft.params as RegistrationOptions), ...modal });
        // The form's public-page question: the host's consent, stored with the listing.
        if (publicListing) repo.update(actor.guildId, registered.space.id, { publicListing: true });
        return registered;
      });
      repo.dropStash(actor.guildId, draftId);
      return result;
    },

    /** The profile for /space show; pending ones only for their hosts and organizers. */
    show(actor: Actor, spaceId: number): SpaceProfile {
      const row = load(actor.guildId, spaceId);
      if (row.status !== 'approved' && !canManage(actor, repo.hosts(actor.guildId, spaceId))) {
        throw notFound(msg('directory.space.notListed'));
      }
      return profile(row);
    },

    edit(actor: Actor, spaceId: number, patch: Partial<ProfileInput>): SpaceProfile {
      const row = loadManaged(actor, spaceId, 'edit');
      const placeChanged = ['city', 'country', 'region', 'latitude', 'longitude'].some((key) => key in patch);
      const cityChanged = 'city' in patch || 'country' in patch;
      const merged: ProfileInput = {
        name: row.name,
        city: row.placeId !== null ? String(row.placeId) : row.city,
        country: row.country,
        region: row.region,
        desks: row.desks,
        website: row.website,
        dayPass: row.dayPass,
        tags: row.tags.split(' ').join(','),
        latitude: cityChanged ? null : row.latitude,
        longitude: cityChanged ? null : row.longitude,
        description: row.description,
        hours: row.hours,
        contact: row.contact,
        accessibility: row.accessibility,
        ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)),
      };
      const { fields, tags, place } = checked(merged);
      assertNameFree(actor.guildId, fields.name, place.cityKey, place.city, row.id);
      const update: SpacePatch = {
        ...profileColumns(fields),
        updatedAt: now(),
        ...(placeChanged ? place : {}),
      };
      repo.transaction(() => repo.update(actor.guildId, row.id, update, 'tags' in patch ? tags : undefined));
      return profile(load(actor.guildId, row.id));
    },

    remove(actor: Actor, spaceId: number): SpaceProfile {
      const row = loadManaged(actor, spaceId, 'remove');
      const removed = profile(row);
      repo.delete(actor.guildId, row.id);
      return removed;
    },

    pending(actor: Actor): SpaceProfile[] {
      if (!actor.isOrganizer) throw forbidden(msg('directory.pending.organizersOnly'));
      return repo.byStatus(actor.guildId, 'pending').map(profile);
    },

    /** Organizers approve a pending listing; the adapter then posts the welcome. */
    approve(actor: Actor, spaceId: number): SpaceProfile {
      if (!actor.isOrganizer) throw forbidden(msg('directory.approval.organizersOnlyApprove'));
      const row = load(actor.guildId, spaceId);
      if (row.status === 'approved') throw conflict(msg('directory.approval.alreadyApproved', { name: row.name }));
      const at = now();
      repo.update(actor.guildId, row.id, { status: 'approved', approvedAt: at, approvedBy: actor.userId, updatedAt: at });
      return profile(load(actor.guildId, row.id));
    },

    /** Rejecting removes the listing (the host may register again); returns it so the registrant can be told. */
    reject(actor: Actor, spaceId: number): SpaceProfile {
      if (!actor.isOrganizer) throw forbidden(msg('directory.approval.organizersOnlyReject'));
      const row = load(actor.guildId, spaceId);
      if (row.status === 'approved') throw conflict(msg('directory.approval.rejectApproved', { name: row.name }));
      const rejected = profile(row);
      repo.delete(actor.guildId, row.id);
      return rejected;
    },

    addHost(actor: Actor, spaceId: number, userId: string): SpaceProfile {
      const row = loadManaged(actor, spaceId, 'hosts');
      if (repo.hosts(actor.guildId, spaceId).includes(userId)) throw conflict(msg('space.hosts.alreadyHost', { user: `<@${userId}>`, name: row.name }));
      repo.transaction(() => {
        repo.addHost(actor.guildId, spaceId, userId, now());
        // A host is no longer a pending or linked member of the same space.
        repo.removeLink(actor.guildId, spaceId, userId);
      });
      return profile(row);
    },

    removeHost(actor: Actor, spaceId: number, userId: string): SpaceProfile {
      const row = loadManaged(actor, spaceId, 'hosts');
      const hosts = repo.hosts(actor.guildId, spaceId);
      if (!hosts.includes(userId)) throw invalid('user', msg('space.hosts.notHost', { user: `<@${userId}>`, name: row.name }));
      if (hosts.length === 1) throw conflict(msg('space.hosts.onlyHost', { user: `<@${userId}>`, name: row.name }));
      repo.removeHost(actor.guildId, spaceId, userId);
      return profile(row);
    },

    /** /space join: a member asks to be linked to the space they work from; its hosts decide. */
    requestJoin(actor: Actor, spaceId: number): SpaceProfile {
      const row = load(actor.guildId, spaceId);
      if (row.status !== 'approved') throw notFound(msg('space.join.notYetListed'));
      if (repo.hosts(actor.guildId, spaceId).includes(actor.userId)) throw conflict(msg('space.join.youHost', { name: row.name }));
      const link = repo.linksOf(actor.guildId, actor.userId).find((l) => l.spaceId === spaceId);
      if (link?.status === 'approved') throw conflict(msg('space.join.alreadyLinked', { name: row.name }));
      if (link) throw conflict(msg('space.join.alreadyAsked', { name: row.name }));
      repo.requestLink(actor.guildId, spaceId, actor.userId, now());
      return profile(row);
    },

    /** A host (or organizer) approves or declines; approving replaces the member’s previous space. */
    decideJoin(actor: Actor, spaceId: number, userId: string, approve: boolean): { space: SpaceProfile; userId: string; approved: boolean } {
      const row = loadManaged(actor, spaceId, 'members');
      const link = repo.linksOf(actor.guildId, userId).find((l) => l.spaceId === spaceId);
      if (!link) throw notFound(msg('space.join.requestGone'));
      if (link.status === 'approved') throw conflict(msg('space.join.memberAlreadyLinked', { user: `<@${userId}>`, name: row.name }));
      repo.transaction(() => {
        if (!approve) return repo.removeLink(actor.guildId, spaceId, userId);
        for (const other of repo.linksOf(actor.guildId, userId)) {
          if (other.spaceId !== spaceId) repo.removeLink(actor.guildId, other.spaceId, userId);
        }
        repo.approveLink(actor.guildId, spaceId, userId, now());
      });
      return { space: profile(row), userId, approved: approve };
    },

    /** A member unlinks themself from a space. */
    leave(actor: Actor, spaceId: number): SpaceProfile {
      const row = load(actor.guildId, spaceId);
      if (!repo.linksOf(actor.guildId, actor.userId).some((l) => l.spaceId === spaceId)) {
        throw notFound(msg('space.join.notLinked', { name: row.name }));
      }
      repo.removeLink(actor.guildId, spaceId, actor.userId);
      return profile(row);
    },

    /** The approved space a member works from: their linked space, else the first they host. */
    memberLocality(guildId: string, userId: string) {
      const linked = repo
        .linksOf(guildId, userId)
        .filter((l) => l.status === 'approved')
        .map((l) => repo.get(guildId, l.spaceId));
      const hosted = repo.hostedBy(guildId, userId);
      const space = [...linked, ...hosted].find((s) => s?.status === 'approved');
      if (!space) return null;
      return { spaceId: space.id, spaceName: space.name, city: space.city, region: space.region, country: space.country };
    },

    /** memberLocality for many members in two queries (members without an approved space are left out). */
    memberLocalities(guildId: string, userIds: readonly string[]) {
      const { linked, hosted } = repo.approvedSpacesOf(guildId, userIds);
      const found = new Map<string, { spaceId: number; spaceName: string; city: string; region: string | null; country: string }>();
      for (const { userId, ...place } of [...linked, ...hosted]) if (!found.has(userId)) found.set(userId, place);
      return found;
    },

    spacesHostedBy(guildId: string, userId: string): { id: number; name: string }[] {
      return repo
        .hostedBy(guildId, userId)
        .filter((s) => s.status === 'approved')
        .map((s) => ({ id: s.id, name: s.name }));
    },

    /** One approved space with its hosts (the pass and leads features ask), or null. */
    approvedSpace(guildId: string, spaceId: number): { id: number; name: string; hostUserIds: string[] } | null {
      const row = repo.get(guildId, spaceId);
      return row && row.status === 'approved' ? { id: row.id, name: row.name, hostUserIds: repo.hosts(guildId, spaceId) } : null;
    },

    approvedSpaces(guildId: string): { id: number; name: string; hostUserIds: string[] }[] {
      return repo.approvedWithHosts(guildId);
    },

    /** Privacy preview: spaces removeMemberData would delete (hosted alone) and those the member only leaves. */
    memberSpaces(guildId: string, userId: string): { removed: { id: number; name: string }[]; left: { id: number; name: string }[] } {
      const removed: { id: number; name: string }[] = [];
      const left: { id: number; name: string }[] = [];
      for (const space of repo.hostedBy(guildId, userId)) {
        (repo.hosts(guildId, space.id).length === 1 ? removed : left).push({ id: space.id, name: space.name });
      }
      return { removed, left };
    },

    /** Privacy: unlink the member everywhere, drop them as co-host, remove spaces they host alone. */
    /** `removedListed` names the approved spaces that left the directory, for the organizers' notice. */
    removeMemberData(guildId: string, userId: string): { removedSpaceIds: number[]; leftSpaceIds: number[]; removedListed: string[] } {
      const removedSpaceIds: number[] = [];
      const leftSpaceIds: number[] = [];
      const removedListed: string[] = [];
      repo.transaction(() => {
        repo.removeLinksOf(guildId, userId);
        for (const space of repo.hostedBy(guildId, userId)) {
          if (repo.hosts(guildId, space.id).length === 1) {
            repo.delete(guildId, space.id);
            removedSpaceIds.push(space.id);
            if (space.status === 'approved') removedListed.push(space.name);
          } else {
            repo.removeHost(guildId, space.id, userId);
            leftSpaceIds.push(space.id);
          }
        }
      });
      return { removedSpaceIds, leftSpaceIds, removedListed };
    },
  };
}

export type SpacesService = ReturnType<typeof createSpacesService>;
