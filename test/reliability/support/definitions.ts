// Every command path (command, group, subcommand) and its options, read from the definitions the bot registered
// with the test bed: new commands are fuzzed and checked without anyone listing them.
import { commands } from '../../../commands/index.js';
export interface OptionDef {
  name: string;
  type: number;
  required?: boolean;
  autocomplete?: boolean;
  choices?: { name: string; value: string | number }[];
  min_value?: number;
  max_value?: number;
  min_length?: number;
  max_length?: number;
  options?: OptionDef[];
}

export interface CommandPath {
  name: string;
  group?: string;
  subcommand?: string;
  options: OptionDef[];
  /** Declared default_member_permissions (null: everyone). */
  permissions: string | null;
  label: string;
}

export function commandPaths(registered: Record<string, unknown>[]): CommandPath[] {
  const paths: CommandPath[] = [];
  for (const raw of registered) {
    const command = raw as { name: string; options?: OptionDef[]; default_member_permissions?: string | null };
    const permissions = command.default_member_permissions ?? null;
    const top = command.options ?? [];
    const push = (group: string | undefined, subcommand: string | undefined, options: OptionDef[]) =>
      paths.push({ name: command.name, group, subcommand, options, permissions, label: ['/' + command.name, group, subcommand].filter(Boolean).join(' ') });
    if (!top.some((o) => o.type === 1 || o.type === 2)) push(undefined, undefined, top);
    for (const option of top) {
      if (option.type === 1) push(undefined, option.name, option.options ?? []);
      if (option.type === 2) for (const sub of option.options ?? []) push(option.name, sub.name, sub.options ?? []);
    }
  }
  return paths;
}

/** Plausible values for the required options of a path (first choice, ids from the alliance, a small number). */
export function benignOptions(
  path: CommandPath,
  world: { userId: string; channelId: string; roleId: string; numberFor?: (option: OptionDef) => number | undefined },
): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const o of path.options.filter((option) => option.required && option.type !== 11)) {
    out[o.name] = o.choices?.length ? o.choices[0]!.value
      : o.type === 3 ? `probe ${o.name}`
      : o.type === 4 || o.type === 10 ? (world.numberFor?.(o) ?? Math.max(o.min_value ?? 1, Math.min(o.max_value ?? 5, 5)))
      : o.type === 5 ? true : o.type === 6 ? world.userId : o.type === 7 ? world.channelId : world.roleId;
  }
  return out;
}

/** Labels ("/rules set") of the organizer-only paths, as the command modules declare them. */
export function organizerOnlyPaths(): string[] {
  return commands.flatMap((module) => {
    const paths = commandPaths([module.data as unknown as Record<string, unknown>]);
    return paths.filter((p) => module.organizerOnly || (module.organizerSubcommands ?? []).includes([p.group, p.subcommand].filter(Boolean).join(' '))).map((p) => p.label);
  });
}
