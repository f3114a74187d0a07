// `custom-elements-manifest analyze` (npm run build) writes custom-elements.json with this, and
// the elements' JSX and template types (dist/types/frameworks/) from it.
import { shippedApi } from './scripts/cem/shipped-api.js';
import { frameworkTypes } from './scripts/cem/framework-types.js';

export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  plugins: [shippedApi(), frameworkTypes()],
};
