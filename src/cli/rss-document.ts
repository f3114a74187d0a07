/**
 * The RSS 2.0 document of `space-replay rss`, with the Podcasting 2.0 (`podcast:`) and Apple
 * (`itunes:`) namespaces, from manifests whose URLs are already absolute. Consent is applied here:
 * only participants who consented to recording are named, and only host clips that pass the clip
 * consent rule and touch no redaction become soundbites. Tag meanings:
 * https://github.com/Podcastindex-org/podcast-namespace (docs/tags/*.md) and Apple's podcast RSS guide.
 */
import { createHash } from 'node:crypto';
import { effectiveRole, type Manifest, type Participant } from '../manifest/index.js';
import { checkClipConsent } from '../model/clip-consent.js';
import { overlappingRedaction } from '../model/clip-redaction.js';
import { isLicenseUrl } from '../manifest/license.js';
import { XmlWriter } from './xml-text.js';

/** The podcast as a whole. URLs are absolute. */
export interface RssChannel {
  title: string;
  /** The podcast's web page. */
  link: string;
  description: string;
  language?: string;
  /** Square cover art (Apple asks for 1400–3000 px). */
  image?: string;
  author?: string;
  /** An Apple Podcasts category, e.g. "Technology" or "Society & Culture". */
  category?: string;
  explicit: boolean;
  /** SPDX identifier or URL: `podcast:license` of the channel. */
  license?: string;
  /** Where this feed is published: `atom:link rel="self"` and the `podcast:guid` derived from it. */
  feedUrl?: string;
  /** `<generator>`. */
  generator: string;
}

/** A file of an episode: its absolute URL and MIME type. */
export interface RssMedia {
  url: string;
  type: string;
}

/** One transcript link. */
export interface RssTranscript extends RssMedia {
  language?: string;
  /** Timed (WebVTT, SRT, Podcasting 2.0 JSON): written with `rel="captions"`. */
  captions: boolean;
}

/** One recording as an episode: its manifest (URLs absolute) and what the command found on disk or over HTTP. */
export interface RssEpisode {
  manifest: Manifest;
  /** The page that plays it. */
  link: string;
  /** The progressive file podcast apps download, with its size in bytes. */
  enclosure: RssMedia & { length: number };
  /** Other renditions (the HLS playlist), with their size in bytes. */
  alternates: (RssMedia & { length: number })[];
  transcripts: RssTranscript[];
  /** Podcasting 2.0 JSON chapters. */
  chapters?: string;
}

const NAMESPACES = {
  'xmlns:itunes': 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  'xmlns:podcast': 'https://podcastindex.org/namespace/1.0',
  'xmlns:atom': 'http://www.w3.org/2005/Atom',
};

/** The Podcasting 2.0 namespace UUID that `podcast:guid` values are derived under (UUID v5). */
const PODCAST_GUID_NAMESPACE = 'ead4c236-bf58-58c6-a2c6-a6b28d128cb6';

/** Writes the feed: channel metadata, then `<podcast:liveItem>`s (pending, live) and `<item>`s (ended), newest first. */
export function renderRss(channel: RssChannel, episodes: readonly RssEpisode[]): string {
  const ordered = [...episodes].sort(
    (a, b) => Date.parse(b.manifest.startedAt) - Date.parse(a.manifest.startedAt) || (a.manifest.id < b.manifest.id ? -1 : 1),
  );
  const xml = new XmlWriter();
  xml.start('rss', { version: '2.0', ...NAMESPACES }).start('channel');
  xml.element('title', {}, channel.title);
  xml.element('link', {}, channel.link);
  xml.element('description', {}, channel.description);
  if (channel.language) xml.element('language', {}, channel.language);
  xml.element('generator', {}, channel.generator);
  // The newest episode's date, not the clock: the same inputs give the same bytes.
  const newest = ordered.find((e) => e.manifest.status === 'ended');
  if (newest) xml.element('lastBuildDate', {}, rfc822(newest.manifest.startedAt));
  if (channel.feedUrl) {
    xml.element('atom:link', { href: channel.feedUrl, rel: 'self', type: 'application/rss+xml' });
    xml.element('podcast:guid', {}, podcastGuid(channel.feedUrl));
  }
  if (channel.image) {
    xml.start('image').element('url', {}, channel.image).element('title', {}, channel.title).element('link', {}, channel.link).end();
    xml.element('itunes:image', { href: channel.image });
  }
  if (channel.author) xml.element('itunes:author', {}, channel.author);
  if (channel.category) xml.element('itunes:category', { text: channel.category });
  xml.element('itunes:explicit', {}, channel.explicit ? 'true' : 'false');
  if (channel.license) writeLicense(xml, channel.license);
  for (const episode of ordered) writeEpisode(xml, episode);
  return xml.end().end().toString();
}

function writeEpisode(xml: XmlWriter, episode: RssEpisode): void {
  const { manifest } = episode;
  const live = manifest.status !== 'ended';
  if (live) {
    xml.start('podcast:liveItem', { status: manifest.status, start: manifest.startedAt, end: manifest.endedAt });
  } else {
    xml.start('item');
  }
  xml.element('title', {}, manifest.title);
  xml.element('description', {}, describe(manifest));
  xml.element('link', {}, episode.link);
  xml.element('guid', { isPermaLink: 'false' }, manifest.id);
  xml.element('pubDate', {}, rfc822(manifest.startedAt));
  xml.element('enclosure', { url: episode.enclosure.url, length: episode.enclosure.length, type: episode.enclosure.type });
  if (!live) xml.element('itunes:duration', {}, String(Math.round(manifest.duration)));
  for (const alternate of episode.alternates) {
    xml.start('podcast:alternateEnclosure', { type: alternate.type, length: alternate.length }).element('podcast:source', { uri: alternate.url }).end();
  }
  for (const transcript of episode.transcripts) {
    xml.element('podcast:transcript', {
      url: transcript.url,
      type: transcript.type,
      language: transcript.language,
      rel: transcript.captions ? 'captions' : undefined,
    });
  }
  if (episode.chapters) xml.element('podcast:chapters', { url: episode.chapters, type: 'application/json+chapters' });
  for (const person of listedPeople(manifest)) {
    xml.element('podcast:person', { role: person.feedRole, img: person.participant.avatar, href: person.participant.href }, person.participant.name);
  }
  if (!live) {
    for (const clip of manifest.clips ?? []) {
      if (!checkClipConsent(manifest, clip.startTime, clip.endTime).ok) continue;
      if (overlappingRedaction(manifest, clip.startTime, clip.endTime)) continue;
      xml.element('podcast:soundbite', { startTime: seconds(clip.startTime), duration: seconds(clip.endTime - clip.startTime) }, clip.title ?? '');
    }
  }
  if (manifest.license) writeLicense(xml, manifest.license);
  if (live) xml.element('podcast:contentLink', { href: episode.link }, 'Listen live');
  xml.end();
}

/** Participants named in the feed: recorded with consent; hosts and co-hosts as `host`, speakers as `guest`, listeners not at all. */
export function listedPeople(manifest: Manifest): { participant: Participant; feedRole: 'host' | 'guest' }[] {
  const people: { participant: Participant; feedRole: 'host' | 'guest' }[] = [];
  for (const participant of manifest.participants) {
    if (participant.consent.record !== true) continue;
    const role = effectiveRole(participant.role);
    if (role === 'listener') continue;
    people.push({ participant, feedRole: role === 'host' || role === 'co-host' ? 'host' : 'guest' });
  }
  // Hosts first, each group in manifest order.
  return [...people.filter((p) => p.feedRole === 'host'), ...people.filter((p) => p.feedRole === 'guest')];
}

function describe(manifest: Manifest): string {
  const names = listedPeople(manifest).map((p) => p.participant.name);
  const lead = `${manifest.status === 'ended' ? 'Recorded live' : 'Live'} on ${manifest.startedAt.slice(0, 10)}`;
  if (names.length === 0) return `${lead}.`;
  const joined = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
  return `${lead} with ${joined}.`;
}

/**
 * `podcast:license`: an SPDX identifier lower-cased, as the tag asks; a URL as `url=`, named by the
 * last segment of its path (the tag needs a name).
 */
function writeLicense(xml: XmlWriter, license: string): void {
  if (!isLicenseUrl(license)) {
    xml.element('podcast:license', {}, license.toLowerCase());
    return;
  }
  let name = 'custom';
  try {
    const segments = new URL(license).pathname.split('/').filter(Boolean);
    const last = segments.at(-1);
    if (last) name = decodeURIComponent(last).replace(/\.[A-Za-z0-9]{1,5}$/, '') || name;
  } catch {
    // Not absolute: keep the generic name; the command only passes absolute URLs.
  }
  xml.element('podcast:license', { url: license }, name.slice(0, 128));
}

/** An RFC 822 date as RSS 2.0 wants it (`Wed, 01 May 2024 18:00:00 GMT`). */
export function rfc822(dateTime: string): string {
  return new Date(Date.parse(dateTime)).toUTCString();
}

function seconds(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/** The Podcasting 2.0 `podcast:guid` of a feed: UUID v5 of its URL without scheme and trailing slashes. */
export function podcastGuid(feedUrl: string): string {
  const name = feedUrl.replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\//, '').replace(/\/+$/, '');
  const namespace = Buffer.from(PODCAST_GUID_NAMESPACE.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
