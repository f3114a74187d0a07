// Next.js's App Router: a static export whose page the server renders at build time.
export default { output: 'export' };
