// Renders assets/icon.svg (the source) to assets/icon.png, which
// electron-builder turns into each platform's icon. Needs rsvg-convert
// (Debian/Ubuntu: apt-get install librsvg2-bin; macOS: brew install librsvg).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const svg = fileURLToPath(new URL('../assets/icon.svg', import.meta.url));
const png = fileURLToPath(new URL('../assets/icon.png', import.meta.url));
// 1024 px: macOS wants 1024 for its largest size; the others scale down from it.
const result = spawnSync('rsvg-convert', ['--width', '1024', '--height', '1024', '--output', png, svg], { stdio: 'inherit' });
if (result.error) {
  console.error('rsvg-convert is not installed (apt-get install librsvg2-bin, or brew install librsvg).');
  process.exit(1);
}
process.exit(result.status ?? 1);
