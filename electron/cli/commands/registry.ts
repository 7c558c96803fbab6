/**
 * Every `recap` command: its name, one-line summary, help text and runner.
 * Adding a command is one file in this folder plus one entry here.
 */
import type { CliIo } from '../io';
import { indexCommand } from './index-command';
import { serveCommand } from './serve-command';

export interface Command {
  /** Shown in `recap --help`: the synopsis and what it does. */
  synopsis: string;
  summary: string;
  /** Full `recap <name> --help` text. */
  help: string;
  run(args: string[], io: CliIo, stopped: Promise<void>): Promise<number>;
}

export const commands: Record<string, Command> = {
  serve: serveCommand,
  index: indexCommand,
};
