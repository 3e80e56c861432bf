// The doctor's report as members and operators read it: an ephemeral embed for /alliance doctor, plain lines for
// `npm run doctor`. The words themselves come from messages.ts.
import type { EmbedBuilder } from 'discord.js';
import type { Finding } from '../../doctor/doctor.rules.js';
import { fitEmbeds } from '../fit.js';
import type { DoctorReport } from './doctor.js';
import { DOCTOR_TEXT, describeFinding } from './messages.js';

function sections(report: DoctorReport): { title: string; findings: Finding[] }[] {
  return [{ title: DOCTOR_TEXT.bot, findings: report.bot }, ...report.alliances.map((a) => ({ title: a.name, findings: a.findings }))];
}

function summary(report: DoctorReport, plain: boolean): string[] {
  const lastBackup = DOCTOR_TEXT.lastBackup(report.lastBackupAt === null ? null : Math.floor(report.lastBackupAt / 1000), plain);
  const database = report.bot.some((f) => f.code === 'database-damaged') ? [] : [DOCTOR_TEXT.database(report.databaseBytes)];
  return [report.problemCount === 0 ? DOCTOR_TEXT.allGood : DOCTOR_TEXT.problems(report.problemCount), ...database, lastBackup];
}

export function renderDoctorEmbeds(report: DoctorReport): EmbedBuilder[] {
  const lines = [...summary(report, false)];
  for (const section of sections(report)) {
    if (section.findings.length === 0) continue;
    lines.push('', `**${section.title}**`);
    for (const finding of section.findings) {
      const { problem, fix } = describeFinding(finding);
      lines.push(`⚠️ ${problem}`, `→ ${fix}`);
    }
  }
  return fitEmbeds(lines, { title: DOCTOR_TEXT.title, color: report.problemCount === 0 ? 0x22c55e : 0xf59e0b, moreHint: 'run `npm run doctor` on the bot\'s machine' });
}

export function renderDoctorText(report: DoctorReport): string {
  const lines = [DOCTOR_TEXT.title, ...summary(report, true)];
  for (const section of sections(report)) {
    lines.push('', `${section.title}: ${section.findings.length === 0 ? 'ok' : ''}`.trimEnd());
    for (const finding of section.findings) {
      const { problem, fix } = describeFinding(finding);
      lines.push(`  ✗ ${problem}`, `    fix: ${fix}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** When the doctor cannot check anything else (no database, or one this version must upgrade first). */
export function renderDoctorStop(finding: Finding): string {
  const { problem, fix } = describeFinding(finding);
  return `${DOCTOR_TEXT.title}\n${DOCTOR_TEXT.problems(1)}\n  ✗ ${problem}\n    fix: ${fix}\n`;
}
