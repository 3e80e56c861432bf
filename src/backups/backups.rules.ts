// Pure decisions about scheduled backups: when the daily slots fall (server local time), what a backup file is
// called, and which old ones rotation removes.

export interface BackupSettings {
  /** Folder the daily copies go to. */
  dir: string;
  /** How many daily copies to keep. */
  keep: number;
  /** HH:MM, server local time. */
  at: string;
}

const FILE_PATTERN = /^alliance-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})\.db$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar day of an instant as YYYY-MM-DD (the job key of that day's backup). */
export function localDay(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** alliance-YYYY-MM-DD-HHMM.db in server local time: names sort in time order. */
export function backupFileName(at: Date): string {
  return `alliance-${localDay(at)}-${pad(at.getHours())}${pad(at.getMinutes())}.db`;
}

export function isBackupFileName(name: string): boolean {
  return FILE_PATTERN.test(name);
}

/** The files rotation deletes: every backup but the newest `keep` ones. Other files in the folder are never touched. */
export function filesToRotate(names: readonly string[], keep: number): string[] {
  const backups = names.filter(isBackupFileName).sort();
  return backups.slice(0, Math.max(0, backups.length - keep));
}

/** The newest backup file name in a folder listing, or null. */
export function newestBackup(names: readonly string[]): string | null {
  return names.filter(isBackupFileName).sort().at(-1) ?? null;
}

/**
 * The daily slot at or before `now` (the one that may be due, late if the bot was down) and the one after it.
 * Local time through Date's local fields, so a DST change moves the instant but not the wall-clock time.
 */
export function backupSlots(now: Date, at: string): { latest: Date; next: Date } {
  const [hours, minutes] = at.split(':').map(Number) as [number, number];
  const slotOn = (day: Date, offsetDays: number) => {
    const slot = new Date(day.getTime());
    slot.setDate(slot.getDate() + offsetDays);
    slot.setHours(hours, minutes, 0, 0);
    return slot;
  };
  const today = slotOn(now, 0);
  const latest = today.getTime() <= now.getTime() ? today : slotOn(now, -1);
  return { latest, next: slotOn(latest, 1) };
}
