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

const VALUE_PER_TEU = 54_000;
const DAY_SHARE_LOW = 0.006;
const DAY_SHARE_HIGH = 0.021;
/** Value of time, USD per TEU per day. */
export const VOT_USD_PER_TEU_DAY = round(VALUE_PER_TEU * DAY_SHARE_LOW);

const VOT_PROV: Provenance = {
  sources: ['W7', 'W8'],
  derivation: `value of containerized trade about US$54,000 per TEU (W8) × 0.6 % of value per day in transit (W7, lower bound of 0.6–2.1 %) = US$${VOT_USD_PER_TEU_DAY} per TEU-day`,
  low: VOT_USD_PER_TEU_DAY,
  high: round(VALUE_PER_TEU * DAY_SHARE_HIGH),
  note: 'the lower bound is used: the Hummels–Schaur range is estimated on air-versus-ocean choices, the most time-sensitive trade',
};

const CRUDE_VOT = 0.16;
const CRUDE_VOT_PROV: Provenance = {
  assumption:
    'crude worth roughly US$500–600 per tonne (assumed, no price read) held at about 10 % a year cost of capital ≈ US$0.16 per tonne-day; no published crude value of time read',
};

const SEGMENTS: SegmentDoc[] = [
  {
    id: 'unrestricted',
    name: 'Container shippers accepting every transit country',
    valueOfTimeUsdPerUnitDay: VOT_USD_PER_TEU_DAY,
    description: 'Rail-addressable China–Europe cargo whose shippers accept transit through Russia and Iran.',
    provenance: { valueOfTimeUsdPerUnitDay: VOT_PROV },
  },
  {
    id: 'avoid-iran',
    name: 'Container shippers refusing Iranian transit',
    valueOfTimeUsdPerUnitDay: VOT_USD_PER_TEU_DAY,
    avoidCountries: ['IR'],
    description: 'Shippers exposed to US secondary sanctions on Iran; accept Russia.',
    provenance: { valueOfTimeUsdPerUnitDay: VOT_PROV },
  },
  {
    id: 'avoid-russia-iran',
    name: 'Container shippers refusing Russian, Belarusian and Iranian transit',
    valueOfTimeUsdPerUnitDay: VOT_USD_PER_TEU_DAY,
    avoidCountries: ['RU', 'BY', 'IR'],
    description:
      'Shippers who stopped using the route through Russia and Belarus after February 2022 (and avoid Iran).',
    provenance: { valueOfTimeUsdPerUnitDay: VOT_PROV },
  },
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

/** Westbound share of China–EU rail transit: 272,157 of 310,579 TEU in 2025 (S36). */
const WESTBOUND = 272_157 / 310_579;

interface AvoidYear {
  readonly share: number;
  readonly prov: Provenance;
}

const avoidShare = (observedWestbound: number): number =>
  round(1 - observedWestbound / CONTAINER_TEU_PER_YEAR, 4);

/** Share of the market refusing Russian (and Belarusian, Iranian) transit, by year. */
export const AVOID_RUSSIA: Readonly<Record<number, AvoidYear>> = {
  2021: { share: 0, prov: { note: 'before February 2022 no shipper avoided Russia for sanctions reasons' } },
  2022: {
    share: avoidShare(410_600 * WESTBOUND),
    prov: {
      sources: ['S149', 'S36', 'S148', 'W5', 'W3', 'W4'],
      derivation: `1 − 410,600 TEU transit 2022 (S149) × ${round(WESTBOUND, 4)} westbound (S36) ÷ 420,000`,
      low: 0.087,
      high: 0.4,
      note: 'H1 2022 −8.7 % (W5); Mar–May −25 % westbound (W3); −30 to −40 % (W4)',
    },
  },
  2023: {
    share: avoidShare(211_100 * WESTBOUND),
    prov: {
      sources: ['S150', 'S36', 'S148', 'S152'],
      derivation: `1 − 211,100 TEU transit 2023 (S150) × ${round(WESTBOUND, 4)} westbound (S36) ÷ 420,000`,
      low: 0.35,
      high: avoidShare(211_100 * WESTBOUND),
      note: 'OECD: down at least 35 % (S152)',
    },
  },
  2024: {
    share: avoidShare(412_000),
    prov: {
      sources: ['S148', 'S151'],
      derivation: '1 − 412,000 TEU China→EU 2024 (S148) ÷ 420,000',
      low: avoidShare(412_000),
      high: avoidShare(211_100 * WESTBOUND),
      note: 'up to the 2023 level if the 2024 rebound came from Red Sea diversions (docs/dataset.md)',
    },
  },
  2025: {
    share: avoidShare(272_157),
    prov: { sources: ['S36', 'S148'], derivation: '1 − 272,157 TEU China→EU 2025 (S36) ÷ 420,000' },
  },
};

const IRAN_AVOIDING_SHARE_OF_REST = 0.9;

const CONTAINER_YEARS = [2021, 2022, 2023, 2024, 2025] as const;

function containerFlows(): FlowDoc[] {
  const out: FlowDoc[] = [];
  const origins = [...Object.keys(NAMED_ORIGINS), ...RESIDUAL_ORIGINS];
  for (const year of CONTAINER_YEARS) {
    const avoid = AVOID_RUSSIA[year]!;
    const s = avoid.share;
    const unrestricted = round((1 - s) * (1 - IRAN_AVOIDING_SHARE_OF_REST), 6);
    const avoidIran = round(1 - s - unrestricted, 6);
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
          segmentShares: { unrestricted, 'avoid-iran': avoidIran, 'avoid-russia-iran': s },
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
                'market flat at its 2021 level (docs/dataset.md)',
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
              ...(avoid.prov.sources ? { sources: avoid.prov.sources } : {}),
              derivation: `avoid-russia-iran ${s}${avoid.prov.derivation ? ` = ${avoid.prov.derivation}` : ''}; of the rest ${IRAN_AVOIDING_SHARE_OF_REST} avoid-iran`,
              assumption: '90 % of shippers accepting Russia refuse Iran (no survey found)',
              ...(avoid.prov.low !== undefined ? { low: avoid.prov.low } : {}),
              ...(avoid.prov.high !== undefined ? { high: avoid.prov.high } : {}),
              ...(avoid.prov.note
                ? { note: `range of the avoid-russia-iran share: ${avoid.prov.note}` }
                : {}),
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
    'Kashagan 17.0 Mt and Karachaganak 9.2 Mt: their CPC deliveries in 2025 (S197), held for 2022–2025 (plateau production; no yearly field exports found)',
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
    const others = y.exports - y.tengiz - KASHAGAN - KARACHAGANAK;
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
    out.push(europe('crude-kashagan', 'kashagan', KASHAGAN, FIELDS_PROV));
    out.push(europe('crude-karachaganak', 'karachaganak', KARACHAGANAK, FIELDS_PROV));
    out.push(
      europe('crude-other-fields', 'atyrau', others - y.china, {
        sources: [
          ...new Set([
            ...(y.exportsProv.sources ?? []),
            ...(y.tengizProv.sources ?? []),
            'S197',
            ...(y.chinaProv.sources ?? []),
          ]),
        ],
        derivation: `exports ${round(y.exports / MT, 3)} Mt − Tengiz ${round(y.tengiz / MT, 3)} − Kashagan 17.0 − Karachaganak 9.2 − to China ${round(y.china / MT, 3)} Mt: the producers of the KazTransOil system, entering at Atyrau${y.exportsProv.derivation ? ` (exports: ${y.exportsProv.derivation})` : ''}`,
        assumption: [FIELDS_PROV.assumption, y.chinaProv.assumption].filter(Boolean).join('; '),
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
