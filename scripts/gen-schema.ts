// Placeholder until the validator lands (the manifest helper replaces this file).
console.log('schema: nothing to generate yet');
