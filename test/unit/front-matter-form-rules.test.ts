import { describe, expect, it } from 'vitest';
import type { SiteSchema } from '../../shared/front-matter/schema';
import { splitDateText, withDate, withTime } from '../../renderer/front-matter/date-text';
import { addableFields, controlFor, formFields } from '../../renderer/front-matter/form-fields';
import { siteImageUrl } from '../../renderer/front-matter/site-image-url';

describe('dates are edited in the shape they were written', () => {
  it('a date-only value stays a date', () => {
    expect(splitDateText('2019-11-26')).toEqual({ date: '2019-11-26', time: null, zone: '' });
    expect(withDate('2019-11-26', '2019-11-27')).toBe('2019-11-27');
  });

  it('a timestamp keeps its separator, seconds, fraction and zone', () => {
    expect(splitDateText('2024-03-22 09:30:00 +0100')).toEqual({ date: '2024-03-22', time: '09:30:00', zone: '+0100' });
    expect(withDate('2024-03-22 09:30:00 +0100', '2024-03-23')).toBe('2024-03-23 09:30:00 +0100');
    expect(withTime('2024-03-22 09:30:00 +0100', '10:15:00')).toBe('2024-03-22 10:15:00 +0100');
    expect(withTime('2024-03-22T09:30Z', '18:05')).toBe('2024-03-22T18:05Z');
    expect(withTime('2024-03-22 09:30:00.250 -0800', '11:00')).toBe('2024-03-22 11:00:00.250 -0800');
    expect(withTime('2013-05-06 2:12:52 +0200', '03:12:52')).toBe('2013-05-06 3:12:52 +0200');
  });

  it('text that is not a date is not split', () => {
    expect(splitDateText('next week')).toBeNull();
    expect(withTime('next week', '10:00')).toBe('next week');
  });
});

describe('site image URLs', () => {
  it('are relative to the page in browser mode and under app://recap/site/ in Electron', () => {
    expect(siteImageUrl('/images/a b.jpg', 'http://127.0.0.1:4000/s/TOKEN/')).toBe('http://127.0.0.1:4000/s/TOKEN/site/images/a%20b.jpg');
    expect(siteImageUrl('images/x%20y.png?v=2', 'app://recap/index.html')).toBe('app://recap/site/images/x%20y.png');
  });

  it('are never made for remote images or paths that climb out of the site', () => {
    expect(siteImageUrl('https://example.com/a.png', 'http://127.0.0.1/s/T/')).toBeNull();
    expect(siteImageUrl('//cdn.example.com/a.png', 'http://127.0.0.1/s/T/')).toBeNull();
    expect(siteImageUrl('/images/../../etc/passwd', 'http://127.0.0.1/s/T/')).toBeNull();
    expect(siteImageUrl('  ', 'http://127.0.0.1/s/T/')).toBeNull();
  });
});

describe('which fields the form shows', () => {
  const schema: SiteSchema = {
    fields: [
      { key: 'title', label: 'Title', type: 'text', required: true, frequency: 1 },
      { key: 'date', label: 'Date', type: 'date', required: true, frequency: 1 },
      { key: 'tags', label: 'Tags', type: 'tags', required: false, frequency: 0.5 },
      { key: 'hero', label: 'Hero', type: 'image', required: false, frequency: 0.2 },
    ],
  };

  it('schema fields the post sets or requires, in schema order, then the post’s unknown keys', () => {
    const rows = formFields(schema, { layout: 'post', tags: ['a'], title: 'T' }, new Set());
    expect(rows.map((row) => [row.key, row.control])).toEqual([
      ['title', 'text'],
      ['date', 'date'],
      ['tags', 'tags'],
      ['layout', 'text'],
    ]);
    expect(addableFields(schema, rows).map((field) => field.key)).toEqual(['hero']);
    expect(formFields(schema, {}, new Set(['hero'])).map((row) => row.key)).toEqual(['title', 'date', 'hero']);
  });

  it('the value decides when it disagrees with the type: nested values are read-only, odd ones plain text', () => {
    expect(controlFor('text', { a: 1 })).toBe('read-only');
    expect(controlFor('tags', [{ a: 1 }])).toBe('read-only');
    expect(controlFor('tags', 'rust go')).toBe('text');
    expect(controlFor('date', 'soon')).toBe('text');
    expect(controlFor('date', '2024-03-22 09:30:00 +0100')).toBe('date');
    expect(controlFor('number', 'ten')).toBe('text');
    expect(controlFor(null, true)).toBe('boolean');
    expect(controlFor(null, 3)).toBe('number');
    expect(controlFor(null, ['a', 'b'])).toBe('tags');
    expect(controlFor(null, '2024-01-02')).toBe('date');
    expect(controlFor(null, '/img/a.png')).toBe('image');
  });
});
