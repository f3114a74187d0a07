/** registerLanguage (space-replay/i18n): a site's language or overrides, laid over the built-in tables. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadMessages, messagesFor, registerLanguage, SUPPORTED_LANGUAGES } from '../../src/i18n/messages.js';
import { readAlongMessages } from '../../src/i18n/read-along-messages.js';
import { listTable } from '../../src/i18n/list-messages.js';

test('a registered language is used for its tag and its regional variants; what it leaves out is English', () => {
  registerLanguage('de', { play: 'Abspielen', errors: { offline: 'Sie sind offline.' }, transcript: { search: 'Suchen' }, list: { showMore: 'Mehr' } });
  assert.ok(SUPPORTED_LANGUAGES.includes('de'));
  const de = messagesFor('de-AT');
  assert.equal(de.play, 'Abspielen');
  assert.equal(de.pause, 'Pause');
  assert.equal(de.errors.offline, 'Sie sind offline.');
  assert.equal(de.errors.expired, messagesFor('en').errors.expired);
  assert.equal(readAlongMessages('de').transcript.search, 'Suchen');
  assert.equal(readAlongMessages('de').transcript.label, readAlongMessages('en').transcript.label);
  assert.equal(readAlongMessages('de').clips.copyLink, readAlongMessages('en').clips.copyLink);
  assert.equal(listTable('de').list.showMore, 'Mehr');
  assert.equal(listTable('de').list.empty, listTable('en').list.empty);
  assert.equal(messagesFor('en').play, 'Play', 'English is unchanged');
});

test('registering again adds to what was registered', () => {
  registerLanguage('nl', { play: 'Afspelen' });
  registerLanguage('nl', { pause: 'Pauzeren' });
  assert.equal(messagesFor('nl').play, 'Afspelen');
  assert.equal(messagesFor('nl').pause, 'Pauzeren');
});

test('an override of English changes only the strings it gives', () => {
  const before = messagesFor('en').pause;
  registerLanguage('en', { play: 'Listen' });
  assert.equal(messagesFor('en-GB').play, 'Listen');
  assert.equal(messagesFor('en').pause, before);
  registerLanguage('en', { play: 'Play' });
});

test('an override of French, registered before French loads, is laid over the French table once it does', async () => {
  registerLanguage('fr', { play: 'Écouter' });
  assert.equal(await loadMessages('fr-CA'), true);
  assert.equal(messagesFor('fr').play, 'Écouter');
  assert.equal(messagesFor('fr').pause, 'Pause');
  assert.notEqual(readAlongMessages('fr').transcript.label, readAlongMessages('en').transcript.label, 'the rest stays French');
});

test('a language given as a loader loads on first use', async () => {
  registerLanguage('es', async () => ({ default: { play: 'Reproducir' } }));
  assert.equal(messagesFor('es').play, 'Play', 'English until it has loaded');
  assert.equal(await loadMessages('es'), true);
  assert.equal(messagesFor('es').play, 'Reproducir');
  assert.equal(messagesFor('es').pause, 'Pause');
});

test('a tag that is not a language is refused with a message naming it', () => {
  assert.throws(() => registerLanguage('', { play: 'x' }), /registerLanguage: "" is not a BCP 47 language tag/);
  assert.throws(() => registerLanguage('12', { play: 'x' }), /"12"/);
});
