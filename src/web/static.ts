// The few files the public page serves itself: its stylesheet and map script, and Leaflet from the npm package
// (so no CDN is needed and the CSP can stay 'self'). Read once at start-up.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface StaticFile {
  body: Buffer;
  type: string;
}

const here = dirname(fileURLToPath(import.meta.url));
/** Where src/web/static lives, from the sources (tsx) or from dist/ (the build does not copy it). */
function ownFile(name: string): string {
  const candidates = [join(here, 'static', name), join(here, '..', '..', '..', 'src', 'web', 'static', name)];
  for (const path of candidates) {
    try {
      readFileSync(path);
      return path;
    } catch {
      // try the next place
    }
  }
  return candidates[0]!;
}

export function loadStaticFiles(): Map<string, StaticFile> {
  const leaflet = dirname(createRequire(import.meta.url).resolve('leaflet/dist/leaflet.js'));
  const files: [string, string, string][] = [
    ['/static/site.css', ownFile('site.css'), 'text/css; charset=utf-8'],
    ['/static/map.js', ownFile('map.js'), 'text/javascript; charset=utf-8'],
    ['/static/leaflet/leaflet.js', join(leaflet, 'leaflet.js'), 'text/javascript; charset=utf-8'],
    ['/static/leaflet/leaflet.css', join(leaflet, 'leaflet.css'), 'text/css; charset=utf-8'],
    ...['marker-icon.png', 'marker-icon-2x.png', 'marker-shadow.png', 'layers.png', 'layers-2x.png'].map(
      (name): [string, string, string] => [`/static/leaflet/images/${name}`, join(leaflet, 'images', name), 'image/png'],
    ),
  ];
  return new Map(files.map(([url, path, type]) => [url, { body: readFileSync(path), type }]));
}
