// The CDN modules and the embed page exactly as rollup.config.js builds them, written to
// .cache/csp-build/ instead of dist/ (test/server/csp-pages.js runs this in a child process, so
// the test server keeps answering while terser works).
import configs from '../../rollup.config.js';

const wanted = configs.filter((c) => c.output.dir === 'dist/cdn' || (c.output.dir === 'dist' && typeof c.input === 'object' && 'embed/embed' in c.input));
if (wanted.length < 3) throw new Error('rollup.config.js no longer has the CDN and embed configs that test/server/csp-build.config.js builds');

export default wanted.map((c) => ({ ...c, onwarn: () => {}, output: { ...c.output, dir: c.output.dir.replace(/^dist/, '.cache/csp-build') } }));
