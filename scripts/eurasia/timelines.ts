/**
 * Timelines of the Eurasia dataset
 * ================================
 *
 * Dated capacity changes as `corridor-sim/scenario` documents (one file each in
 * data/eurasia/timelines/). Every figure and date carries provenance.
 */

import type { ScenarioDocument } from '../../src/data/scenario-format.js';
import { toTeuPerYear } from '../../src/model/units.js';
import { round } from './geo.js';
import { deepSeaLinks } from './network.js';

const trains = (perDay: number): number => toTeuPerYear(`${perDay} trains/day`);
const TRAIN_TEXT = '107.1 TEU per train (S140) × 365.25 days';

const doc = (
  id: string,
  name: string,
  description: string,
  operations: ScenarioDocument['operations'],
): ScenarioDocument => ({
  format: 'corridor-sim/scenario',
  version: 1,
  id,
  name,
  description,
  operations,
});

/** Drewry WCI composite, US$ per 40 ft: the assessment the link costs are referred to (2 Mar 2023, W38). */
export const WCI_REFERENCE = 1_859.28;

/** Drewry WCI composite, yearly average US$ per 40 ft, with the source of each figure. */
export const WCI_BY_YEAR: readonly {
  readonly year: number;
  readonly value: number;
  readonly sources: readonly string[];
  readonly text: string;
  readonly assumption?: string;
  readonly high?: number;
}[] = [
  { year: 2021, value: 7_555, sources: ['W36'], text: '2021 year-to-date average at 23 Dec 2021' },
  { year: 2022, value: 6_461, sources: ['W37'], text: '2022 year-to-date average at 22 Dec 2022' },
  { year: 2023, value: 1_674, sources: ['W39'], text: '2023 year-to-date average at 14 Dec 2023' },
  { year: 2024, value: 3_958, sources: ['W40'], text: '2024 year-to-date average at 5 Dec 2024' },
  {
    year: 2025,
    value: 2_368,
    sources: ['W41'],
    text: 'composite of 13 Mar 2025',
    assumption:
      'no 2025 yearly average found: the March 2025 composite (the lowest since January 2024) is held for 2025 and later; the year-to-date average was then US$3,205 (W41)',
    high: 3_205,
  },
];

/** The yearly multiplier of sea freight rates against the reference the link costs use. */
export const seaRateMultiplier = (wci: number): number => round(wci / WCI_REFERENCE, 4);

function seaFreightRateOperations(): ScenarioDocument['operations'] {
  const legs = deepSeaLinks();
  return WCI_BY_YEAR.flatMap((y, i) => {
    const m = seaRateMultiplier(y.value);
    const last = i === WCI_BY_YEAR.length - 1;
    return legs.map((leg) => ({
      kind: 'surcharge' as const,
      target: { links: [leg.id] },
      costUsdPerUnit: round(leg.costUsdPerUnit * (m - 1), 1),
      from: String(y.year),
      ...(last ? {} : { until: String(y.year + 1) }),
      note: `${y.year}: sea freight × ${m} of the March 2023 level the leg is priced at`,
      provenance: {
        from: { sources: [...y.sources], note: `the ${y.year} average applies to the calendar year` },
        ...(last
          ? {}
          : {
              until: { sources: [...y.sources], note: `the ${y.year} average applies to the calendar year` },
            }),
        costUsdPerUnit: {
          sources: [...y.sources, 'W38', 'S187'],
          derivation: `leg cost US$${leg.costUsdPerUnit}/TEU (priced at the WCI Shanghai–Rotterdam rate of March 2023, S187) × (${m} − 1); ${m} = Drewry WCI composite ${y.text} US$${y.value.toLocaleString('en-US')} ÷ US$${WCI_REFERENCE.toLocaleString('en-US')} on 2 Mar 2023 (W38)`,
          assumption: [
            'the Asia–North Europe lane moves like the composite index (the lane rose more than the composite in 2021–22 and during the Red Sea crisis, so sea is priced low in those years)',
            y.assumption,
          ]
            .filter(Boolean)
            .join('; '),
          ...(y.high !== undefined
            ? {
                low: round(leg.costUsdPerUnit * (m - 1), 1),
                high: round(leg.costUsdPerUnit * (seaRateMultiplier(y.high) - 1), 1),
              }
            : {}),
        },
      },
    }));
  });
}

/** Build every timeline document. */
export function buildTimelineDocuments(): ScenarioDocument[] {
  return [
    doc(
      'titr-fivefold',
      'Trans-Caspian route ×5 (towards 500,000 containers a year)',
      'The TITR capacity agreement of the third Belt and Road Forum (Oct 2023): five times the current capacity, to 500,000 containers a year by 2030. Applied to the Caspian crossings (the binding legs of the corridor).',
      [
        {
          kind: 'scale-capacity',
          target: { corridors: ['middle'] },
          factor: 5,
          from: '2030',
          note: 'target, not a commissioned project',
          provenance: {
            factor: {
              sources: ['E1', 'S34', 'S4'],
              estimate: true,
              note: '"increase the capacity of the TITR fivefold, to 500,000 containers per year" (E1); 500,000 TEU/yr by 2030 (S34); ~100,000 TEU/yr at end-2024 (S4)',
            },
            from: { sources: ['S34'], note: 'target year 2030' },
          },
        },
      ],
    ),
    doc(
      'dostyk-moyynty-second-track',
      'Dostyk–Moyynty second track',
      'Second track on the 836 km Dostyk–Moyynty line: capacity ×5 (12 → 60 pairs of trains a day) and service speed 800 → 1,500 km/day.',
      [
        {
          kind: 'scale-capacity',
          target: { links: ['dostyk-moyynty'] },
          factor: 5,
          from: '2025-10',
          provenance: {
            factor: { sources: ['S38', 'S37', 'S39', 'S63'], derivation: '60 ÷ 12 pairs of trains a day' },
            from: {
              sources: ['W27', 'S63'],
              note: 'completion due in Q4 2025 (W27); planned for 2025 (S63); the model dates it to the start of Q4 2025',
            },
          },
        },
        {
          kind: 'surcharge',
          target: { links: ['dostyk-moyynty'] },
          transitDays: -round(836 / 800 - 836 / 1500, 3),
          from: '2025-10',
          note: 'faster running on the double track',
          provenance: {
            transitDays: {
              sources: ['S37', 'S38', 'S39'],
              derivation: '836 km ÷ 1,500 km/day − 836 km ÷ 800 km/day',
            },
            from: { sources: ['W27', 'S63'] },
          },
        },
      ],
    ),
    doc(
      'bakhty-crossing',
      'Third China–Kazakhstan crossing: Tacheng–Bakhty–Ayagoz',
      'Opens the planned Tacheng–Bakhty crossing and the 297 km Bakhty–Ayagoz double-track line (construction started Dec 2023).',
      [
        {
          kind: 'add-link',
          link: { id: 'tacheng-bakhty' },
          from: '2027',
          provenance: {
            from: {
              sources: ['S31', 'S32', 'S33', 'S14'],
              estimate: true,
              low: 2027,
              high: 2028,
              note: 'opening 2027 (S31); commissioning early 2028 per a later report (S33); the model uses 2027',
            },
          },
        },
        {
          kind: 'add-link',
          link: { id: 'bakhty-ayagoz' },
          from: '2027',
          provenance: {
            from: { sources: ['S31', 'S33'], estimate: true, low: 2027, high: 2028 },
          },
        },
      ],
    ),
    doc(
      'btk-modernisation',
      'Baku–Tbilisi–Kars modernisation (1 → 5 Mt/yr)',
      'The modernised Georgian section of the BTK railway entered service on 20 May 2024, raising capacity from 1 to 5 Mt a year.',
      [
        {
          kind: 'scale-capacity',
          target: { links: ['tbilisi-akhalkalaki', 'akhalkalaki-kars'] },
          factor: 5,
          from: '2024-05-20',
          provenance: {
            factor: { sources: ['S69', 'S68'], derivation: '5 Mt/yr ÷ 1 Mt/yr' },
            from: { sources: ['S69'], note: 'in service 20 May 2024' },
          },
        },
      ],
    ),
    doc(
      'aktau-port-expansion',
      'Aktau container hub',
      'First phase of the Aktau container hub (due end-2025): container handling capacity from 40,000 to 240,000 TEU a year.',
      [
        {
          kind: 'set-capacity',
          target: { nodes: ['aktau'], commodities: ['container'] },
          capacityPerYear: 240_000,
          nodeHandling: true,
          from: '2026',
          provenance: {
            capacityPerYear: {
              sources: ['S63', 'S106', 'S105', 'S107', 'S108', 'S66'],
              low: 200_000,
              high: 300_000,
              note: '240,000 TEU (S63, 2025); 215,000 (S106, 2022 plan); 300,000 (S105, S107); 230,000 (S108, low reliability); 200,000 (S66, Nov 2025); the model uses 240,000',
            },
            from: {
              sources: ['S66', 'S63'],
              note: 'first phase due at the end of 2025; dated to 1 January 2026',
            },
          },
        },
      ],
    ),
    doc(
      'baku-alat-expansion',
      'Baku (Alat) port phase 2',
      'Phase 2 of the Baku International Sea Trade Port: 25 Mt and 500,000 TEU a year.',
      [
        {
          kind: 'set-capacity',
          target: { nodes: ['alat'], commodities: ['container'] },
          capacityPerYear: 500_000,
          nodeHandling: true,
          from: '2030',
          provenance: {
            capacityPerYear: {
              sources: ['S113'],
              note: 'phase 2: 25 Mt and 500,000 TEU (original 3rd stage: 1 M TEU, S114)',
            },
            from: {
              assumption:
                'no completion date found in the sources read; dated 2030, the horizon of the Middle Corridor targets (S34)',
              sources: ['S34'],
            },
          },
        },
      ],
    ),
    doc(
      'caspian-feeder-fleet',
      'Larger Aktau–Alat feeder fleet',
      'Four Kazmortransflot and two ASCO container feeders on Aktau–Alat, about 89,000 TEU a year (2025).',
      [
        {
          kind: 'set-capacity',
          target: { links: ['aktau-alat'] },
          capacityPerYear: 89_000,
          from: '2025',
          provenance: {
            capacityPerYear: {
              sources: ['S50'],
              estimate: true,
              note: '≈ 89,000 TEU/yr; 2025 forecast 96,000 TEU on the TITR of which 88,000 Aktau–Alat',
            },
            from: { sources: ['S50'] },
          },
        },
      ],
    ),
    doc(
      'china-kazakhstan-exchange',
      'More trains exchanged at the China–Kazakhstan crossings (2025)',
      'Khorgos–Altynkol: 15 trains a day from 1 March 2025; Alashankou–Dostyk: 14 → 28 trains a day from 1 July 2025.',
      [
        {
          kind: 'set-capacity',
          target: { links: ['khorgos-altynkol'] },
          capacityPerYear: trains(15),
          from: '2025-03-01',
          provenance: {
            capacityPerYear: {
              sources: ['S25', 'S28', 'S140'],
              derivation: `15 trains/day × ${TRAIN_TEXT}`,
              note: 'S25 reports 15 trains/day into China; the model applies it in both directions',
            },
            from: { sources: ['S25'] },
          },
        },
        {
          kind: 'set-capacity',
          target: { links: ['alashankou-dostyk'] },
          capacityPerYear: trains(28),
          from: '2025-07-01',
          provenance: {
            capacityPerYear: { sources: ['S25', 'S28', 'S140'], derivation: `28 trains/day × ${TRAIN_TEXT}` },
            from: { sources: ['S25'] },
          },
        },
      ],
    ),
    doc(
      'sea-freight-rates',
      'Sea freight rates by year (Drewry World Container Index)',
      'The deep-sea container legs are priced at the March 2023 Shanghai–Rotterdam rate; this timeline scales them, year by year, with the yearly average of the Drewry WCI composite (2021: ×4.1, 2022: ×3.5, 2023: ×0.9, 2024: ×2.1, 2025 onwards: ×1.3). Observed data, not a scenario: the baseline and every bundled scenario should include it.',
      seaFreightRateOperations(),
    ),
    doc(
      'red-sea-diversion',
      'Red Sea crisis: container lines avoid Suez',
      'From December 2023 the main carriers re-routed Asia–Europe services around the Cape of Good Hope; transits through Bab el-Mandeb halved in early 2024.',
      [
        {
          kind: 'close-nodes',
          nodes: ['suez'],
          from: '2024-01',
          provenance: {
            from: {
              sources: ['W1', 'S79', 'S188'],
              note: 'deviations started in December 2023 (W1); the Cape route adds ~10 days (S79) or 14–18 days (S188). Treated as a full closure for container lines from January 2024; no end date.',
            },
          },
        },
      ],
    ),
  ];
}
