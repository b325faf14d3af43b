import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentType, resolveStaticPath } from './static-files.ts';

const route = { prefix: '/dashboard', dir: '/srv/dash' };

describe('static paths', () => {
  it.each([
    ['/dashboard/', '/srv/dash'],
    ['/dashboard/app.js', '/srv/dash/app.js'],
    ['/dashboard/css/site.css', '/srv/dash/css/site.css'],
    ['/dashboard/a%20b.js', '/srv/dash/a b.js'],
  ])('%s is served from %s', (url, file) => {
    expect(resolveStaticPath(route, url)).toBe(path.resolve(file));
  });

  it.each(['/dashboard/../package.json', '/dashboard/%2e%2e/package.json', '/dashboard/..%2f..%2fetc/passwd', '/dashboard/%00', '/dashboard/a%5c..%5c..', '/dashboardx/app.js', '/other', '/dashboard/%E0%A4%A'])(
    '%s never leaves the folder',
    (url) => {
      expect(resolveStaticPath(route, url)).toBeNull();
    },
  );

  it('gives scripts and pages their content types', () => {
    expect(contentType('x.js')).toBe('text/javascript; charset=utf-8');
    expect(contentType('index.HTML')).toBe('text/html; charset=utf-8');
    expect(contentType('cytoscape.min.js')).toBe('text/javascript; charset=utf-8');
    expect(contentType('unknown.bin')).toBe('application/octet-stream');
  });
});
