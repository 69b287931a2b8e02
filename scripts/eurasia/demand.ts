/**
 * Demand of the Eurasia dataset
 * =============================
 *
 * China → Europe containers (TEU/yr) by origin and destination, 2021–2025, and Kazakh crude exports
 * (t/yr) by field and market, 2022–2025. The demand describes who wants to ship what from where to
 * where; it never says which corridor: route choice is the model's output.
 */

import type { DemandDocument } from '../../src/data/schema.js';
import type { Provenance } from './geo.js';
import { round } from './geo.js';

type FlowDoc = DemandDocument['flows'][number];
type SegmentDoc = NonNullable<DemandDocument['segments']>[number];

// --- Segments ----------------------------------------------------------------------------------------

/** Value of containerised trade, USD per TEU (W8). */
const VALUE_PER_TEU = 54_000;
/** Cost of capital tied up in goods in transit, per year (assumption, as for crude). */
const CAPITAL_COST_PER_YEAR = 0.1;
/** Hummels–Schaur: a day in transit is worth 0.6–2.1 % of the goods' value (W7); the upper bound is used. */
const DAY_SHARE_HIGH = 0.021;
/** Lowest value of time: interest on the goods' value only, USD per TEU-day. */
export const VOT_LOW_USD_PER_TEU_DAY = round((VALUE_PER_TEU * CAPITAL_COST_PER_YEAR) / 365.25, 2);
/** Highest value of time: the Hummels–Schaur upper bound, USD per TEU-day. */
export const VOT_HIGH_USD_PER_TEU_DAY = round(VALUE_PER_TEU * DAY_SHARE_HIGH);
/** Number of value-of-time classes the log-uniform distribution is cut into. */
export const VOT_CLASSES = 4;
/** Share of each class's shippers that refuse Iranian transit (assumption). */
const IRAN_AVOIDING_SHARE = 0.9;

/** A value-of-time class: its representative value and the bounds of its bin, USD per TEU-day. */
export interface VotClass {
  readonly id: string;
  readonly value: number;
  readonly low: number;
  readonly high: number;
}

const votAt = (x: number) =>
  VOT_LOW_USD_PER_TEU_DAY * (VOT_HIGH_USD_PER_TEU_DAY / VOT_LOW_USD_PER_TEU_DAY) ** x;

/** The value-of-time classes, lowest first: equal shares of a log-uniform distribution, geometric bin midpoints. */
export const VOT_CLASS_LIST: readonly VotClass[] = Array.from({ length: VOT_CLASSES }, (_, i) => ({
  id: `vot-${i + 1}`,
  value: round(votAt((i + 0.5) / VOT_CLASSES), 2),
  low: round(votAt(i / VOT_CLASSES), 2),
  high: round(votAt((i + 1) / VOT_CLASSES), 2),
}));

function votProv(c: VotClass): Provenance {
  return {
    sources: ['W7', 'W8'],
    derivation: `class ${c.id.slice(4)} of ${VOT_CLASSES} of a log-uniform distribution of the value of time between US$${VOT_LOW_USD_PER_TEU_DAY} per TEU-day (interest only: US$54,000 per TEU (W8) × 10 % a year ÷ 365.25) and US$${VOT_HIGH_USD_PER_TEU_DAY} (US$54,000 × 2.1 % a day, the Hummels–Schaur upper bound, W7); its bin spans US$${c.low}–${c.high}, the class uses the geometric midpoint`,
    low: c.low,
    high: c.high,
    assumption:
      'no published distribution of China–Europe shippers’ value of time was found: log-uniform between the interest cost of the goods (10 % a year cost of capital, assumed) and the Hummels–Schaur upper bound, cut into four classes of equal share',
  };
}

const CRUDE_VOT = 0.16;
const CRUDE_VOT_PROV: Provenance = {
  assumption:
    'crude worth roughly US$500–600 per tonne (assumed, no price read) held at about 10 % a year cost of capital ≈ US$0.16 per tonne-day; no published crude value of time read',
};

const containerSegments = (): SegmentDoc[] =>
  VOT_CLASS_LIST.flatMap((c) => [
    {
      id: c.id,
      name: `Container shippers, value of time US$${Math.round(c.value)}/TEU-day, accepting every transit country`,
      valueOfTimeUsdPerUnitDay: c.value,
      description: `Rail-addressable China–Europe cargo in value-of-time class ${c.id.slice(4)} of ${VOT_CLASSES} (US$${c.low}–${c.high} per TEU-day); accepts transit through Iran.`,
      provenance: { valueOfTimeUsdPerUnitDay: votProv(c) },
    },
    {
      id: `${c.id}-avoid-iran`,
      name: `Container shippers, value of time US$${Math.round(c.value)}/TEU-day, refusing Iranian transit`,
      valueOfTimeUsdPerUnitDay: c.value,
      avoidCountries: ['IR'],
      description: `As ${c.id}, exposed to US secondary sanctions on Iran. Refusing Russia is not part of the demand: the avoid-russia scenario applies it.`,
      provenance: { valueOfTimeUsdPerUnitDay: votProv(c) },
    },
  ]);

const SEGMENTS: SegmentDoc[] = [
  ...containerSegments(),
  {
    id: 'crude-standard',
    name: 'Crude shippers',
    valueOfTimeUsdPerUnitDay: CRUDE_VOT,
    provenance: { valueOfTimeUsdPerUnitDay: CRUDE_VOT_PROV },
  },
  {
    id: 'crude-avoid-russia',
    name: 'Crude volumes routed around Russia',
    valueOfTimeUsdPerUnitDay: CRUDE_VOT,
    avoidCountries: ['RU'],
    description:
      'Kazakh crude that KazMunayGas sends around Russia (Aktau → Baku → BTC) to diversify routes.',
    provenance: { valueOfTimeUsdPerUnitDay: CRUDE_VOT_PROV },
  },
];

// --- Containers ----------------------------------------------------------------------------------------

/** The addressable China → Europe overland container market, TEU/yr (2021 China→EU rail volume, S148). */
export const CONTAINER_TEU_PER_YEAR = 420_000;

/** China Railway Express trains by origin city, 2024 (S140); 19,392 trains in total. */
const CRE_TRAINS_2024 = 19_392;
const NAMED_ORIGINS: Readonly<Record<string, number>> = {
  xian: 3_849,
  chengdu: 2_285,
  chongqing: 2_059,
  zhengzhou: 2_052,
  yiwu: 812,
  changsha: 764,
  wuhan: 742,
};
const NAMED_TOTAL = Object.values(NAMED_ORIGINS).reduce((a, b) => a + b, 0);
const RESIDUAL_ORIGINS = ['urumqi', 'suzhou', 'tianjin', 'harbin'] as const;
const RESIDUAL_TRAINS = (CRE_TRAINS_2024 - NAMED_TOTAL) / RESIDUAL_ORIGINS.length;

function originShare(origin: string): { share: number; short: string; prov: Provenance } {
  const named = NAMED_ORIGINS[origin];
  if (named !== undefined) {
    return {
      share: named / CRE_TRAINS_2024,
      short: `${named} of 19,392 China Railway Express trains in 2024, S140`,
      prov: {
        sources: ['S140'],
        derivation: `${named} of 19,392 China Railway Express trains in 2024 started at ${origin} (S140)`,
      },
    };
  }
  return {
    share: RESIDUAL_TRAINS / CRE_TRAINS_2024,
    short: `${RESIDUAL_TRAINS} = a quarter of the ${CRE_TRAINS_2024 - NAMED_TOTAL} trains of 2024 not itemised by S140`,
    prov: {
      sources: ['S140'],
      derivation: `the ${CRE_TRAINS_2024 - NAMED_TOTAL} trains of 2024 not itemised by S140 (19,392 − ${NAMED_TOTAL} for the seven named cities) split over four composite origins: ${RESIDUAL_TRAINS} trains each`,
      assumption:
        'equal split of the unitemised origins between Xinjiang (Ürümqi), East China (Suzhou), North China (Tianjin) and Northeast China (Harbin); no published split found',
    },
  };
}

const DESTINATIONS: Readonly<Record<string, number>> = {
  duisburg: 0.3,
  lodz: 0.7 / 3,
  hamburg: 0.7 / 3,
  rotterdam: 0.7 / 3,
};

function destinationShare(destination: string): Provenance {
  return destination === 'duisburg'
    ? {
        sources: ['S128'],
        derivation: '30 % of China–Europe rail trade goes via Duisburg (2020 claim, S128)',
      }
    : {
        sources: ['S128'],
        assumption:
          'the other 70 % split equally between Łódź, Hamburg and Rotterdam (Małaszewicze handles 93.4 % of East→West volume as the border, S127, not as a destination); no published split found',
      };
}

const CONTAINER_YEARS = [2021, 2022, 2023, 2024, 2025] as const;

function containerFlows(): FlowDoc[] {
  const out: FlowDoc[] = [];
  const origins = [...Object.keys(NAMED_ORIGINS), ...RESIDUAL_ORIGINS];
  const shares: Record<string, number> = {};
  for (const c of VOT_CLASS_LIST) {
    shares[c.id] = round((1 - IRAN_AVOIDING_SHARE) / VOT_CLASSES, 6);
    shares[`${c.id}-avoid-iran`] = round(IRAN_AVOIDING_SHARE / VOT_CLASSES, 6);
  }
  for (const year of CONTAINER_YEARS) {
    for (const origin of origins) {
      const o = originShare(origin);
      for (const [destination, dShare] of Object.entries(DESTINATIONS)) {
        const volume = round(CONTAINER_TEU_PER_YEAR * o.share * dShare, 1);
        out.push({
          id: `${origin}-${destination}`,
          origin,
          destination,
          commodity: 'container',
          volumePerYear: volume,
          year,
          segmentShares: shares,
          provenance: {
            volumePerYear: {
              sources: [
                ...new Set([
                  'S148',
                  ...(o.prov.sources ?? []),
                  ...(destinationShare(destination).sources ?? []),
                ]),
              ],
              derivation: `420,000 TEU/yr market (S148) × origin share ${round(o.share, 5)} (${o.short}) × destination share ${round(dShare, 4)}`,
              assumption: [
                'market flat at its 2021 level; the yearly sea freight rates (timelines/sea-freight-rates.json) decide how much of it goes by rail (docs/dataset.md)',
                o.prov.assumption
                  ? 'unitemised origins split equally over Ürümqi, Suzhou, Tianjin and Harbin'
                  : undefined,
                destination === 'duisburg'
                  ? undefined
                  : 'Łódź, Hamburg and Rotterdam share the non-Duisburg 70 % equally',
              ]
                .filter(Boolean)
                .join('; '),
            },
            segmentShares: {
              sources: ['W7', 'W8'],
              derivation: `${VOT_CLASSES} value-of-time classes of equal share (${round(1 / VOT_CLASSES, 4)} each); in each, ${IRAN_AVOIDING_SHARE} refuse Iranian transit`,
              assumption:
                'log-uniform value of time over its published range (docs/dataset.md); 90 % of shippers refuse Iran (no survey found). No shipper refuses Russia in the demand: scenarios/avoid-russia.json applies that',
            },
          },
        });
      }
    }
  }
  return out;
}

// --- Crude -----------------------------------------------------------------------------------------------

interface CrudeYear {
  readonly exports: number;
  readonly exportsProv: Provenance;
  readonly tengiz: number;
  readonly tengizProv: Provenance;
  readonly kashagan: number;
  readonly kashaganProv: Provenance;
  readonly china: number;
  readonly chinaProv: Provenance;
  readonly avoidRussia: number;
  readonly avoidProv: Provenance;
}

const MT = 1_000_000;
const KASHAGAN = 17 * MT;
const KARACHAGANAK = 9.2 * MT;
const FIELDS_PROV: Provenance = {
  sources: ['S197'],
  assumption:
    'Karachaganak 9.2 Mt: its CPC deliveries in 2025 (S197), held for 2022–2025 (no yearly field exports found; 2022 production 11.3 Mt of oil and condensate, W48, includes liquids processed in Russia)',
};
const KASHAGAN_HELD: Provenance = {
  sources: ['S197'],
  assumption:
    'Kashagan 17.0 Mt: its CPC deliveries in 2025 (S197), held for 2023–2025 (no yearly field exports found for 2023–2024)',
};
const KASHAGAN_2022: Provenance = {
  sources: ['W48'],
  note: '2022 production 12.7 Mt (gas leak and repairs, August–October 2022)',
  assumption: 'Kashagan exports its whole 2022 output, as Tengiz does',
};

const jan_oct_2024 = (46.3 + 7.2 + 3.1 + 1.0) * MT;

export const CRUDE_YEARS: Readonly<Record<number, CrudeYear>> = {
  2022: {
    exports: 64.3 * MT,
    exportsProv: { sources: ['S19'], note: 'crude and condensate exports' },
    tengiz: round((27.9 * MT) / 0.96),
    tengizProv: {
      sources: ['W15'],
      derivation: '2023 output 27.9 Mt was about 4 % below 2022: 27.9 ÷ 0.96',
      assumption: 'Tengiz crude is exported in full',
    },
    kashagan: 12.7 * MT,
    kashaganProv: KASHAGAN_2022,
    china: 1.209 * MT,
    chinaProv: {
      sources: ['S206'],
      assumption: 'the 2023 KCP export of Kazakh oil (1.209 Mt, S206) also for 2022',
    },
    avoidRussia: 0,
    avoidProv: { sources: ['W14'], note: 'shipments through BTC began in 2023 (W14)' },
  },
  2023: {
    exports: 70.5 * MT,
    exportsProv: { sources: ['S19', 'W14'] },
    tengiz: 27.9 * MT,
    tengizProv: { sources: ['W15'], assumption: 'Tengiz crude is exported in full' },
    kashagan: KASHAGAN,
    kashaganProv: KASHAGAN_HELD,
    china: 1.209 * MT,
    chinaProv: {
      sources: ['S206', 'S19'],
      note: 'KMG: 1.209 Mt exported through the KCP; customs data give 5.7 Mt to China in total (S206)',
    },
    avoidRussia: round(1.392 / (70.5 - 1.209), 4),
    avoidProv: {
      sources: ['S207', 'S19'],
      derivation:
        '1.392 Mt shipped from Aktau towards BTC in 2023 (S207) ÷ (70.5 − 1.209) Mt exported to markets other than China',
    },
  },
  2024: {
    exports: round((jan_oct_2024 * 12) / 10),
    exportsProv: {
      sources: ['S203'],
      derivation:
        'Jan–Oct 2024 exports by route (CPC 46.3 + Atyrau–Samara 7.2 + Aktau 3.1 + Atasu–Alashankou 1.0 Mt, S203) × 12/10',
      note: 'consistent with CPC supply +18 % in 2025 to 64.8 Mt (W13)',
    },
    tengiz: 27.9 * MT,
    tengizProv: {
      sources: ['W15'],
      estimate: true,
      note: 'forecast for 2024',
      assumption: 'Tengiz crude is exported in full',
    },
    kashagan: KASHAGAN,
    kashaganProv: KASHAGAN_HELD,
    china: 1.2 * MT,
    chinaProv: { sources: ['S203'], derivation: 'Atasu–Alashankou about 1.0 Mt in Jan–Oct 2024 × 12/10' },
    avoidRussia: round((1.2 * 1.2) / ((jan_oct_2024 * 12) / 10 / MT - 1.2), 4),
    avoidProv: {
      sources: ['S203'],
      derivation: '1.2 Mt Aktau→BTC in Jan–Oct 2024 × 12/10 ÷ exports to markets other than China',
    },
  },
  2025: {
    exports: 78.7 * MT,
    exportsProv: { sources: ['W13'] },
    tengiz: 36.6 * MT,
    tengizProv: {
      sources: ['S197'],
      note: 'Tengiz deliveries through CPC in 2025 (Future Growth Project on stream)',
    },
    kashagan: KASHAGAN,
    kashaganProv: { sources: ['S197'], note: 'Kashagan CPC deliveries in 2025' },
    china: 1.2 * MT,
    chinaProv: { sources: ['S203'], assumption: 'as in 2024' },
    avoidRussia: round((1.2 * 1.2) / ((jan_oct_2024 * 12) / 10 / MT - 1.2), 4),
    avoidProv: { sources: ['S203'], assumption: 'as in 2024 (no 2025 figure found)' },
  },
};

const crudeSegmentShares = (year: CrudeYear): Record<string, number> => ({
  'crude-standard': round(1 - year.avoidRussia, 6),
  'crude-avoid-russia': year.avoidRussia,
});

function crudeFlows(): FlowDoc[] {
  const out: FlowDoc[] = [];
  for (const [yearText, y] of Object.entries(CRUDE_YEARS)) {
    const year = Number(yearText);
    const others = y.exports - y.tengiz - y.kashagan - KARACHAGANAK;
    const segProv: Provenance = {
      ...(y.avoidProv.sources ? { sources: y.avoidProv.sources } : {}),
      ...(y.avoidProv.derivation
        ? { derivation: `crude-avoid-russia = ${y.avoidRussia}: ${y.avoidProv.derivation}` }
        : {}),
      ...(y.avoidProv.assumption ? { assumption: y.avoidProv.assumption } : {}),
      ...(y.avoidProv.note ? { note: y.avoidProv.note } : {}),
    };
    const europe = (id: string, origin: string, volume: number, prov: Provenance): FlowDoc => ({
      id,
      origin,
      destination: 'rotterdam',
      commodity: 'crude',
      volumePerYear: round(volume),
      year,
      segmentShares: crudeSegmentShares(y),
      provenance: { volumePerYear: prov, segmentShares: segProv },
    });
    out.push(europe('crude-tengiz', 'tengiz', y.tengiz, y.tengizProv));
    out.push(europe('crude-kashagan', 'kashagan', y.kashagan, y.kashaganProv));
    out.push(europe('crude-karachaganak', 'karachaganak', KARACHAGANAK, FIELDS_PROV));
    out.push(
      europe('crude-other-fields', 'atyrau', others - y.china, {
        sources: [
          ...new Set([
            ...(y.exportsProv.sources ?? []),
            ...(y.tengizProv.sources ?? []),
            'S197',
            ...(y.kashaganProv.sources ?? []),
            ...(y.chinaProv.sources ?? []),
          ]),
        ],
        derivation: `exports ${round(y.exports / MT, 3)} Mt − Tengiz ${round(y.tengiz / MT, 3)} − Kashagan ${round(y.kashagan / MT, 3)} − Karachaganak 9.2 − to China ${round(y.china / MT, 3)} Mt: the producers of the KazTransOil system, entering at Atyrau${y.exportsProv.derivation ? ` (exports: ${y.exportsProv.derivation})` : ''}`,
        assumption: [FIELDS_PROV.assumption, y.kashaganProv.assumption, y.chinaProv.assumption]
          .filter(Boolean)
          .join('; '),
      }),
    );
    out.push({
      id: 'crude-to-china',
      origin: 'atyrau',
      destination: 'alashankou',
      commodity: 'crude',
      volumePerYear: round(y.china),
      year,
      segmentShares: { 'crude-standard': 1 },
      provenance: {
        volumePerYear: y.chinaProv,
        segmentShares: { assumption: 'oil sold to China is not diverted by sanctions concerns' },
      },
    });
  }
  return out;
}

/** Build the demand document. */
export function buildDemandDocument(): DemandDocument {
  return {
    format: 'corridor-sim/demand',
    version: 1,
    segments: SEGMENTS,
    flows: [...containerFlows(), ...crudeFlows()],
  };
}
