import { expect } from '@esm-bundle/chai';
import { parseDateTime } from '../../src/manifest/index.js';

describe('parseDateTime (RFC 3339)', () => {
  it('reads date-times with Z, offsets and fractions', () => {
    expect(parseDateTime('2024-05-01T18:00:00Z')).to.equal(Date.UTC(2024, 4, 1, 18));
    expect(parseDateTime('2024-05-01t18:00:00z')).to.equal(Date.UTC(2024, 4, 1, 18));
    expect(parseDateTime('2024-05-01T20:00:00+02:00')).to.equal(Date.UTC(2024, 4, 1, 18));
    expect(parseDateTime('2024-05-01T17:30:00-00:30')).to.equal(Date.UTC(2024, 4, 1, 18));
    expect(parseDateTime('2024-05-01T18:00:00.250Z')).to.equal(Date.UTC(2024, 4, 1, 18) + 250);
    expect(parseDateTime('2024-02-29T00:00:00Z')).to.equal(Date.UTC(2024, 1, 29));
    expect(new Date(parseDateTime('0050-01-01T00:00:00Z')!).getUTCFullYear()).to.equal(50);
  });

  it('refuses what is not an RFC 3339 date-time or not a real instant', () => {
    for (const s of ['2024-05-01', '2024-05-01T18:00:00', '2024-05-01 18:00:00Z', '2024-05-01T18:00Z', '2024-13-01T00:00:00Z',
      '2023-02-29T00:00:00Z', '2024-04-31T00:00:00Z', '2024-05-01T24:00:00Z', '2024-05-01T18:00:60Z', '2024-05-01T18:00:00+0200',
      '2024-05-01T18:00:00+02', ' 2024-05-01T18:00:00Z', '']) {
      expect(parseDateTime(s), s).to.equal(undefined);
    }
    expect(parseDateTime(1714586400000)).to.equal(undefined);
  });
});
