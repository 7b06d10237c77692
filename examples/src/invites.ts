const HOUR_MS = 60 * 60 * 1000;

export interface Invite {
  email: string;
  sentAt: number;
  acceptedAt?: number;
}

/** An invite link works once, for 72 hours after it was sent. */
export function inviteUsable(invite: Invite, now: number): boolean {
  return invite.acceptedAt === undefined && now - invite.sentAt < 72 * HOUR_MS;
}
