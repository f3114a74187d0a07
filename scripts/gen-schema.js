#!/usr/bin/env node
// Placeholder until the validator lands: the schema generator is filled in with src/manifest.
console.log('schema: nothing to generate yet');
