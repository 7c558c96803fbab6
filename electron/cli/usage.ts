/** Help texts: `recap --help` and `recap <command> --help`. */
export const commandHelp: Record<string, string> = {
  serve: `Usage: recap serve <folder> [--port N] [--open]

Serves Recap in your browser for one site folder, on this machine only
(127.0.0.1). Prints one line with the address and a fresh access token:
  Recap is serving <folder> at http://127.0.0.1:<port>/?token=<token>
Stop it with Ctrl+C.

Options:
  --port N   listen on port N (default: a free port)
  --open     open the address in your default browser
  --help     show this help`,
  index: `Usage: recap index <folder> [--json]

Lists the posts of a site (Jekyll, Hugo, Zola, Eleventy, Astro, or any folder
of Markdown files), newest first, drafts included.

Options:
  --json     print {"site":{root,kind},"posts":[{path,title,date,draft,tags,categories,words}]}
  --help     show this help`,
};

export const mainHelp = `Recap: write blog posts and event write-ups for your static site.

Usage: recap <command> [options]

Commands:
  serve <folder> [--port N] [--open]   use Recap in your browser (browser mode)
  index <folder> [--json]              list the posts of a site

Run \`recap <command> --help\` for a command's options.
Exit codes: 0 success, 1 refused or problems found, 2 bad usage or unreadable input.`;
