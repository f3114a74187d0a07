// `custom-elements-manifest analyze` (npm run build) writes custom-elements.json with this.
import { shippedApi } from './scripts/cem/shipped-api.js';

export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  plugins: [shippedApi()],
};
