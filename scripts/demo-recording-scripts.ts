/**
 * The spoken scripts of the demo recordings: who is in each room (with the espeak-ng voice that
 * plays them, their role and consent), what each says turn by turn, the chapters and the clips.
 * Read by scripts/make-demo-recordings.ts.
 */

/** A participant of a demo room and the synthetic voice that speaks for them. */
export interface DemoPerson {
  id: string;
  name: string;
  role: 'host' | 'co-host' | 'speaker';
  /** espeak-ng `-v` value. */
  voice: string;
  consent: { record: boolean; clip: boolean; download?: boolean };
}

/** One demo recording: its people, its turns in order, chapters (by turn index) and clips. */
export interface DemoRecording {
  id: string;
  title: string;
  language: string;
  startedAt: string;
  /** AAC bitrate for this recording (the committed demo must stay small). */
  bitrate: string;
  status?: 'live';
  expiresAt?: string;
  allowDownload?: boolean;
  /** Recorded one track per person (`pack --track`) instead of one mixed file with RTTM. */
  tracks?: boolean;
  /** Give the room events (joins, stage, hands, reactions, a pin), made from its turns. */
  events?: boolean;
  people: DemoPerson[];
  /** [person id, sentence, seconds this turn starts before the previous one ends] in speaking order. */
  turns: [string, string, number?][];
  /** Chapters start at the turn with this index. */
  chapters: { turn: number; title: string }[];
  /** Clips made by the host: from the start of turn `from` to the end of turn `to`. */
  clips: { from: number; to: number; title: string }[];
}

/** The demo recordings, in the order the list view should show them. */
export const DEMO_RECORDINGS: DemoRecording[] = [
  {
    id: 'maintainers-ama',
    title: 'Maintainers AMA: shipping a web component library',
    language: 'en',
    startedAt: '2026-03-12T17:00:00Z',
    bitrate: '32k',
    allowDownload: true,
    people: [
      { id: 'maya', name: 'Maya Chen', role: 'host', voice: 'en-us+f3', consent: { record: true, clip: true, download: true } },
      { id: 'tom', name: 'Tom Okafor', role: 'co-host', voice: 'en-gb', consent: { record: true, clip: true, download: true } },
      { id: 'ines', name: 'Inès Duarte', role: 'speaker', voice: 'en-us+m3', consent: { record: true, clip: false, download: true } },
      { id: 'sam', name: 'Sam Rivera', role: 'speaker', voice: 'en-gb-scotland+f2', consent: { record: true, clip: true } },
    ],
    turns: [
      ['maya', 'Welcome everyone, this is the monthly maintainers session, and today we talk about shipping a web component library.'],
      ['maya', 'Tom is co-hosting, and we have Ines and Sam on stage with questions from the community.'],
      ['tom', 'Thanks Maya. Let us start with the question we get every week: why web components and not a framework plugin?'],
      ['ines', 'Because our users run every framework you can imagine, and a custom element works in all of them.'],
      ['ines', 'One element, one script tag, and it behaves the same in a static page or a single page app.'],
      ['sam', 'The catch is styling. Shadow DOM protects you, but sites still want to change the colours.'],
      ['maya', 'That is why every visible part has a part name, and the colours are custom properties with sensible defaults.'],
      ['tom', 'Next question: how do you keep a four hour transcript fast?'],
      ['ines', 'We never create one node per word for the whole recording. We render a window around the playhead.'],
      ['ines', 'Lookups are binary searches over typed arrays, so finding the active word costs almost nothing.'],
      ['sam', 'And the waveform is computed once on the server, so the browser never decodes the audio.'],
      ['maya', 'Let us move on to releases. Sam, you did the last one.'],
      ['sam', 'I did. We cut a release candidate, ran the browser tests in Chromium and Firefox, and waited a week.'],
      ['sam', 'Two people found a bug with Safari and HLS, so the week paid for itself.'],
      ['tom', 'How do you decide what goes into a minor version?'],
      ['maya', 'New attributes and events are minor. Anything that changes the manifest format needs a new spec version.'],
      ['ines', 'And the validator tells you exactly which field is wrong, with its path, so upgrades are not guesswork.'],
      ['tom', 'A listener asks about consent. Can a speaker say no to being clipped?'],
      ['maya', 'Yes. Consent is per participant. If you say no to clips, nobody can share a clip of your turns.'],
      ['ines', 'I chose exactly that for this session, so you will see my turns are not clippable.'],
      ['sam', 'And if someone does not want to be recorded at all, their audio is silenced before anything is published.'],
      ['tom', 'Last question: what is next on the roadmap?'],
      ['maya', 'Chapters in the player, better keyboard navigation, and a feed so sites can list their rooms.'],
      ['sam', 'And a smaller bundle. Every kilobyte counts on a phone.'],
      ['maya', 'Thank you all for coming. The recording stays up for a year, see you next month.'],
    ],
    chapters: [
      { turn: 0, title: 'Welcome' },
      { turn: 2, title: 'Why web components' },
      { turn: 7, title: 'Long transcripts' },
      { turn: 11, title: 'Releases' },
      { turn: 17, title: 'Consent' },
      { turn: 21, title: 'Roadmap' },
    ],
    clips: [{ from: 5, to: 6, title: 'Styling inside Shadow DOM' }],
  },
  {
    id: 'garden-council',
    title: 'Riverside community garden: spring planning',
    language: 'en',
    startedAt: '2026-04-02T18:30:00Z',
    bitrate: '32k',
    expiresAt: '2027-04-02T18:30:00Z',
    people: [
      { id: 'rosa', name: 'Rosa Lindqvist', role: 'host', voice: 'en-gb+f3', consent: { record: true, clip: true } },
      { id: 'dev', name: 'Dev Patel', role: 'speaker', voice: 'en-us', consent: { record: true, clip: true } },
      { id: 'hannah', name: 'Hannah Moore', role: 'speaker', voice: 'en-us+f2', consent: { record: true, clip: false } },
      { id: 'anon', name: 'Neighbour (not recorded)', role: 'speaker', voice: 'en-gb-x-rp+m3', consent: { record: false, clip: false } },
    ],
    turns: [
      ['rosa', 'Good evening neighbours, welcome to the spring planning meeting of the Riverside community garden.'],
      ['rosa', 'We have three things tonight: the new plots, the water schedule, and the harvest festival.'],
      ['dev', 'On plots: we cleared the north corner over the winter, which gives us eight new beds.'],
      ['dev', 'The waiting list has twelve families, so we will draw lots on Saturday morning.'],
      ['hannah', 'Could we keep two of the new beds for the school? The children loved the bean project last year.'],
      ['rosa', 'I like that. Dev, does that work with the draw?'],
      ['dev', 'It does. Six beds in the draw, two for the school, and the school waters its own.'],
      ['anon', 'I would rather not be on the recording, but I think the school beds should be near the gate.'],
      ['rosa', 'Noted, thank you. Near the gate it is.'],
      ['hannah', 'On water: the rain barrels are full, but the hose by the shed leaks at the joint.'],
      ['dev', 'I have a spare connector at home. I can fix it on Thursday after work.'],
      ['rosa', 'Then the watering rota stays as it was: two households a week, with the list on the shed door.'],
      ['anon', 'Can we add a second list online for people who cannot come by the shed?'],
      ['hannah', 'Good idea. I can put it on the website and print a copy every Monday.'],
      ['rosa', 'Last item, the harvest festival. We have the last Sunday of September.'],
      ['dev', 'The bakery on Mill Street offered bread again, and the brass band is free that day.'],
      ['hannah', 'We should ask the school to show their beans. A small stand, nothing fancy.'],
      ['rosa', 'Perfect. I will write the plan up and send it to everyone this week.'],
      ['rosa', 'Thank you for coming, and see you on Saturday for the draw.'],
    ],
    chapters: [
      { turn: 0, title: 'Agenda' },
      { turn: 2, title: 'New plots' },
      { turn: 9, title: 'Water schedule' },
      { turn: 14, title: 'Harvest festival' },
    ],
    clips: [{ from: 2, to: 3, title: 'Eight new beds' }],
  },
  {
    id: 'club-lecture',
    title: 'Club de lecture : Le Petit Prince',
    language: 'fr',
    startedAt: '2025-11-20T19:00:00Z',
    bitrate: '24k',
    expiresAt: '2026-01-01T00:00:00Z',
    people: [
      { id: 'claire', name: 'Claire Martin', role: 'host', voice: 'fr+f3', consent: { record: true, clip: true } },
      { id: 'julien', name: 'Julien Petit', role: 'speaker', voice: 'fr', consent: { record: true, clip: true } },
      { id: 'amina', name: 'Amina Benali', role: 'speaker', voice: 'fr-be+f2', consent: { record: true, clip: true } },
    ],
    turns: [
      ['claire', 'Bonsoir à tous, ce soir nous parlons du Petit Prince de Saint-Exupéry.'],
      ['julien', 'Je l’ai relu cette semaine, et je ne l’avais pas compris de la même façon à dix ans.'],
      ['amina', 'Pour moi, le passage du renard reste le plus beau. On ne voit bien qu’avec le cœur.'],
      ['claire', 'Et la rose ? Elle est capricieuse, mais le prince revient pour elle.'],
      ['julien', 'C’est un livre sur la responsabilité, au fond. Tu deviens responsable de ce que tu as apprivoisé.'],
      ['amina', 'Les grandes personnes du livre sont toutes seules sur leur planète, c’est assez triste.'],
      ['claire', 'Le mois prochain, nous lirons Vol de nuit. Merci et bonne soirée.'],
    ],
    chapters: [
      { turn: 0, title: 'Introduction' },
      { turn: 2, title: 'Le renard et la rose' },
      { turn: 6, title: 'Le mois prochain' },
    ],
    clips: [{ from: 2, to: 2, title: 'Le renard' }],
  },
  {
    id: 'office-hours',
    title: 'Office hours: one track per speaker',
    language: 'en',
    startedAt: '2026-06-10T16:00:00Z',
    bitrate: '24k',
    tracks: true,
    events: true,
    people: [
      { id: 'noor', name: 'Noor Haddad', role: 'host', voice: 'en-gb+f3', consent: { record: true, clip: true } },
      { id: 'kai', name: 'Kai Schmidt', role: 'speaker', voice: 'en-us+m3', consent: { record: true, clip: true } },
      { id: 'guest', name: 'Guest (not recorded)', role: 'speaker', voice: 'en-us', consent: { record: false, clip: false } },
    ],
    turns: [
      ['noor', 'Welcome to office hours. Each of us is recorded on a track of our own today.'],
      ['kai', 'Which is why I can interrupt you and the player still knows who is talking.', 0.8],
      ['guest', 'I would like to ask something, but please leave me out of the recording.'],
      ['noor', 'Of course. Your track is simply not in the mix, so we can still talk over you.', 1.2],
      ['kai', 'And the raised hands, the reactions and the pinned link are part of the replay too.'],
      ['noor', 'Thanks for coming, see you next week.'],
    ],
    chapters: [],
    clips: [],
  },
  {
    id: 'release-standup',
    title: 'Release standup (live)',
    language: 'en',
    startedAt: '2026-05-04T09:00:00Z',
    bitrate: '24k',
    status: 'live',
    people: [
      { id: 'lee', name: 'Lee Anders', role: 'host', voice: 'en-us+m3', consent: { record: true, clip: true } },
      { id: 'priya', name: 'Priya Nair', role: 'speaker', voice: 'en-gb+f3', consent: { record: true, clip: true } },
      { id: 'ola', name: 'Ola Nordmann', role: 'speaker', voice: 'en-us', consent: { record: true, clip: false } },
    ],
    turns: [
      ['lee', 'Morning all, quick standup before the release. Priya, how are the browser tests?'],
      ['priya', 'Green in Chromium and Firefox. One flaky test in the transcript view, fixed last night.'],
      ['ola', 'The docs are ready. I am still checking the examples for the command line tool.'],
      ['lee', 'Great. We tag at noon unless somebody shouts.'],
      ['priya', 'I will watch the error reports for the first hour after the release.'],
    ],
    chapters: [],
    clips: [],
  },
];
