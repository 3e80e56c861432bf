// The public face of the test bed: a Discord-compatible server on 127.0.0.1 (gateway v10 + REST) and a
// driver that acts as members. End-to-end tests, the shell and the benchmarks use only what is declared here.
//
// Additions to the first draft (all backwards compatible):
// - Driver.say(): a member posts a message.
// - index.ts also exports the error classes DriverRefusedError (the Discord client would not send this; its
//   message says why) and InteractionTimeoutError (no initial response within the deadline).
// - waitForMessage() also considers messages that already exist (newest first), so a reply that arrived just
//   before the call is found; write predicates that single out the message you expect.
// - GuildSetup.withoutBot: a guild where the app is installed for commands only (the bot is no member and never
//   gets GUILD_CREATE); Actor.member: interactions whose member object carries less than usual.
// - TestBedOptions.recordRequests / onRequest / onInitialResponse: for benchmarks (no unbounded `requests`, and
//   sub-millisecond timing of dispatch → initial response taken inside the bed).

/** A message as a member (or a test) sees it, whatever route created it. */
export interface MessageView {
  id: string;
  channelId: string;
  guildId: string | null;
  authorId: string;
  /** True when the bot wrote it (through REST or an interaction response). */
  fromBot: boolean;
  content: string;
  embeds: EmbedView[];
  /** Raw component tree (action rows) exactly as stored. */
  components: ComponentView[];
  attachments: AttachmentView[];
  flags: number;
  ephemeral: boolean;
  /** Only for ephemeral messages: the one member who can see it. */
  visibleTo: string | null;
  /** Reactions on the message, in the order they were first added. */
  reactions: { emoji: string; userIds: string[] }[];
  /** Whom this message actually pinged, given its content and allowed_mentions (what Discord would notify). */
  pings: PingView;
  /** Interaction id when the message is an interaction response or follow-up. */
  interactionId: string | null;
  createdAt: number;
  editedAt: number | null;
  /** The thread started from this message, if any. */
  threadId: string | null;
}

export interface PingView {
  everyone: boolean;
  here: boolean;
  users: string[];
  roles: string[];
}

export interface EmbedView {
  title?: string;
  description?: string;
  url?: string;
  color?: number;
  timestamp?: string;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
  author?: { name: string };
  [key: string]: unknown;
}

export interface ComponentView {
  type: number;
  components?: ComponentView[];
  custom_id?: string;
  label?: string;
  style?: number;
  url?: string;
  disabled?: boolean;
  options?: { label: string; value: string; description?: string }[];
  placeholder?: string;
  [key: string]: unknown;
}

export interface AttachmentView {
  id: string;
  filename: string;
  contentType: string | null;
  size: number;
  url: string;
  /** The file's bytes, kept by the test bed. */
  data: Buffer;
}

export interface ChannelView {
  id: string;
  guildId: string | null;
  name: string;
  /** Discord channel type: 0 text, 1 DM, 2 voice, 4 category, 5 announcement, 11/12 public/private thread, 13 stage, 15 forum. */
  type: number;
  parentId: string | null;
  archived?: boolean;
  locked?: boolean;
  /** Members of a private thread or the recipient of a DM. */
  memberIds: string[];
}

export interface ScheduledEventView {
  id: string;
  guildId: string;
  name: string;
  description: string | null;
  scheduledStartTime: string;
  scheduledEndTime: string | null;
  entityType: number;
  channelId: string | null;
  location: string | null;
  /** 1 scheduled, 2 active, 3 completed, 4 canceled */
  status: number;
}

export interface RecordedRequest {
  method: string;
  /** Path after /api/v10, e.g. /channels/123/messages */
  path: string;
  /** Path with ids replaced by :id, e.g. /channels/:id/messages: the unit for fault injection and reports. */
  route: string;
  status: number;
  body: unknown;
  at: number;
}

export interface GuildSetup {
  name: string;
  /** Username of the owner member (created). Default "owner". */
  owner?: string;
  /** Extra text channels besides general and announcements. */
  channels?: { name: string; type?: number }[];
  roles?: { name: string; permissions?: bigint | string; mentionable?: boolean }[];
  /**
   * The app was added with the applications.commands scope only: the bot is not a member, READY and GUILD_CREATE
   * leave the guild out and no other gateway event about it reaches the bot, but members' interactions do (as on
   * Discord); REST calls about it answer Unknown Guild / Missing Access.
   */
  withoutBot?: boolean;
  /** The server's language as Discord reports it (preferred_locale, guild_locale), e.g. "fr"; default en-US. */
  locale?: string;
}

export interface MemberSetup {
  username: string;
  /** Role names or ids. */
  roles?: string[];
  bot?: boolean;
  /** False: a DM to this member answers 50007 (they closed DMs from server members). Default true. */
  dmsOpen?: boolean;
}

export interface GuildHandle {
  id: string;
  ownerId: string;
  everyoneRoleId: string;
  /** Id of a channel by name (throws when unknown). */
  channel(name: string): string;
  role(name: string): string;
  /** User id of a member by username (throws when unknown). */
  member(username: string): string;
  addChannel(setup: { name: string; type?: number; parentId?: string }): string;
  addRole(setup: { name: string; permissions?: bigint | string; mentionable?: boolean }): string;
  /** Deletes a role (GUILD_ROLE_DELETE) and takes it from every member. */
  deleteRole(roleId: string): void;
  /** Creates a user and makes them a member; dispatches GUILD_MEMBER_ADD. Returns the user id. */
  addMember(setup: MemberSetup): string;
  /** Dispatches GUILD_MEMBER_REMOVE. */
  removeMember(userId: string): void;
  setMemberRoles(userId: string, roleIds: string[]): void;
  /** Deletes a channel (CHANNEL_DELETE); later requests to it answer 404 10003. */
  deleteChannel(channelId: string): void;
  /** Takes permissions (names such as 'SendMessages') away from the bot in a channel; requests then answer 403 50013. */
  denyBot(channelId: string, permissions: string[]): void;
  /**
   * Sets a channel's permission overwrite for a role (the guild id is @everyone) or a member, replacing any earlier
   * one (CHANNEL_UPDATE); permissions are computed as Discord does: @everyone, then the member's roles, then the member.
   */
  setOverwrite(channelId: string, targetId: string, change: { allow?: string[]; deny?: string[] }): void;
  /** Adds `count` plain members named member-1… quickly (for benchmarks); no dispatch per member. */
  addManyMembers(count: number, prefix?: string): string[];
}

/** What the test bed answers for an interaction and what came after it. */
export interface InteractionResult {
  interactionId: string;
  /** The initial callback: type 4 message, 5 deferred, 6 deferred update, 7 update, 8 autocomplete, 9 modal. */
  type: number;
  /** Raw callback data. */
  data: Record<string, unknown> | null;
  ephemeral: boolean;
  /** The reply a member ends up seeing: for type 4 at once, for type 5 once the bot edits @original (waits up to timeoutMs). */
  reply(timeoutMs?: number): Promise<MessageView>;
  /** Follow-up messages received so far. */
  followups(): MessageView[];
  /** For type 9: the modal the bot opened. */
  modal: { customId: string; title: string; fields: { customId: string; label: string; style: number; required: boolean; maxLength?: number; value?: string }[] } | null;
  /** For type 8: autocomplete choices. */
  choices: { name: string; value: string | number }[] | null;
  /** For types 6/7: the message after the update (waits for a type 6's later edit up to timeoutMs). */
  updated(timeoutMs?: number): Promise<MessageView>;
}

export interface Actor {
  guildId?: string;
  channelId: string;
  userId: string;
  /**
   * The interaction's `member` object. Default: every field. 'minimal': only what Discord documents as always
   * present (user with id, username, discriminator, global_name and avatar; roles; joined_at null, as for guests;
   * deaf, mute, flags; permissions), no nick, avatar, banner, pending, premium_since or timeout. 'stripped': also
   * without `roles` and `permissions` (beyond the documentation: shows whether the bot fails closed).
   */
  member?: 'minimal' | 'stripped';
  /** The member's Discord language (the interaction's `locale`), e.g. "es-ES"; default en-US. */
  locale?: string;
}

export interface CommandInput extends Actor {
  /** Top-level command name, e.g. "alliance". */
  name: string;
  group?: string;
  subcommand?: string;
  /**
   * Option values by name. Channels, users, roles as ids; attachments as { filename, content, contentType? }.
   * Values are checked against the registered definition (required, choices, min/max, lengths) as the Discord client would.
   */
  options?: Record<string, string | number | boolean | AttachmentInput>;
  /** Send even where the Discord client would not (default_member_permissions, DM contexts, option checks). */
  force?: boolean;
  /** Send from a DM (no guild). */
  dm?: boolean;
}

export interface AttachmentInput {
  filename: string;
  content: string | Buffer;
  contentType?: string;
}

export interface Driver {
  /** A slash command; resolves when the bot gave its initial response, rejects after 3 s without one. */
  command(input: CommandInput): Promise<InteractionResult>;
  /** Autocomplete with `focused` being typed; other options as in command(). */
  autocomplete(input: CommandInput & { focused: string }): Promise<{ name: string; value: string | number }[]>;
  /** Click a button on a message, found by custom id or by its label. */
  click(input: Actor & { messageId: string; customId?: string; label?: string; force?: boolean }): Promise<InteractionResult>;
  /** Pick values in a select menu on a message. */
  select(input: Actor & { messageId: string; customId?: string; values: string[] }): Promise<InteractionResult>;
  /**
   * Submit a modal the bot opened (from an InteractionResult of type 9); fields by their custom id. Addition:
   * `force` sends values the Discord client would not (longer than the field's maximum, a required field empty),
   * as a modified client might.
   */
  submitModal(input: Actor & { modal: NonNullable<InteractionResult['modal']>; values: Record<string, string>; messageId?: string; force?: boolean }): Promise<InteractionResult>;
  /** Send a raw component interaction with any custom id (tampered ids, foreign guilds). */
  rawComponent(input: Actor & { messageId: string; customId: string; componentType?: number; values?: string[] }): Promise<InteractionResult>;
  react(input: { channelId: string; messageId: string; userId: string; emoji: string }): void;
  unreact(input: { channelId: string; messageId: string; userId: string; emoji: string }): void;
  /**
   * Addition: a member posts a plain message (MESSAGE_CREATE reaches the bot; without the Message Content intent
   * the bot sees it blank unless it is mentioned, as on Discord). `replyTo` makes it a reply.
   */
  say(input: Actor & { content: string; replyTo?: string }): MessageView;
}

export interface FaultSpec {
  method?: string;
  /** Matches RecordedRequest.route (string equality) or path (RegExp). */
  route: string | RegExp;
  status: 429 | 500 | 502 | 503;
  /** For 429: seconds (fractional allowed). */
  retryAfter?: number;
  /** How many matching requests fail. Default 1. */
  times?: number;
}

export interface GatewayControl {
  /** Drops every bot connection without a close frame (like a network cut): discord.js resumes. */
  drop(): void;
  /** Sends op 7 Reconnect. */
  requestReconnect(): void;
  /** Resolves when a bot session is READY (or RESUMED after `since`). */
  waitForSession(timeoutMs?: number): Promise<void>;
  /** Number of IDENTIFY and RESUME received so far. */
  stats(): { identifies: number; resumes: number; connections: number };
}

export interface TestBedOptions {
  /** Port on 127.0.0.1; 0 picks a free one. */
  port?: number;
  /** Privileged intents the application has enabled in the "developer portal" (default: GuildMembers). */
  privilegedIntents?: ('GuildMembers' | 'GuildPresences' | 'MessageContent')[];
  /** The 3-second interaction deadline (ms). Tests keep Discord's 3000. */
  interactionDeadlineMs?: number;
  /** Keep every request in `requests` (default true). Long benchmarks turn it off; `onRequest` still sees each one. */
  recordRequests?: boolean;
  /** Called for every request once its status is known (count statuses without keeping requests). */
  onRequest?: (request: RecordedRequest) => void;
  /** Called when an interaction's initial response (callback) is accepted, with the bed-side timing. */
  onInitialResponse?: (timing: InitialResponseTiming) => void;
  /**
   * Shards the bed requires, as GET /gateway/bot recommends them (default 1). Each IDENTIFY names [id, count]; a
   * guild's events go to shard (guild_id >> 22) % count, DMs to shard 0, and a count below this one is closed 4011.
   */
  shards?: number;
  /**
   * Discord's wall clock in ms, for rules about the calendar (a scheduled event may not start in the past). In
   * production Discord and the bot read the same real time; a test that fakes the bot's clock passes the same one
   * here, or its dates would drift into the past as real days go by. Timings (the 3-second deadline, rate limits)
   * always use real time. Default: Date.now.
   */
  now?: () => number;
}

/** Dispatch of INTERACTION_CREATE → arrival of the accepted initial callback, measured with process.hrtime. */
export interface InitialResponseTiming {
  interactionId: string;
  /** 2 command, 3 component, 4 autocomplete, 5 modal submit. */
  interactionType: number;
  callbackType: number;
  data: Record<string, unknown> | null;
  /** Milliseconds with sub-millisecond resolution. */
  ms: number;
}

export interface TestBed {
  apiUrl: string;
  token: string;
  applicationId: string;
  botUserId: string;
  driver: Driver;
  gateway: GatewayControl;
  createGuild(setup: GuildSetup): GuildHandle;
  guild(id: string): GuildHandle;
  messages(channelId: string): MessageView[];
  message(messageId: string): MessageView | undefined;
  channel(channelId: string): ChannelView | undefined;
  /** DM channel between the bot and a user, if the bot opened one. */
  dmChannel(userId: string): ChannelView | undefined;
  scheduledEvents(guildId: string): ScheduledEventView[];
  /** Registered commands: global, or for a guild (raw definitions as PUT by the bot). */
  commands(guildId?: string): Record<string, unknown>[];
  /** Resolves with the first message (new or edited) matching the predicate; rejects after timeoutMs (default 5000). */
  waitForMessage(predicate: (message: MessageView) => boolean, timeoutMs?: number): Promise<MessageView>;
  requests: RecordedRequest[];
  /** Injects failures on the next matching requests. */
  fault(spec: FaultSpec): void;
  /** TCP connections the bed has accepted so far (REST and gateway): a client that keeps its connections alive opens few. */
  connectionsOpened(): number;
  close(): Promise<void>;
}
