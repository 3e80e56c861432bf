// The doctor's report as members and operators read it: an ephemeral embed for /alliance doctor, plain lines for
// `npm run doctor`. The words themselves come from messages.ts.
import type { EmbedBuilder } from 'discord.js';
import type { Finding } from '../../doctor/doctor.rules.js';
import { fitEmbeds } from '../fit.js';
import type { DoctorReport } from './doctor.js';
import { sayIn } from '../../i18n/translate.js';
import type { Language } from '../../shared/languages.js';
import { describeFinding, doctorText } from './messages.js';

function sections(report: DoctorReport, text: ReturnType<typeof doctorText>): { title: string; findings: Finding[] }[] {
  return [{ title: text.bot, findings: report.bot }, ...report.alliances.map((a) => ({ title: a.name, findings: a.findings }))];
}

function summary(report: DoctorReport, plain: boolean, text: ReturnType<typeof doctorText>): string[] {
  const lastBackup = text.lastBackup(report.lastBackupAt === null ? null : Math.floor(report.lastBackupAt / 1000), plain);
  const database = report.bot.some((f) => f.code === 'database-damaged') ? [] : [text.database(report.databaseBytes)];
  return [report.problemCount === 0 ? text.allGood : text.problems(report.problemCount), ...database, lastBackup];
}

/** /alliance doctor: an embed in the organizer's language. */
export function renderDoctorEmbeds(report: DoctorReport, language: Language = 'en'): EmbedBuilder[] {
  const say = sayIn(language);
  const text = doctorText(say);
  const lines = [...summary(report, false, text)];
  for (const section of sections(report, text)) {
    if (section.findings.length === 0) continue;
    lines.push('', `**${section.title}**`);
    for (const finding of section.findings) {
      const { problem, fix } = describeFinding(finding, say, language);
      lines.push(`⚠️ ${problem}`, `→ ${fix}`);
    }
  }
  return fitEmbeds(lines, { say, title: text.title, color: report.problemCount === 0 ? 0x22c55e : 0xf59e0b, moreHint: text.moreHint });
}

export function renderDoctorText(report: DoctorReport): string {
  const text = doctorText();
  const lines = [text.title, ...summary(report, true, text)];
  for (const section of sections(report, text)) {
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
  const text = doctorText();
  return `${text.title}\n${text.problems(1)}\n  ✗ ${problem}\n    fix: ${fix}\n`;
}
