// What /space and /directory say back in sentences (beyond embeds): confirmations, decisions and the DMs that tell
// a member how their listing or request went, each whole sentence from the catalogue in the reader's language.
import type { Say } from '../../i18n/translate.js';
import { escapeMarkdown, userMention } from '../format.js';
import type { Announced, Asked } from './publish.js';

/** The registrant's answer: registered, and whether it is listed now or waits for organizers (and where). */
export function registeredText(say: Say, spaceName: string, needsApproval: boolean, announced: Announced): string {
  const name = escapeMarkdown(spaceName);
  if (!needsApproval || announced.kind === 'listed') return say('space.register.listed', { name });
  if (announced.kind === 'asked') return say('space.register.pendingAsked', { name, channel: `<#${announced.channelId}>` });
  return say('space.register.pendingNoChannel', { name });
}

export function joinAskedText(say: Say, spaceName: string, asked: Asked): string {
  const name = escapeMarkdown(spaceName);
  if (asked.kind === 'dm') return say('space.join.askedByDm', { name });
  if (asked.kind === 'channel') return say('space.join.askedInChannel', { name, channel: `<#${asked.channelId}>` });
  return say('space.join.askedLater', { name });
}

export function hostsChangedText(say: Say, added: boolean, userId: string, spaceName: string): string {
  const values = { user: userMention(userId), name: escapeMarkdown(spaceName) };
  return added ? say('space.hosts.added', values) : say('space.hosts.removed', values);
}

/** A host's decision on a join request: what the host sees, and the DM the member gets. */
export function joinDecidedText(say: Say, approved: boolean, userId: string, spaceName: string): string {
  const values = { user: userMention(userId), name: escapeMarkdown(spaceName) };
  return approved ? say('space.join.approvedNotice', values) : say('space.join.declinedNotice', values);
}

export function joinDecidedDm(say: Say, approved: boolean, spaceName: string): string {
  const name = escapeMarkdown(spaceName);
  return approved ? say('space.join.approvedDm', { name }) : say('space.join.declinedDm', { name });
}

/** An organizer's decision on a pending space: what replaces the notice, and the DM to whoever registered it. */
export function approvalDecidedText(say: Say, approved: boolean, spaceName: string, organizerId: string): string {
  const values = { name: escapeMarkdown(spaceName), user: userMention(organizerId) };
  return approved ? say('directory.approval.approvedNotice', values) : say('directory.approval.rejectedNotice', values);
}

export function approvalDecidedDm(say: Say, approved: boolean, spaceName: string): string {
  const name = escapeMarkdown(spaceName);
  return approved ? say('directory.approval.approvedDm', { name }) : say('directory.approval.rejectedDm', { name });
}
