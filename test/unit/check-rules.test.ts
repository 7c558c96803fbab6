import { describe, expect, it } from 'vitest';
import { checkPost, ruleIds, ruleSeverity, type CheckInput, type Problem } from '../../shared/check';
import type { SiteSchema } from '../../shared/front-matter/schema';

const siteFiles = new Set(['images/ok.png', 'content/blog/bundle/pic.png', 'static/logo.svg']);
const schema: SiteSchema = {
  fields: [
    { key: 'title', label: 'Title', type: 'text', required: true, frequency: 1 },
    { key: 'date', label: 'Date', type: 'date', required: true, frequency: 1 },
    { key: 'author_staff_member', label: 'Author staff member', type: 'choice', required: false, frequency: 0.9, choices: ['alex', 'sam'] },
  ],
};

function check(text: string, input: Partial<CheckInput> = {}): Problem[] {
  return checkPost({ path: '_posts/2024-01-02-post.md', text, site: { kind: 'jekyll', fileExists: (p) => siteFiles.has(p) }, ...input });
}
const at = (problems: Problem[]) => problems.map((p) => `${p.rule}@${p.line}:${p.column}`);
const post = (body: string, frontMatter = 'title: T\ndate: 2024-01-02') => `---\n${frontMatter}\n---\n${body}`;

describe('each rule', () => {
  it('a clean post has no problems', () => {
    expect(check(post('Hello [world](https://example.org).\n\n![A cat](/images/ok.png)\n'), { schema })).toEqual([]);
  });

  it('empty-link: a Markdown link or an <a> without a target, at its position in the file', () => {
    expect(at(check(post('Text [here]() and <a href="">there</a>.\n')))).toEqual(['empty-link@5:6', 'empty-link@5:19']);
  });

  it('missing-image: /images is the site root, relative paths are beside the post, remote ones are not checked', () => {
    const body = '![a](/images/ok.png)\n\n![b](/images/gone.png)\n\n![c](https://example.org/x.png)\n\n<img src="/images/nope.jpg" alt="d">\n';
    const problems = check(post(body)).filter((p) => p.rule === 'missing-image');
    expect(at(problems)).toEqual(['missing-image@7:1', 'missing-image@11:11']);
    expect(problems[0]!.message).toContain('/images/gone.png');
    const bundle = { path: 'content/blog/bundle/index.md', site: { kind: 'zola' as const, fileExists: (p: string) => siteFiles.has(p) } };
    expect(check(post('![ok](pic.png) ![logo](/logo.svg) ![no](missing.png)\n'), bundle).map((p) => p.message)).toEqual([expect.stringContaining('missing.png')]);
  });

  it('missing-image: an image field in the front matter', () => {
    expect(at(check(post('Body\n', 'title: T\ndate: 2024-01-02\nimage: /images/cover.jpg')))).toEqual(['missing-image@4:8']);
  });

  it('missing-alt: an image without alt text; alt="" on HTML marks a decorative image and is fine', () => {
    expect(at(check(post('![](/images/ok.png)\n\n<img src="/images/ok.png">\n\n<img src="/images/ok.png" alt="">\n')))).toEqual(['missing-alt@5:1', 'missing-alt@7:1']);
  });

  it('insecure-url: http to a host that serves https, with a fix; http links elsewhere are left alone', () => {
    const problems = check(post('[Code](http://github.com/x) and [old](http://example.org/page)\n\n<img src="http://cdn.example.org/a.png" alt="x">\n'));
    expect(at(problems)).toEqual(['insecure-url@5:8', 'insecure-url@7:11']);
    expect(problems[0]!.fix?.edits).toEqual([{ start: problems[0]!.offset, end: problems[0]!.offset + 7, text: 'https://' }]);
    expect(problems[1]!.fix).toBeUndefined();
  });

  it('duplicate-script: each repeat of the same script src, not the first', () => {
    const script = '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>';
    const problems = check(post(`${script}\n\n${script.replace('https:', '')}\n\n${script}\n`));
    expect(at(problems)).toEqual(['duplicate-script@7:1', 'duplicate-script@9:1']);
    expect(problems[0]!.message).toMatch(/widgets\.js is included 3 times.*line 5/);
  });

  it('unsafe-html: inline script, handlers, javascript: links — but not provider embed scripts', () => {
    const body = '<script>alert(1)</script>\n\n<img src="/images/ok.png" alt="x" onerror="alert(2)">\n\n[x](javascript:alert(3))\n\n<script src="https://gist.github.com/u/0123abcd.js"></script>\n';
    expect(at(check(post(body)))).toEqual(['unsafe-html@5:1', 'unsafe-html@7:35', 'unsafe-html@9:1']);
  });

  it('unsafe-html: a script from an unknown host', () => {
    expect(check(post('<script src="https://evil.example/x.js"></script>\n'))[0]).toMatchObject({ rule: 'unsafe-html', message: expect.stringContaining('evil.example') });
  });

  it('unsafe-html is not reported inside code', () => {
    expect(check(post('```html\n<script>alert(1)</script>\n```\n\nUse `<img onerror="x">` carefully.\n'))).toEqual([]);
  });

  it('mojibake: UTF-8 read as Windows-1252, one problem a run, with its repair', () => {
    const problems = check(post('Great ðŸ˜ŽðŸŒ® and donâ€™t forget cafÃ©.\n'));
    expect(at(problems)).toEqual(['mojibake@5:7', 'mojibake@5:23', 'mojibake@5:38']);
    expect(problems.map((p) => p.fix?.edits[0]?.text)).toEqual(['😎🌮', '’', 'é']);
  });

  it('mojibake: real accents and emoji are not mojibake', () => {
    expect(check(post('Café, naïve, Zürich, “quotes”, I’d go 😎 — ½ × ©\n'))).toEqual([]);
  });

  it('invalid-front-matter: with the line of the YAML problem', () => {
    const problems = check('---\ntitle: "Unclosed\ndate: 2024-01-02\n---\nBody\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ rule: 'invalid-front-matter', severity: 'error', line: 2 });
  });

  it('invalid-front-matter: TOML, an unclosed block, an unsupported language', () => {
    expect(check('+++\ntitle = "x"\ndate = = 1\n+++\n', { path: 'content/a.md', site: { kind: 'zola' } })[0]).toMatchObject({ rule: 'invalid-front-matter', line: 3 });
    expect(check('---\ntitle: x\nno end\n')[0]).toMatchObject({ rule: 'invalid-front-matter', line: 1, message: expect.stringMatching(/never closed/) });
    expect(check('---js\n{ title: "x" }\n---\n')[0]).toMatchObject({ rule: 'invalid-front-matter', message: expect.stringMatching(/not supported/) });
  });

  it('required-field: missing or empty; a draft only hears about it as info and never about its date', () => {
    expect(at(check(post('Body\n', 'date: 2024-01-02\ntitle: ""'), { schema }))).toEqual(['required-field@3:1']);
    expect(at(check(post('Body\n', 'date: 2024-01-02'), { schema }))).toEqual(['required-field@1:1']);
    const draft = check(post('Body\n', 'description: d'), { schema, path: '_drafts/idea.md' });
    expect(draft.map((p) => [p.rule, p.severity, p.message.includes('"title"')])).toEqual([['required-field', 'info', true]]);
  });

  it('required-field: the date of a dated file name counts', () => {
    expect(check(post('Body\n', 'title: T'), { schema })).toEqual([]);
  });

  it('unknown-value: a value outside the field’s choices, at the value', () => {
    const problems = check(post('Body\n', 'title: T\ndate: 2024-01-02\nauthor_staff_member: jordan'), { schema });
    expect(at(problems)).toEqual(['unknown-value@4:22']);
    expect(problems[0]!.message).toMatch(/"jordan".*"alex", "sam"/);
  });

  it('filename-date: the file name’s date differs from the date field; a full timestamp compares its day', () => {
    expect(at(check(post('Body\n', 'title: T\ndate: 2024-01-03')))).toEqual(['filename-date@3:7']);
    expect(check(post('Body\n', 'title: T\ndate: 2024-01-02 09:30:00 +0100'))).toEqual([]);
    expect(check(post('Body\n', 'title: T'), { path: '_drafts/2024-01-02-x.md' })).toEqual([]);
  });

  it('invalid-embed: a YouTube id that is not 11 characters, a tweet without a status id', () => {
    const body = '<iframe src="https://www.youtube.com/embed/abc123"></iframe>\n\n{{< tweet user="a" id="latest" >}}\n';
    expect(at(check(post(body)).filter((p) => p.rule === 'invalid-embed'))).toEqual(['invalid-embed@5:14', 'invalid-embed@7:24']);
  });

  it('every rule has a severity, and the ids are DESIGN.md’s', () => {
    expect([...ruleIds].sort()).toEqual(
      ['empty-link', 'missing-image', 'missing-alt', 'insecure-url', 'duplicate-script', 'unsafe-html', 'mojibake', 'invalid-front-matter', 'required-field', 'unknown-value', 'filename-date', 'invalid-embed', 'invalid-date', 'share-title', 'share-description', 'share-image'].sort(),
    );
    expect(Object.keys(ruleSeverity).sort()).toEqual([...ruleIds].sort());
  });

  it('positions count front-matter lines and columns in UTF-16 units', () => {
    const [problem] = check(post('😎 []()\n', 'title: T\ndate: 2024-01-02\ntags: [a]'));
    expect(problem).toMatchObject({ rule: 'empty-link', line: 6, column: 4 });
  });
});
