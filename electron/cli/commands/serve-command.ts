/** `recap serve <folder> [--port N] [--open]`: browser mode until Ctrl+C. */
import { execFile } from 'node:child_process';
import { parseArgs } from 'node:util';
import { isLoopbackAddress } from '../../server/guard';
import { startServer } from '../../server/server';
import { defaultStateDir } from '../../services/settings/state-dir';
import { EXIT_OK, UsageError, resolveFrom, type CliIo } from '../io';
import type { Command } from './registry';

export const serveCommand: Command = {
  synopsis: 'serve <folder> [--port N] [--open]',
  summary: 'use Recap in your browser (browser mode)',
  help: `Usage: recap serve <folder> [--port N] [--open]

Serves Recap in your browser for one site folder, on this machine only
(127.0.0.1). Prints one line with the address and a fresh access token:
  Recap is serving <folder> at http://127.0.0.1:<port>/?token=<token>
Stop it with Ctrl+C.

Options:
  --port N          listen on port N (default: a free port)
  --open            open the address in your default browser
  --host ADDR       listen on ADDR instead of 127.0.0.1; anything but a
                    loopback address also needs --allow-remote
  --allow-remote    really serve other machines (anyone with the link can then
                    read and change the site; a warning is printed)
  --help            show this help`,

  async run(args, io, stopped) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        port: { type: 'string' },
        open: { type: 'boolean', default: false },
        host: { type: 'string' },
        'allow-remote': { type: 'boolean', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError('recap serve needs exactly one folder.');
    let port = 0;
    if (values.port !== undefined) {
      port = Number(values.port);
      if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port must be a number from 1 to 65535, not "${values.port}".`);
    }
    const host = values.host ?? '127.0.0.1';
    if (!isLoopbackAddress(host) && !values['allow-remote']) {
      throw new UsageError(`refusing to serve on ${host}: other machines could reach your files. Add --allow-remote if you mean it.`);
    }
    const server = await startServer({
      root: resolveFrom(io, positionals[0]!),
      rendererDir: io.rendererDir,
      stateDir: defaultStateDir(io.env),
      port,
      host,
      allowRemote: values['allow-remote'],
    });
    if (!isLoopbackAddress(host)) {
      io.err(`recap: warning: serving on ${host}, not just this machine. Anyone who can reach it and has the link can read and change ${server.root}.\n`);
    }
    // This line is the contract (DESIGN.md); the token appears nowhere else.
    io.out(`Recap is serving ${server.root} at ${server.url}\n`);
    if (values.open) openBrowser(server.url, io);
    await stopped;
    await server.close();
    return EXIT_OK;
  },
};

function openBrowser(url: string, io: CliIo): void {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  execFile(command, args as string[], (error) => {
    if (error) io.err('recap: could not open a browser; open the address above yourself.\n');
  });
}
