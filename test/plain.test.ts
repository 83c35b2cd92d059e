/** The helpers that put figures and findings into words (src/lib/plain.ts, src/lib/words.ts, the search box's not-found sentence): expected sentences worked out by hand. */
import { describe, expect, it } from 'vitest';
import { viewSummary } from '../src/lib/words.ts';
import { contestWords } from '../src/lib/governance.ts';
import { changeWords, serviceNote, type FinanceData, type Service } from '../src/lib/finance.ts';
import { domainSentence, englandDecile, englandQuintile, englandWords, needsScoreWord, plainSentence, profileOrder, shareWords, sharedNoteOpening, spineNote, spineNoteParts } from '../src/lib/plain.ts';
import { andList, changeSentence, headlineSentence, plural } from '../src/lib/words.ts';
import { citation, dataCredits } from '../src/lib/build-info.ts';
import { sourceCredit } from '../src/lib/data.ts';
import { found, notFound } from '../src/scripts/search/search-box.ts';
import { wardWords } from '../src/lib/postcode.ts';
import { valueInWords } from '../src/scripts/explorer/words.ts';
import { mappedArea, regionComparator, regionHeading } from '../src/lib/scope-words.ts';
import { differenceNote } from '../src/lib/local-words.ts';

const pct = { unit: 'percent', decimals: 1, polarity: 'higher-worse' as const, plain: '{share} households have no car or van' };
const rate = { unit: 'rate', decimals: 1, polarity: 'higher-worse' as const, plain: '{value} recorded burglaries per 1,000 properties', per: 'per 1,000 properties' };

describe('figures in words', () => {
  it('turns a percentage into a natural frequency', () => {
    expect(shareWords(57.01)).toBe('about 6 in 10');
    expect(shareWords(32.45)).toBe('about 3 in 10');
    expect(shareWords(50.2)).toBe('about half of');
    expect(shareWords(4)).toBe('about 1 in 25');
    expect(shareWords(3.2)).toBe('about 1 in 30'); // 100 / 3.2 = 31.25, to the nearest 5
    expect(shareWords(0.4)).toBe('fewer than 1 in 100');
    expect(shareWords(99)).toBe('almost all');
    expect(shareWords(100)).toBe('all');
    expect(shareWords(0)).toBe('no');
    expect(shareWords(25.4)).toBe('about 1 in 4'); // 3 in 10 would be 4.6 points off
    expect(shareWords(23.6)).toBe('about 1 in 4');
    expect(shareWords(22.4)).toBe('about 2 in 10');
    expect(shareWords(27.6)).toBe('about 3 in 10');
    expect(shareWords(76.1)).toBe('about 3 in 4');
    // Between a tenth and a sixth, tenths were far off: 14.5% was "about 1 in 10".
    expect(shareWords(14.5)).toBe('about 1 in 7'); // 100 / 14.5 = 6.9
    expect(shareWords(13.3)).toBe('about 1 in 8'); // 7.5, to the nearest whole number
    expect(shareWords(16.4)).toBe('about 1 in 6'); // 6.1
    expect(shareWords(10.2)).toBe('about 1 in 10');
    expect(shareWords(18)).toBe('about 2 in 10');
  });

  it('leads with the measure in words, the figure after it', () => {
    expect(plainSentence(pct, 57.01)).toBe('About 6 in 10 households have no car or van (57.0%)');
    expect(plainSentence(rate, 22.34)).toBe('22.3 recorded burglaries per 1,000 properties');
    expect(plainSentence(pct, undefined)).toBeNull();
    // A sentence that already ends in brackets gets its figure after the share, not a second pair of brackets at its end.
    expect(plainSentence({ ...pct, plain: "{share} electors voted at their ward's latest local election (2021 to 2024)" }, 28.61)).toBe("About 3 in 10 (28.6%) electors voted at their ward's latest local election (2021 to 2024)");
  });

  it("places a figure among England's areas, rounded down, with the right end named worse", () => {
    expect(englandWords(pct, { position: 0.9529 })).toBe('worse than 9 in 10 areas of England');
    expect(englandWords({ polarity: 'lower-worse' }, { position: 0.9529 })).toBe('better than 9 in 10 areas of England');
    expect(englandWords(pct, { position: 0.99 })).toBe('worse than almost all areas of England');
    expect(englandWords(pct, { position: 0.5 })).toBe("near the middle of England's areas");
    expect(englandWords(pct, { position: 0.21 })).toBe('better than 7 in 10 areas of England');
    expect(englandWords({ polarity: 'neutral' }, { position: 0.73 })).toBe('higher than 7 in 10 areas of England');
    expect(englandWords(pct, { position: 0.73 }, true)).toBe('worse than 7 in 10');
  });

  it('notes under a spine row how its figure was made, in brackets after where it falls (not a "·" list)', () => {
    expect(spineNote({ ...pct, finer: 'Output Area', note: 'x' }, { position: 0.81 })).toBe('worse than 8 in 10 areas of England (Output Area sum; see note)');
    expect(spineNote({ ...pct, note: 'x' }, { position: 0.5 })).toBe("near the middle of England's areas (see note)");
    expect(spineNote({ ...pct, finer: 'Output Area' }, undefined)).toBe('Output Area sum');
    expect(spineNote(pct, { position: 0.1 })).toBe('better than 9 in 10 areas of England');
    // The same line in parts, "see note" apart for a page to make a link of it.
    expect(spineNoteParts({ ...pct, finer: 'Output Area', note: 'x' }, { position: 0.81 })).toEqual(['worse than 8 in 10 areas of England (Output Area sum; ', 'see note', ')']);
    expect(spineNoteParts({ ...pct, note: 'x' }, undefined)).toEqual(['', 'see note', '']);
    expect(spineNoteParts({ ...pct, finer: 'Output Area', note: 'x' }, undefined)).toEqual(['Output Area sum; ', 'see note', '']);
    expect(spineNoteParts(pct, { position: 0.1 })).toEqual(['better than 9 in 10 areas of England', '', '']);
  });

  it('says an opening sentence that every note of a list shares once, for them all, and leaves each note the rest', () => {
    const ward = 'Each small area takes the figure of its ward (by a lookup).';
    expect(sharedNoteOpening([`${ward} A.`, `${ward} B, and C.`, ward, `${ward} D.`])).toEqual({ shared: 'For all four measures above, each small area takes the figure of its ward (by a lookup).', notes: ['A.', 'B, and C.', undefined, 'D.'] });
    expect(sharedNoteOpening([`${ward} A.`, `${ward}`]).shared).toBe('For both measures above, each small area takes the figure of its ward (by a lookup).');
    expect(sharedNoteOpening([`${ward} A.`, 'Modelled. B.'])).toEqual({ shared: null, notes: [`${ward} A.`, 'Modelled. B.'] });
    expect(sharedNoteOpening([`${ward} A.`, undefined]).shared).toBeNull();
    expect(sharedNoteOpening([`${ward} A.`]).shared).toBeNull();
  });

  it('gives a score the England decile it would fall in (1 = worst tenth) and a quintile for shading', () => {
    expect(englandDecile(pct, 0.95)).toBe(1);
    expect(englandDecile(pct, 0.05)).toBe(10);
    expect(englandDecile({ polarity: 'neutral' }, 0.5)).toBeNull();
    expect(englandQuintile(pct, 0.95)).toBe(1);
    expect(englandQuintile({ polarity: 'lower-worse' }, 0.95)).toBe(5);
  });

  it('reads a domain as a whole from its real-unit measures, leaving out those with no worse end', () => {
    const rows = [0.97, 0.85, 0.81, 0.6, 0.3].map((position) => ({ ind: pct, summary: { areas: 1, withValue: 1, missing: 0, suppressed: 0, position } }));
    rows.push({ ind: { ...pct, polarity: 'neutral' } as never, summary: { areas: 1, withValue: 1, missing: 0, suppressed: 0, position: 0.99 } });
    // Six measures listed, one with no worse end: the count says it is of the five that have one.
    expect(domainSentence('Testville', 'Living environment', rows)).toBe('On 3 of its 5 living environment measures with a better and a worse end, Testville is worse than 8 in 10 areas of England; on 4 it is worse than 6 in 10.');
    expect(domainSentence('Testville', 'Living environment', rows.slice(0, 4))).toBe('On 3 of its 4 living environment measures, Testville is worse than 8 in 10 areas of England; on all 4 it is worse than 6 in 10.');
    expect(domainSentence('Testville', 'Living environment', rows.slice(3, 5))).toBe('On 1 of its 2 living environment measures, Testville is worse than 6 in 10 areas of England, but on none worse than 8 in 10.');
    // A measure its own line calls "near the middle" (0.55) is not counted as worse; nor one most of England shares exactly.
    const middle = [0.55, 0.56].map((position) => ({ ind: pct, summary: { areas: 1, withValue: 1, missing: 0, suppressed: 0, position } }));
    expect(englandWords(pct, middle[0].summary)).toBe("near the middle of England's areas");
    expect(domainSentence('Testville', 'Living environment', middle)).toBe('On none of its 2 living environment measures is Testville worse than 6 in 10 areas of England.');
    const tied = [{ ind: pct, summary: { areas: 1, withValue: 1, missing: 0, suppressed: 0, position: 0.99, tied: 0.98 } }];
    expect(domainSentence('Testville', 'Living environment', tied)).toBe('On its one living environment measure, Testville is not worse than 6 in 10 areas of England.');
    // Two measures, both worse than 8 in 10: "both of its", not "all 2 of its".
    expect(domainSentence('Testville', 'Living environment', rows.slice(1, 3))).toBe('On both of its living environment measures, Testville is worse than 8 in 10 areas of England.');
    expect(domainSentence('Testville', 'Social relationships', [])).toBeNull();
    // Where each of them is worse than 9 in 10, as their own lines say, so does the domain's sentence.
    const worst = [0.97, 0.93].map((position) => ({ ind: pct, summary: { areas: 1, withValue: 1, missing: 0, suppressed: 0, position } }));
    expect(domainSentence('Testville', 'Health', worst)).toBe('On both of its health measures, Testville is worse than 9 in 10 areas of England.');
    expect(domainSentence('Testville', 'Health', [...worst, rows[3]])).toBe('On 2 of its 3 health measures, Testville is worse than 9 in 10 areas of England; on all 3 it is worse than 6 in 10.');
  });

  it('orders a profile: real-unit measures first, then scores; ranks and deciles left to their scores', () => {
    const inds = [{ id: 's', unit: 'score' }, { id: 'r', unit: 'rank' }, { id: 'p', unit: 'percent' }, { id: 'd', unit: 'decile' }, { id: 'x', unit: 'rate' }];
    expect(profileOrder(inds).map((i) => i.id)).toEqual(['p', 'x', 's']);
  });
});

describe('a council\'s spending change, in words (src/lib/finance.ts)', () => {
  const f = { years: ['2010-11', '2017-18'] } as FinanceData;
  it('says a rise or a fall only where the rounded figures differ ("fell from £24 to £24" was printed), and £0 to £0 is no change with no percentage', () => {
    expect(changeWords(f, [100, 80], [100, 100])).toBe('fell from £100 in 2010-11 to £80 in 2017-18 per resident (−20%)');
    expect(changeWords(f, [24.4, 23.9], [30, 30])).toBe('was about £24 per resident in both 2010-11 and 2017-18 (−2%)');
    expect(changeWords(f, [0, 0], [30, 30])).toBe('was £0 per resident in both 2010-11 and 2017-18');
  });
  it('calls a change under half a per cent little change, not a fall ("fell from £715 to £713 (0%)"), and names the years with no figure between the ends', () => {
    expect(changeWords(f, [715, 713], [700, 700])).toBe('changed little, from £715 in 2010-11 to £713 in 2017-18 per resident (0%)');
    const g = { years: ['2013-14', '2014-15', '2015-16', '2016-17', '2017-18'] } as FinanceData;
    expect(changeWords(g, [844, 759, null, null, 859], [800, 800, 800, 800, 800])).toBe('rose from £844 in 2013-14 to £859 in 2017-18 per resident (+2%; no figures for 2015-16 and 2016-17)');
    expect(changeWords(g, [0, 5, null, 7, 9], [800, 800, 800, 800, 800])).toBe('rose from £0.00 in 2013-14 to £9.00 in 2017-18 per resident (no figures for 2015-16); it starts from zero, so no percentage is given');
    // A chart that names its missing years under itself does not name them again above.
    expect(changeWords(g, [844, 759, null, null, 859], [800, 800, 800, 800, 800], true)).toBe('rose from £844 in 2013-14 to £859 in 2017-18 per resident (+2%)');
  });
});

describe('a source in a list of sources (src/lib/data.ts)', () => {
  const ogl = { name: 'Open Government Licence v3.0', id: 'OGL-UK-3.0', url: 'u' };
  const sa = { name: 'Creative Commons Attribution-ShareAlike 3.0 Unported', id: 'CC-BY-SA-3.0', url: 'u' };
  it('gives the attribution unless it only repeats the publisher, and the licence unless the attribution names it', () => {
    expect(sourceCredit({ publisher: 'ONS', attribution: 'Contains public sector information licensed under the Open Government Licence v.3.0.', licence: ogl })).toBe(' Contains public sector information licensed under the Open Government Licence v.3.0.');
    expect(sourceCredit({ publisher: 'Andrew Teale, Local Elections Archive Project', attribution: 'Andrew Teale, Local Elections Archive Project.', licence: sa })).toBe(' Licence: Creative Commons Attribution-ShareAlike 3.0 Unported (share-alike).');
    expect(sourceCredit({ publisher: 'X', attribution: 'Data from Y.', licence: ogl })).toBe(' Data from Y. Licence: Open Government Licence v3.0.');
  });
});

describe('the then-and-now sentence (src/lib/words.ts)', () => {
  const area = (k15: number, m15: number, k19: number, m19: number) => ({ summaries: {
    'iod15-imd-decile': { neighbourhood: { withValue: m15, mostDeprived10: { areas: k15 } } },
    'iod19-imd-decile': { neighbourhood: { withValue: m19, mostDeprived10: { areas: k19 } } },
  } }) as unknown as Parameters<typeof changeSentence>[0];

  it('gives the two editions in the order they were published, and says nothing of why they differ', () => {
    expect(changeSentence(area(6, 10, 4, 10))).toBe("In the 2015 Indices, six of its ten small areas of 2011 were in England's most deprived 10%; in the 2019 Indices, four.");
    expect(changeSentence(area(1, 4, 2, 4))).toBe("In the 2015 Indices, one of its four small areas of 2011 was in England's most deprived 10%; in the 2019 Indices, two.");
    expect(changeSentence(area(3, 12, 3, 11))).toBe("In the 2015 Indices, three of its small areas of 2011 (12 with a 2015 figure, 11 with a 2019 one) were in England's most deprived 10%; in the 2019 Indices, three.");
    expect(changeSentence(area(6, 10, 4, 10))).not.toMatch(/programme|because|after|result/);
  });

  it('says "all five of its small areas", not "five of its five", and "its one small area"', () => {
    expect(changeSentence(area(5, 5, 5, 5))).toBe("In the 2015 Indices, all five of its small areas of 2011 were in England's most deprived 10%; in the 2019 Indices, all five.");
    expect(changeSentence(area(5, 5, 4, 5))).toBe("In the 2015 Indices, all five of its small areas of 2011 were in England's most deprived 10%; in the 2019 Indices, four.");
    expect(changeSentence(area(4, 5, 5, 5))).toBe("In the 2015 Indices, four of its five small areas of 2011 were in England's most deprived 10%; in the 2019 Indices, all five.");
    expect(changeSentence(area(1, 1, 1, 1))).toBe("In the 2015 Indices, its one small area of 2011 was in England's most deprived 10%; in the 2019 Indices, it was again.");
    expect(changeSentence(area(0, 1, 1, 1))).toBe("In the 2015 Indices, its one small area of 2011 was not in England's most deprived 10%; in the 2019 Indices, it was.");
    expect(changeSentence(area(1, 1, 0, 1))).toBe("In the 2015 Indices, its one small area of 2011 was in England's most deprived 10%; in the 2019 Indices, it was not.");
    expect(changeSentence(area(0, 1, 0, 1))).toBe("In the 2015 Indices, its one small area of 2011 was not in England's most deprived 10%; in the 2019 Indices, nor was it.");
  });

  it('says "none" for no areas, never "no of its"', () => {
    expect(changeSentence(area(0, 4, 0, 4))).toBe("In the 2015 Indices, none of its four small areas of 2011 was in England's most deprived 10%; in the 2019 Indices, none.");
    const headline = { id: 'h', edition: 'IoD 2025' } as unknown as Parameters<typeof headlineSentence>[1];
    const nb = (k: number, m: number) => ({ name: 'Somewhere', summaries: { h: { neighbourhood: { withValue: m, mostDeprived10: { areas: k } } } } }) as unknown as Parameters<typeof headlineSentence>[0];
    expect(headlineSentence(nb(0, 4), headline)).toBe('None of its four small areas is among the 10% most deprived in England (IoD 2025).');
    expect(headlineSentence(nb(1, 4), headline)).toBe('One of its four small areas is among the 10% most deprived in England (IoD 2025).');
    expect(headlineSentence(nb(3, 4), headline)).toBe('Three of its four small areas are among the 10% most deprived in England (IoD 2025).');
    // One area, shared with the then-and-now sentence's rule: never "none of its one small areas".
    expect(headlineSentence(nb(1, 1), headline)).toBe('Its one small area is among the 10% most deprived in England (IoD 2025).');
    expect(headlineSentence(nb(0, 1), headline)).toBe('Its one small area is not among the 10% most deprived in England (IoD 2025).');
    expect(headlineSentence(nb(5, 5), headline)).toBe('All five of its small areas are among the 10% most deprived in England (IoD 2025).');
  });

  it('is empty when an edition has no figures', () => {
    expect(changeSentence({ summaries: {} } as unknown as Parameters<typeof changeSentence>[0])).toBe('');
  });
});

describe('the word "score" after an index value\'s name', () => {
  it('is added only where the short label does not end with it already', () => {
    expect(needsScoreWord({ unit: 'score', shortLabel: 'Crime score' })).toBe(false);
    expect(needsScoreWord({ unit: 'score', shortLabel: 'Crime' })).toBe(true);
    expect(needsScoreWord({ unit: 'decile', shortLabel: 'Index of Multiple Deprivation decile' })).toBe(true);
    expect(needsScoreWord({ unit: 'percent', shortLabel: 'No car or van' })).toBe(false);
    expect(needsScoreWord({ unit: 'score', shortLabel: 'Underscore' })).toBe(true);
  });
});

describe('a postcode not found, in words (src/scripts/search/search-box.ts)', () => {
  const cov = { edition: 'ONS NSPL, August 2024', postcode: 'SW1A 1AA', area: 'SW' };
  it('in a region whose postcodes the file holds whole, says the postcode is outside it', () => {
    expect(notFound({ ...cov, kind: 'outside', region: 'the North West', coverage: 1, complete: true })).toBe('SW1A 1AA is not a postcode of the North West (no SW postcodes are in it). The atlas covers the North West only.');
  });
  it('where the file covers only part of the area (England from a North West file), says only that the file lacks it', () => {
    const words = notFound({ ...cov, kind: 'outside', region: 'England', coverage: 0.135, complete: false });
    expect(words).toBe("SW1A 1AA is not in the atlas's postcode file (ONS NSPL, August 2024), which has no SW postcodes. The postcode file covers only 14% of the small areas of England; search for a place, ward or local authority instead.");
    expect(words).not.toMatch(/not a postcode of England/);
  });
});

describe('a decile in words (src/scripts/explorer/words.ts)', () => {
  const ind = { unit: 'decile', decimals: 0, edition: 'IoD 2025' } as unknown as Parameters<typeof valueInWords>[0];
  it('says which share of England is more deprived and which less, each named ("less than 50%" read as a contradiction)', () => {
    expect(valueInWords(ind, 6, 'value')).toBe("Decile 6 of 10: 50% of England's small areas are more deprived and 40% less (decile 1 is the most deprived tenth; IoD 2025).");
    expect(valueInWords(ind, 2, 'value')).toBe("Decile 2 of 10: 10% of England's small areas are more deprived and 80% less (decile 1 is the most deprived tenth; IoD 2025).");
    expect(valueInWords(ind, 1, 'value')).toBe('Decile 1: among the 10% most deprived small areas in England (IoD 2025).');
  });
});

describe('a postcode found, in words (src/scripts/search/search-box.ts)', () => {
  // SYNTHETIC names and codes: the sentence's shape, not a real place's figures.
  const r = { postcode: 'AB1 2CD', lsoa: { code: 'E01000001', name: 'Testshire 001A', lsoa11: [] }, ward: { code: 'E05000001', name: 'Hilltop' }, lad: { code: 'E06000001', name: 'Testshire' } };
  it('names the neighbourhood first, then the small area, the ward as a ward, and the council', () => {
    expect(found({ ...r, neighbourhood: { slug: 'hilltop', name: 'Hilltop' } })).toBe("AB1 2CD is in Hilltop, one of the programme's neighbourhoods. Its small area is Testshire 001A (E01000001), in Hilltop ward, Testshire.");
    expect(found({ ...r, neighbourhood: null })).toBe("AB1 2CD is not in one of the programme's neighbourhoods. Its small area is Testshire 001A (E01000001), in Hilltop ward, Testshire.");
  });
  it('does not say "ward" twice', () => {
    expect(wardWords('Hilltop')).toBe('Hilltop ward');
    expect(wardWords('Town Ward')).toBe('Town Ward');
    expect(wardWords('Steward Park')).toBe('Steward Park ward');
  });
});

describe('the mapped area and the region, in words (src/lib/scope-words.ts)', () => {
  const region = { regionName: 'North West', mode: 'region', nation: 'England' };
  const england = { ...region, mode: 'england' };
  it('names what the atlas maps from its scope', () => {
    expect(mappedArea(region)).toBe('the North West');
    expect(mappedArea(england)).toBe('England');
  });
  it('says why the region is beside an area of anywhere in England', () => {
    expect(`compared with Maidstone, ${regionComparator(england)} and England`).toBe("compared with Maidstone, the North West, where the programme's neighbourhoods are, and England");
    expect(`compared with Blackpool, ${regionComparator(region)} and England`).toBe('compared with Blackpool, the North West and England');
    expect(regionHeading(england)).toBe("North West (the programme's region)");
    expect(regionHeading(region)).toBe('North West');
  });
});

describe('a survey difference against comparison areas, in words (src/lib/local-words.ts)', () => {
  it('says whose estimate it is and that the atlas measures no effect of the programme', () => {
    const note = differenceNote({ unit: 'percentage points', level: 'programme' })!;
    expect(note).toMatch(/^The survey team’s published estimate/);
    // A programme-wide figure, shown on the home page and every neighbourhood's, is never "the rise here".
    expect(note).toContain('the rise in the programme’s neighbourhoods taken together less the rise in comparison areas');
    expect(differenceNote({ unit: 'percentage points', level: 'neighbourhood' })).toContain('the rise in this neighbourhood less');
    expect(note).toContain('comparison areas over the same years');
    expect(note).toContain('none of its own figures measures what the programme did');
    expect(note).toContain('the atlas quotes it and cannot check it');
  });
  it('is left out for a plain figure', () => {
    for (const unit of ['percent', 'count', 'rate', 'score', 'text'] as const) expect(differenceNote({ unit, level: 'programme' })).toBeNull();
  });
});

describe('names of kinds of place, and the citation, in words', () => {
  it('puts each kind of place the search lists into its plural (the search page said "Local authoritys" and "Parishs")', () => {
    expect(['Neighbourhood', 'Local authority', 'Ward', 'Parish', 'City', 'Town', 'Village', 'Hamlet', 'Suburb', 'Place'].map(plural))
      .toEqual(['Neighbourhoods', 'Local authorities', 'Wards', 'Parishes', 'Cities', 'Towns', 'Villages', 'Hamlets', 'Suburbs', 'Places']);
    expect(plural('Bus')).toBe('Buses');
    expect([[], ['2015-16'], ['2015-16', '2016-17'], ['a', 'b', 'c']].map(andList)).toEqual(['', '2015-16', '2015-16 and 2016-17', 'a, b and c']);
    expect(plural('Day')).toBe('Days');
  });

  it('cites the site by its address when the build knows it, and by nothing when it does not (it printed "/." for an unset site)', () => {
    const info = { version: '1.2.0', date: '2026-12-06' };
    const sources = [{ publisher: 'Office for National Statistics (ONS)', licence: { id: 'OGL-UK-3.0', name: 'Open Government Licence v3.0' } }];
    expect(citation('https://example.org/atlas/', 'Atlas', sources, info)).toContain('Atlas, version 1.2.0 (built 2026-12-06). https://example.org/atlas/. Data:');
    expect(citation(undefined, 'Atlas', sources, info)).toContain('Atlas, version 1.2.0 (built 2026-12-06). Data:');
    expect(citation('/', 'Atlas', sources, info)).toContain('(built 2026-12-06). Data:');
  });

  it('credits every source\'s publisher under its licence, the share-alike election archive by name (the citation named only the Indices and the Census)', () => {
    const ogl = { id: 'OGL-UK-3.0', name: 'Open Government Licence v3.0' };
    const credits = dataCredits([
      { publisher: 'Ministry of Housing, Communities and Local Government (MHCLG)', licence: ogl },
      { publisher: 'Office for National Statistics (ONS)', licence: ogl },
      { publisher: 'Ministry of Housing, Communities and Local Government (MHCLG, formerly DCLG)', licence: ogl },
      { publisher: 'Andrew Teale, Local Elections Archive Project', licence: { id: 'CC-BY-SA-3.0', name: 'Creative Commons Attribution-ShareAlike 3.0 Unported' } },
      { publisher: 'OpenStreetMap contributors; tiles made with Tilemaker', licence: { id: 'ODbL-1.0', name: 'Open Database License 1.0' } },
      { publisher: 'NHS Digital', licence: ogl },
      { publisher: 'Natural Earth', licence: { id: 'public-domain', name: 'Public domain' } },
    ]);
    expect(credits).toBe('MHCLG, ONS and NHS Digital (Open Government Licence v3.0); Andrew Teale, Local Elections Archive Project (CC BY-SA 3.0); OpenStreetMap contributors (Open Database License 1.0); Natural Earth (public domain)');
  });
});

describe('a map view in words', () => {
  const ind = { label: 'seats filled unopposed (SYNTHETIC)', unit: 'percent', decimals: 1, polarity: 'higher-worse' as const };
  const area = (code: string, value: number) => ({ code, name: `Area ${code}`, value, status: 'value' as const });
  it('names the area at each end, or counts the areas where several share it', () => {
    expect(viewSummary(ind, [area('a', 0), area('b', 0), area('c', 0), area('d', 25), area('e', 100)], 'in view'))
      .toBe('The map shows “seats filled unopposed (SYNTHETIC)” for the 5 small areas in view. Values range from 0.0% (three areas) to 100.0% (Area e); the middle value is 0.0%.');
    expect(viewSummary(ind, [area('a', 0), area('d', 25), area('e', 100)], 'in view')).toContain('from 0.0% (Area a) to 100.0% (Area e)');
    const many = Array.from({ length: 4477 }, (_, i) => area(`z${i}`, 0));
    expect(viewSummary(ind, [...many, area('e', 100)], 'of the region')).toContain('from 0.0% (4,477 areas) to 100.0% (Area e)');
  });
});

describe('a ward\'s contest in words', () => {
  it('says a one-seat contest\'s count once, and a contest of several seats with its counts', () => {
    expect(contestWords('2019', 1, 6)).toBe('in 2019 six candidates stood for the one seat');
    expect(contestWords('2018', 3, 7)).toBe('in 2018 seven candidates stood for three seats (2.3 for each)');
    expect(contestWords('2019', 3, 10)).toBe('in 2019 ten candidates stood for three seats (3.3 for each)');
    expect(contestWords('2019', 3, 9)).toBe('in 2019 three candidates stood for each seat (9 for three seats)');
    expect(contestWords('2016', 2, 2)).toBe('in 2016 both seats were filled without a vote (no more candidates than seats)');
    expect(contestWords('2016', 3, 3)).toBe('in 2016 all three seats were filled without a vote (no more candidates than seats)');
  });
});

describe('a spending chart\'s note', () => {
  it('says how two tiers share a service only to a county or a district, not to a single-tier council', () => {
    const s = { id: 'env', label: 'Environment', who: 'both', note: 'Waste and more.', twoTierNote: 'Districts collect waste; counties dispose of it.', total: false, lead: false, less: [], breaks: [] } as Service;
    expect(serviceNote(s, 'single')).toBe('Waste and more.');
    expect(serviceNote(s, 'district')).toBe('Waste and more. Districts collect waste; counties dispose of it.');
    expect(serviceNote({ ...s, note: undefined }, 'single')).toBeNull();
    expect(serviceNote({ ...s, note: undefined }, 'county')).toBe('Districts collect waste; counties dispose of it.');
  });
});
