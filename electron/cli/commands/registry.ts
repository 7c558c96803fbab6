/**
 * Every `recap` command: its name, one-line summary, help text and runner.
 * Adding a command is one file in this folder plus one entry here.
 */
import type { CliIo } from '../io';
import { checkCommand } from './check-command';
import { embedCommand } from './embed-command';
import { exportCommand } from './export-command';
import { getCommand } from './get-command';
import { indexCommand } from './index-command';
import { newCommand } from './new-command';
import { renderCommand } from './render-command';
import { serveCommand } from './serve-command';
import { setCommand } from './set-command';
import { shareCommand } from './share-command';

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
  get: getCommand,
  set: setCommand,
  new: newCommand,
  check: checkCommand,
  embed: embedCommand,
  export: exportCommand,
  render: renderCommand,
  share: shareCommand,
};
