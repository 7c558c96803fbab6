/**
 * The CLI's one door: parses the command, runs it, and turns every failure
 * into one clear line on stderr and an exit code (0 ok, 1 refused, 2 usage or
 * unreadable input). Never a stack trace.
 */
import { RecapError } from '../../shared/errors';
import { commands } from './commands/registry';
import { EXIT_OK, EXIT_REFUSED, EXIT_USAGE, UsageError, type CliIo } from './io';

/** Errors that mean "this input cannot be read" (exit 2) rather than "refused" (exit 1). */
const UNREADABLE = new Set(['bad-request', 'not-found', 'not-a-folder', 'binary-file', 'not-a-post', 'not-utf8', 'too-large', 'invalid-front-matter', 'unsupported-front-matter', 'outside-folder']);

export function mainHelp(): string {
  const width = Math.max(...Object.values(commands).map((c) => c.synopsis.length));
  return `Recap: write blog posts and event write-ups for your static site.

Usage: recap <command> [options]

Commands:
${Object.values(commands)
  .map((c) => `  ${c.synopsis.padEnd(width)}   ${c.summary}`)
  .join('\n')}

Run \`recap <command> --help\` for a command's options.
Exit codes: 0 success, 1 refused or problems found, 2 bad usage or unreadable input.
`;
}

export async function runCli(argv: string[], io: CliIo, stopped: Promise<void> = new Promise(() => undefined)): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' && args[0] && Object.prototype.hasOwnProperty.call(commands, args[0]) ? commands[args[0]] : undefined;
    if (name === 'help' && args[0] && !topic) return report(new UsageError(`Unknown command "${args[0]}".`), undefined, io);
    // No command at all is a usage error: the help goes to stderr, so a script's output stays clean.
    if (name === undefined) {
      io.err(mainHelp());
      return EXIT_USAGE;
    }
    io.out(topic ? topic.help + '\n' : mainHelp());
    return EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.out('recap 0.1.0\n');
    return EXIT_OK;
  }
  const command = Object.prototype.hasOwnProperty.call(commands, name) ? commands[name] : undefined;
  if (command && (args.includes('--help') || args.includes('-h'))) {
    io.out(command.help + '\n');
    return EXIT_OK;
  }
  try {
    if (!command) throw new UsageError(`Unknown command "${name}".`);
    return await command.run(args, io, stopped);
  } catch (error) {
    return report(error, command ? name : undefined, io);
  }
}

function report(error: unknown, name: string | undefined, io: CliIo): number {
  if (error instanceof UsageError || isParseArgsError(error)) {
    const message = error instanceof UsageError ? error.message : optionMessage(error as NodeJS.ErrnoException, name ? commands[name]!.help : '');
    io.err(`recap: ${oneLine(message)} See \`${name ? `recap ${name} --help` : 'recap --help'}\`.\n`);
    return EXIT_USAGE;
  }
  if (error instanceof RecapError) {
    io.err(`recap: ${oneLine(error.message)}\n`);
    return UNREADABLE.has(error.code) ? EXIT_USAGE : EXIT_REFUSED;
  }
  const code = (error as NodeJS.ErrnoException | null)?.code;
  io.err(`recap: unexpected error${code ? ` (${code})` : ''}. Run again; if it keeps happening, report it with the command you ran.\n`);
  if (io.env.RECAP_DEBUG) io.err(String((error as Error)?.stack ?? error) + '\n');
  return EXIT_REFUSED;
}

/** Every error is one line: a message that spans lines (a parser's, a path with a newline) is folded. */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** Node's option parser explains at length; say it in Recap's words, with the option that was probably meant. */
function optionMessage(error: NodeJS.ErrnoException, help: string): string {
  const option = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
    const known = [...new Set(help.match(/--[a-z][\w-]*/g) ?? [])].filter((name) => name !== '--help');
    const near = known.find((name) => editDistance(name, option) <= 2);
    return `Unknown option ${option}${near ? ` (did you mean ${near}?)` : ''}.`;
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    return /argument missing/.test(error.message) ? `${option} needs a value.` : `${option} takes no value.`;
  }
  return (error.message.split(/\.\s/)[0] ?? error.message).replace(/\.?$/, '.');
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
