// `custom-elements-manifest analyze` (npm run build) writes custom-elements.json with this, and
// the elements' JSX and template types (dist/types/frameworks/) from it.
import { shippedApi } from './scripts/cem/shipped-api.js';
import { frameworkTypes } from './scripts/cem/framework-types.js';

export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  // package.json names the file by hand: the analyzer would write its --outdir there (the test's too).
  packagejson: false,
  plugins: [shippedApi(), frameworkTypes()],
};
