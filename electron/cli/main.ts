/** Entry of the `recap` command (bundled to out/cli/recap.cjs). */
import path from 'node:path';
import { runCli } from './run';

// `recap index … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const stopped = new Promise<void>((resolve) => {
  process.once('SIGINT', () => resolve());
  process.once('SIGTERM', () => resolve());
});

runCli(
  process.argv.slice(2),
  {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    rendererDir: path.join(__dirname, '..', 'renderer'),
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  },
  stopped,
).then(
  (code) => {
    process.exitCode = code;
    // serve keeps sockets open until closed; everything else ends on its own.
    if (process.argv[2] === 'serve') process.exit(code);
  },
  () => {
    process.stderr.write('recap: unexpected error.\n');
    process.exitCode = 1;
  },
);
