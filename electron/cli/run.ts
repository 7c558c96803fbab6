/**
 * The CLI's one door: parses the command, runs it, and turns every failure
 * into one clear line on stderr and an exit code (0 ok, 1 refused, 2 usage or
 * unreadable input). Never a stack trace.
 */
import { RecapError } from '../../shared/errors';
import { indexCommand } from './commands/index-command';
import { serveCommand } from './commands/serve-command';
import { EXIT_OK, EXIT_REFUSED, EXIT_USAGE, UsageError, type CliIo } from './io';
import { commandHelp, mainHelp } from './usage';

/** Errors that mean "this input cannot be read" (exit 2) rather than "refused" (exit 1). */
const UNREADABLE = new Set(['bad-request', 'not-found', 'not-a-folder', 'binary-file', 'not-utf8', 'too-large', 'invalid-front-matter', 'unsupported-front-matter', 'outside-folder']);

export async function runCli(argv: string[], io: CliIo, stopped: Promise<void> = new Promise(() => undefined)): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    const topic = command === 'help' ? args[0] : undefined;
    io.out((topic && commandHelp[topic]) || mainHelp);
    io.out('\n');
    return command === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (command === '--version' || command === '-v') {
    io.out('recap 0.1.0\n');
    return EXIT_OK;
  }
  if (args.includes('--help') || args.includes('-h')) {
    const help = commandHelp[command];
    if (help) {
      io.out(help + '\n');
      return EXIT_OK;
    }
  }
  try {
    switch (command) {
      case 'index':
        return await indexCommand(args, io);
      case 'serve':
        return await serveCommand(args, io, stopped);
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    return report(error, command, io);
  }
}

function report(error: unknown, command: string, io: CliIo): number {
  if (error instanceof UsageError || isParseArgsError(error)) {
    const hint = commandHelp[command] ? `recap ${command} --help` : 'recap --help';
    io.err(`recap: ${(error as Error).message} See \`${hint}\`.\n`);
    return EXIT_USAGE;
  }
  if (error instanceof RecapError) {
    io.err(`recap: ${error.message}\n`);
    return UNREADABLE.has(error.code) ? EXIT_USAGE : EXIT_REFUSED;
  }
  const code = (error as NodeJS.ErrnoException | null)?.code;
  io.err(`recap: unexpected error${code ? ` (${code})` : ''}. Run again; if it keeps happening, report it with the command you ran.\n`);
  if (io.env.RECAP_DEBUG) io.err(String((error as Error)?.stack ?? error) + '\n');
  return EXIT_REFUSED;
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
