/** Manifests shared by the manifest tests: fresh copies each call, so tests may mutate them. */

/** The smallest valid manifest. */
export function minimalManifest(): Record<string, any> {
  return {
    version: '1.0',
    id: 'weekly-42',
    title: 'Weekly community call',
    status: 'ended',
    startedAt: '2024-05-01T18:00:00Z',
    duration: 3600,
    audio: [{ url: 'audio/index.m3u8', type: 'application/vnd.apple.mpegurl' }],
    recording: { optInBy: 'ada' },
    participants: [{ id: 'ada', name: 'Ada Lovelace', role: 'host', consent: { record: true, clip: true } }],
  };
}

function waveformData(seconds: number): Record<string, unknown> {
  // 1 pixel per second: 100 samples per pixel at 100 Hz.
  const data: number[] = [];
  for (let i = 0; i < seconds; i++) data.push(0 - (i % 100), i % 100);
  return { version: 2, channels: 1, sample_rate: 100, samples_per_pixel: 100, bits: 8, length: seconds, data };
}

/** A manifest using every field. */
export function fullManifest(): Record<string, any> {
  return {
    $schema: 'https://unpkg.com/space-replay/schema/manifest-v1.schema.json',
    version: '1.0',
    id: 'launch_2024-05',
    title: 'Launch day AMA',
    status: 'ended',
    startedAt: '2024-05-01T18:00:00Z',
    endedAt: '2024-05-01T18:01:00.250+00:00',
    duration: 60,
    language: 'en-GB',
    audio: [
      { url: 'audio/index.m3u8', type: 'application/x-mpegURL' },
      { url: 'https://cdn.example.com/launch/audio.m4a', type: 'audio/mp4' },
    ],
    waveform: { type: 'application/json', data: waveformData(60) },
    recording: { optInBy: 'ada', optInAt: '2024-05-01T17:59:00Z' },
    retention: { expiresAt: '2025-05-01T00:00:00Z' },
    participants: [
      {
        id: 'ada',
        name: 'Ada Lovelace',
        role: 'host',
        avatar: 'avatars/ada.png',
        href: 'https://example.com/ada',
        consent: { record: true, clip: true, download: true, at: '2024-05-01T17:58:00Z' },
      },
      { id: 'bo', name: 'Bo', role: 'co-host', consent: { record: true, clip: false } },
      { id: 'cy', name: 'Cy', role: 'speaker', consent: { record: true, clip: true } },
      { id: 'dee', name: 'Dee', role: 'listener', consent: { record: false, clip: false } },
    ],
    segments: [
      { speaker: 'ada', startTime: 0, endTime: 20 },
      { speaker: 'bo', startTime: 20, endTime: 30 },
      { speaker: 'cy', startTime: 30, endTime: 45 },
      { speaker: 'ada', startTime: 44, endTime: 60.2 },
    ],
    redactions: [{ startTime: 12, endTime: 13.5, reason: 'phone number' }],
    transcripts: [
      { type: 'text/vtt', language: 'en', url: 'transcript.vtt' },
      {
        type: 'application/json',
        language: 'en',
        data: {
          format: 'space-replay-transcript',
          version: '1.0',
          language: 'en',
          speakers: [
            { id: 's0', name: 'Ada Lovelace', participant: 'ada' },
            { id: 's1', name: 'Bo', participant: 'bo' },
          ],
          cues: [
            { startTime: 0, endTime: 2.4, speaker: 's0', text: 'Hello world', words: [[0, 0.5], [0.5, 2.4]] },
            { startTime: 20, endTime: 22, speaker: 's1', text: 'Thanks, Ada.' },
          ],
        },
      },
      {
        type: 'application/json',
        data: { version: '1.0.0', segments: [{ speaker: 'Cy', startTime: 30, endTime: 31.5, body: 'Hi all' }] },
      },
    ],
    chapters: {
      type: 'application/json+chapters',
      data: {
        version: '1.2.0',
        chapters: [
          { startTime: 0, title: 'Welcome', img: 'img/welcome.jpg' },
          { startTime: 30, title: 'Questions', url: 'https://example.com/faq', endTime: 60 },
        ],
      },
    },
    clips: [{ id: 'best-bit', startTime: 31, endTime: 40, title: 'The answer', createdBy: 'ada', createdAt: '2024-05-01T19:00:00Z' }],
    downloads: { audio: 'https://cdn.example.com/launch/audio.m4a', transcript: 'transcript.vtt' },
    'x-acme': { tier: 'gold' },
  };
}
