/** `recap serve <folder> [--port N] [--open]`: browser mode until Ctrl+C. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isLoopbackAddress } from '../../server/guard';
import { defaultStateDir } from '../../services/settings/state-dir';
import { EXIT_OK, UsageError, resolveFrom, type CliIo } from '../io';
import type { Command } from './registry';

export const serveCommand: Command = {
  synopsis: 'serve [<folder>] [--port N] [--open]',
  summary: 'use Recap in your browser (browser mode)',
  help: `Usage: recap serve [<folder>] [--port N] [--open]

Serves Recap in your browser for one site folder, on this machine only
(127.0.0.1). Prints one line with the address and a fresh access token:
  Recap is serving <folder> at http://127.0.0.1:<port>/?token=<token>
Without a folder the page starts on the start screen, as the desktop app
does: your recent folders, a folder path to type (with completion), and
"Try the sample site". Stop it with Ctrl+C.

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
    if (positionals.length > 1) throw new UsageError('recap serve takes at most one folder.');
    let port = 0;
    if (values.port !== undefined) {
      port = Number(values.port);
      if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port must be a number from 1 to 65535, not "${values.port}".`);
    }
    const host = values.host ?? '127.0.0.1';
    if (!isLoopbackAddress(host) && !values['allow-remote']) {
      throw new UsageError(`refusing to serve on ${host}: other machines could reach your files. Add --allow-remote if you mean it.`);
    }
    const folder = positionals[0];
    // Loaded here, not at start-up: the server brings the Page view's Sass and Liquid, which every other command would pay for.
    const { startServer } = await import('../../server/server');
    const server = await startServer({
      ...(folder === undefined ? { sampleSiteDir: sampleSiteDir(io) } : { root: resolveFrom(io, folder) }),
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
    io.out(server.root === '' ? `Recap is running at ${server.url} (choose a folder on the page)\n` : `Recap is serving ${server.root} at ${server.url}\n`);
    if (values.open) openBrowser(server.url, io);
    await stopped;
    await server.close();
    return EXIT_OK;
  },
};

/** The project's sample blog, beside the built renderer (out/renderer → examples/sample-blog). */
function sampleSiteDir(io: CliIo): string {
  return path.resolve(io.rendererDir, '..', '..', 'examples', 'sample-blog');
}

/**
 * The system browser, where there is one: a desktop without an opener, or a
 * Linux session without a display (where xdg-open could start a text browser
 * in this terminal), is skipped quietly: the address is printed anyway.
 */
function openBrowser(url: string, io: CliIo): void {
  if (process.platform !== 'darwin' && process.platform !== 'win32' && !io.env.DISPLAY && !io.env.WAYLAND_DISPLAY) return;
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  execFile(command, args as string[], { env: io.env }, (error) => {
    if (error && (error as NodeJS.ErrnoException).code !== 'ENOENT') io.err('recap: could not open a browser; open the address above yourself.\n');
  });
}
