import { expect } from '@esm-bundle/chai';
import { formatFragmentTime, formatSpokenTime, formatTime, parseTime } from '../../src/model/time.js';

describe('time: parseTime', () => {
  const valid: [string, number][] = [
    ['0', 0],
    ['62.5', 62.5],
    ['90', 90],
    ['90.', 90],
    ['1:02', 62],
    ['0:00', 0],
    ['59:59', 3599],
    ['1:02:03.5', 3723.5],
    ['01:02:03,500', 3723.5],
    ['100:00:00', 360000],
    ['1h2m3s', 3723],
    ['1h', 3600],
    ['2m30s', 150],
    ['90s', 90],
    ['90m', 5400],
    ['1.5h', 5400],
    ['1H2M3S', 3723],
    ['npt:1:30', 90],
    ['npt:90.5', 90.5],
    ['NPT:10', 10],
    ['  1:30  ', 90],
    ['1:02:03.042', 3723.042],
  ];
  for (const [text, seconds] of valid) {
    it(`reads "${text}" as ${seconds}`, () => {
      expect(parseTime(text)).to.be.closeTo(seconds, 1e-9);
    });
  }

  const invalid = [
    '', '   ', 'npt:', 'abc', '-5', '-1:00', '1:60', '1:00:60', '1:60:00', '60:00', '1:2', '1:002', ':30', '1:', '1::2',
    'NaN', 'Infinity', '1e3', '0x10', '1,5', '1.2.3', '1h2', 'h', 'm', 's', '1s2m', '1 h', '+5', '1:02:03:04', '.5',
    'smpte:00:01:00', 'npt:npt:10', '1:30,2:00', '1'.repeat(400),
  ];
  for (const text of invalid) {
    it(`rejects "${text.length > 20 ? `${text.slice(0, 20)}…` : text}"`, () => {
      expect(parseTime(text)).to.equal(undefined);
    });
  }

  it('rejects non-strings', () => {
    expect(parseTime(90 as unknown as string)).to.equal(undefined);
    expect(parseTime(undefined as unknown as string)).to.equal(undefined);
  });
});

describe('time: formatTime', () => {
  const cases: [number, string][] = [
    [0, '0:00'],
    [5, '0:05'],
    [59.999, '0:59'],
    [60, '1:00'],
    [62.5, '1:02'],
    [599, '9:59'],
    [3599.9, '59:59'],
    [3600, '1:00:00'],
    [3723.9, '1:02:03'],
    [36000, '10:00:00'],
    [-3.5, '-0:03'],
    [-0.4, '-0:00'],
    [-3723, '-1:02:03'],
    [NaN, '0:00'],
    [Infinity, '0:00'],
    [-0, '0:00'],
  ];
  for (const [seconds, text] of cases) {
    it(`writes ${seconds} as ${text}`, () => {
      expect(formatTime(seconds)).to.equal(text);
    });
  }

  it('writes hours always with forceHours', () => {
    expect(formatTime(62, { forceHours: true })).to.equal('0:01:02');
    expect(formatTime(-62, { forceHours: true })).to.equal('-0:01:02');
  });

  it('never writes 60 seconds or 60 minutes, and parses back to the floored value', () => {
    for (let ms = 0; ms < 7_300_000; ms += 997) {
      const seconds = ms / 1000;
      const text = formatTime(seconds);
      expect(text).to.not.match(/:6\d/);
      expect(parseTime(text)).to.equal(Math.floor(seconds));
    }
  });
});

describe('time: formatSpokenTime', () => {
  it('says hours, minutes and seconds in English, leaving out zero parts', () => {
    expect(formatSpokenTime(3723)).to.equal('1 hour 2 minutes 3 seconds');
    expect(formatSpokenTime(243)).to.equal('4 minutes 3 seconds');
    expect(formatSpokenTime(0)).to.equal('0 seconds');
    expect(formatSpokenTime(1)).to.equal('1 second');
    expect(formatSpokenTime(3600)).to.equal('1 hour');
    expect(formatSpokenTime(7260.9)).to.equal('2 hours 1 minute');
    expect(formatSpokenTime(-61)).to.equal('1 minute 1 second');
    expect(formatSpokenTime(NaN)).to.equal('0 seconds');
  });

  it('localises through Intl units', () => {
    // French puts a no-break space between number and unit: compare with plain spaces.
    const plain = (text: string): string => text.replace(/\s/g, ' ');
    expect(plain(formatSpokenTime(3723, 'fr'))).to.equal('1 heure 2 minutes 3 secondes');
    expect(plain(formatSpokenTime(120, 'de'))).to.equal('2 Minuten');
  });

  it('falls back to English for an invalid locale instead of throwing', () => {
    expect(formatSpokenTime(5, 'not a locale!')).to.equal('5 seconds');
  });
});

describe('time: formatFragmentTime', () => {
  const cases: [number, string][] = [
    [0, '0'],
    [90, '90'],
    [90.5, '90.5'],
    [90.25, '90.25'],
    [3723.042, '3723.042'],
    [1.0004, '1'],
    [1.0006, '1.001'],
    [59.9996, '60'],
    [0.001, '0.001'],
    [-5, '0'],
    [NaN, '0'],
    [Infinity, '0'],
  ];
  for (const [seconds, text] of cases) {
    it(`writes ${seconds} as ${text}`, () => {
      expect(formatFragmentTime(seconds)).to.equal(text);
    });
  }

  it('parses back within a millisecond', () => {
    for (let i = 0; i < 2000; i++) {
      const seconds = (i * 7919.123457) % 20000;
      expect(Math.abs(parseTime(formatFragmentTime(seconds))! - seconds)).to.be.at.most(0.0005 + 1e-9);
    }
  });
});
