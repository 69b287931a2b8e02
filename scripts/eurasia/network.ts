/**
 * Links, corridors and the network document
 * =========================================
 *
 * Links are listed as specifications (ends, mode, anything sourced); distance, time and cost are filled
 * from the derived parameters (parameters.ts) unless a source gives them, and each figure carries its
 * provenance. The Trans-Caspian legs (dwell at the Caspian and Black Sea ports, and the price of the sea
 * legs) are derived as residuals of published end-to-end schedules and tariffs; see `TITR`.
 */

import type { NetworkDocument } from '../../src/data/schema.js';
import type { Mode } from '../../src/model/network.js';
import { toTeuPerYear } from '../../src/model/units.js';
import type { Provenance } from './geo.js';
import { greatCircleKm, round } from './geo.js';
import { NODES, type NodeRow, nodeById, TONNES_PER_TEU, TONNES_PER_TEU_TEXT } from './nodes.js';
import {
  RAIL_KM_PER_DAY,
  RAIL_USD_PER_TEU_KM,
  railCostProv,
  railDistanceProv,
  railKm,
  railTimeProv,
  SOUTH_KM_PER_DAY,
  SOUTH_TIME_PROV,
  seaCost,
  seaDistance,
  seaTime,
} from './parameters.js';

type LinkDoc = NetworkDocument['links'][number];
type Fig = { readonly value: number; readonly prov: Provenance };

const TRAIN_TEXT = '107.1 TEU per train (S140: 2,077,216 TEU ÷ 19,392 trains in 2024) × 365.25 days';
const trains = (perDay: number): number => toTeuPerYear(`${perDay} trains/day`);
const BROAD_COUNTRIES = new Set(['KZ', 'RU', 'BY', 'MN', 'TM', 'AZ', 'GE', 'UZ']);

const at = (id: string): [number, number] => {
  const n = nodeById(id);
  return [n.lat, n.lon];
};

function countriesOf(from: string, to: string, via: readonly string[] = []): string[] {
  const list = [nodeById(from).country, ...via, nodeById(to).country];
  return list.filter((c, i) => list.indexOf(c) === i);
}

interface RailSpec {
  readonly from: string;
  readonly to: string;
  readonly via?: readonly string[];
  readonly km?: Fig;
  readonly capacity?: Fig;
  readonly speed?: 'rail' | 'south';
  readonly days?: Fig;
  readonly extraDays?: Fig;
  readonly name?: string;
  readonly status?: 'planned';
  readonly opens?: string;
  readonly id?: string;
}

function linkId(from: string, to: string): string {
  return `${from}-${to}`;
}

/** A container rail link with derived distance, time and cost. */
function rail(spec: RailSpec): LinkDoc {
  const { from, to } = spec;
  const countries = countriesOf(from, to, spec.via);
  const broad = countries.every((c) => BROAD_COUNTRIES.has(c));
  let km: number;
  let kmProv: Provenance;
  if (spec.km) {
    km = spec.km.value;
    kmProv = spec.km.prov;
  } else {
    const d = railKm(from, to);
    km = d.km;
    kmProv = railDistanceProv(d.gc);
  }
  let days: number;
  let daysProv: Provenance;
  if (spec.days) {
    days = spec.days.value;
    daysProv = spec.days.prov;
  } else if (spec.speed === 'south') {
    days = round(km / SOUTH_KM_PER_DAY, 2);
    daysProv = SOUTH_TIME_PROV;
  } else {
    days = round(km / RAIL_KM_PER_DAY, 2);
    daysProv = railTimeProv(broad);
  }
  if (spec.extraDays) {
    days = round(days + spec.extraDays.value, 2);
    daysProv = merge(daysProv, spec.extraDays.prov);
  }
  const provenance: Record<string, Provenance> = {
    distanceKm: kmProv,
    transitDays: daysProv,
    costUsdPerUnit: railCostProv(broad),
  };
  if (spec.capacity) provenance.capacityPerYear = spec.capacity.prov;
  return {
    id: spec.id ?? linkId(from, to),
    from,
    to,
    mode: 'rail',
    commodity: 'container',
    ...(spec.capacity ? { capacityPerYear: spec.capacity.value } : {}),
    transitDays: days,
    costUsdPerUnit: round(km * RAIL_USD_PER_TEU_KM, 1),
    distanceKm: km,
    countries,
    ...(spec.status ? { status: spec.status, opens: spec.opens } : {}),
    ...(spec.name ? { name: spec.name } : {}),
    provenance,
  } as LinkDoc;
}

/** Merge provenance: union of sources, concatenated texts. */
function merge(a: Provenance, b: Provenance): Provenance {
  const sources = [...new Set([...(a.sources ?? []), ...(b.sources ?? [])])];
  const join = (x?: string, y?: string) => [x, y].filter(Boolean).join('; ') || undefined;
  const out: Record<string, unknown> = {};
  if (sources.length > 0) out.sources = sources;
  const assumption = join(a.assumption, b.assumption);
  if (assumption) out.assumption = assumption;
  const derivation = join(a.derivation, b.derivation);
  if (derivation) out.derivation = derivation;
  const note = join(a.note, b.note);
  if (note) out.note = note;
  return out as Provenance;
}

// --- Trains-per-day capacities -----------------------------------------------------------------------

const trainCap = (perDay: number, sources: string[], text: string, extra: Partial<Provenance> = {}): Fig => ({
  value: trains(perDay),
  prov: {
    sources: [...sources, 'S140'],
    derivation: `${text}: ${perDay} trains/day × ${TRAIN_TEXT}`,
    ...extra,
  },
});

const KZ_RU_CROSSING_CAP = trainCap(
  25,
  ['S41'],
  'Russia–Kazakhstan train exchange norm 75 trains/day (2025) shared by the three modelled crossings',
  {
    assumption:
      'equal split of the 75 trains/day over the three crossings modelled (Petropavl, Aktobe–Iletsk, Oral–Ozinki); Semey–Lokot shares the Petropavl figure',
    note: 'includes non-container trains: an upper bound on container capacity',
  },
);

// --- China→Europe transit capacity of the eastern gateways ------------------------------------------

/**
 * Share of the eastern gateways' container-train capacity that China→Europe transit can use; the rest
 * carries China–Russia and China–Mongolia trade, which the dataset does not model. Not published:
 * calibrated (docs/calibration.md) to the Kazakhstan share of overland China→Europe transit, 2024.
 */
export const EASTERN_TRANSIT_SHARE = 0.21;

/** The share implied by the pre-war transit split (Jan–Apr 2020), the low end of the calibration range. */
export const EASTERN_SHARE_2020 = (() => {
  // China–Europe–China transit Jan–Apr 2020: 7,900 TEU via Russia (Zabaikalsk), 2,600 via Mongolia (W47).
  // All China–Europe trains: Manzhouli over 3,500 in 2020 (W52); Mongolian transit container trains
  // 2,124 to 3 Nov 2020 (W44) → 2,524 a year; 91.5 TEU a train (1.135 M TEU ÷ 12,400 trains in 2020, S135, S136).
  const teuPerTrain = 1_135_000 / 12_400;
  const manzhouliTeu = (3_500 * teuPerTrain * 4) / 12;
  const mongoliaTeu = (((2_124 * 366) / 308) * teuPerTrain * 4) / 12;
  return round((7_900 + 2_600) / (manzhouliTeu + mongoliaTeu), 3);
})();

const easternCapacity = (perDay: number, what: string, sources: string[], extra?: string): Fig => ({
  value: round(trains(perDay) * EASTERN_TRANSIT_SHARE),
  prov: {
    sources: [...sources, 'W47', 'W52', 'W44', 'S135', 'S136', 'S140'],
    derivation: `${EASTERN_TRANSIT_SHARE} × ${what}: ${perDay} trains/day × ${TRAIN_TEXT}`,
    assumption: `calibrated: the share of the gateway's container-train capacity open to China→Europe transit (${EASTERN_TRANSIT_SHARE}) is not published; fitted to the Kazakhstan share of overland China→Europe transit in 2024 (about 85 %, S16, S15; docs/calibration.md). Range: ${EASTERN_SHARE_2020} (the pre-war split: 10,500 of 134,500 TEU of China–Europe transit used these gateways in Jan–Apr 2020, W47, against their ~${Math.round((EASTERN_SHARE_2020 > 0 ? 10_500 / EASTERN_SHARE_2020 : 0) / 1000)}k TEU of China–Europe trains, W52, W44) to 1 (all of it)${extra ? `; ${extra}` : ''}`,
    low: round(trains(perDay) * EASTERN_SHARE_2020),
    high: round(trains(perDay)),
  },
});

/** China→Europe transit capacity of the eastern gateways, as container handling at their break-of-gauge stations. */
const EASTERN_CAPACITY: Readonly<Record<string, Fig>> = {
  zabaikalsk: easternCapacity(
    8,
    'container trains a day across Manzhouli–Zabaikalsk (Zabaikalsk transfers at most 240 container trains a month, W45; Manzhouli dispatched at most 8 trains a day, W46)',
    ['W45', 'W46'],
  ),
  erenhot: easternCapacity(
    2,
    'transit container trains a day across Erenhot–Zamyn-Üüd (border agreement, W43; 1,454 container trains crossed Mongolia in 2019, W44)',
    ['W43'],
    'the westbound capacity is taken equal to the two transit container trains a day the border agreement accepts eastbound (W43)',
  ),
};

// --- Container rail links ---------------------------------------------------------------------------

const ORIGIN_PORT: Readonly<Record<string, string>> = {
  xian: 'tianjin',
  zhengzhou: 'tianjin',
  harbin: 'tianjin',
  urumqi: 'tianjin',
  chengdu: 'shanghai',
  chongqing: 'shanghai',
  wuhan: 'shanghai',
  changsha: 'shanghai',
  suzhou: 'shanghai',
  yiwu: 'ningbo',
};

/** Origins that feed the three Chinese border gateways. */
export const INLAND_ORIGINS = [
  'xian',
  'chengdu',
  'chongqing',
  'zhengzhou',
  'wuhan',
  'changsha',
  'yiwu',
  'suzhou',
  'harbin',
  'tianjin',
] as const;

function chineseLinks(): LinkDoc[] {
  const out: LinkDoc[] = [];
  for (const o of INLAND_ORIGINS) {
    out.push(rail({ from: o, to: 'urumqi' }));
    out.push(rail({ from: o, to: 'erenhot' }));
    out.push(rail({ from: o, to: 'manzhouli' }));
    const port = ORIGIN_PORT[o];
    if (port) out.push(rail({ from: o, to: port, name: 'rail to the sea port' }));
  }
  out.push(rail({ from: 'urumqi', to: 'tianjin', name: 'rail to the sea port' }));
  out.push(rail({ from: 'urumqi', to: 'alashankou' }));
  out.push(rail({ from: 'urumqi', to: 'khorgos' }));
  out.push(rail({ from: 'urumqi', to: 'tacheng', name: 'Chinese approach to the Tacheng–Bakhty crossing' }));
  return out;
}

const KM = (value: number, sources: string[], note?: string): Fig => ({
  value,
  prov: { sources, ...(note ? { note } : {}) },
});

function borderLinks(): LinkDoc[] {
  return [
    rail({
      from: 'alashankou',
      to: 'dostyk',
      capacity: trainCap(14, ['S25'], 'Dostyk–Alashankou train exchange before 1 Jul 2025', {
        note: 'raised to 28 trains/day from 1 Jul 2025 (timelines/china-kazakhstan-exchange.json); includes non-container trains',
      }),
    }),
    rail({
      from: 'khorgos',
      to: 'altynkol',
      capacity: trainCap(
        8,
        ['S25', 'S28'],
        'Khorgos–Altynkol train exchange (at most 8 trains/day before March 2025)',
        {
          note: '15 trains/day from 1 Mar 2025 (timelines/china-kazakhstan-exchange.json)',
        },
      ),
    }),
    rail({
      from: 'tacheng',
      to: 'bakhty',
      status: 'planned',
      opens: '2027',
      name: 'Tacheng–Bakhty (third China–Kazakhstan crossing)',
      capacity: {
        value: round(((trains(14) + trains(8)) * 20) / 28),
        prov: {
          sources: ['S31', 'S24', 'S25', 'S140'],
          derivation:
            'the third crossing adds 20 Mt/yr to the 28 Mt/yr of the two existing crossings (S31, S24); container capacity scaled in proportion to their train-exchange capacity (14 + 8 trains/day, S25) × 20/28',
          low: round(((trains(14) + trains(8)) * 20) / 28),
          high: round(((trains(14) + trains(8)) * 25) / 28),
          estimate: true,
          note: '+20–25 Mt/yr announced; the model uses +20',
        },
      },
    }),
    // Their China→Europe transit capacity is node handling at Zabaikalsk and Erenhot (EASTERN_CAPACITY).
    rail({ from: 'manzhouli', to: 'zabaikalsk' }),
    rail({ from: 'erenhot', to: 'zamyn-uud' }),
  ];
}

function kazakhLinks(): LinkDoc[] {
  return [
    rail({
      from: 'dostyk',
      to: 'moyynty',
      km: KM(836, ['S37', 'S38', 'S39']),
      days: {
        value: round(836 / 800, 3),
        prov: {
          sources: ['S37', 'S38', 'S39'],
          derivation: '836 km ÷ 800 km/day service speed before the second track',
        },
      },
      capacity: trainCap(12, ['S38'], '12 pairs of trains/day before the second track', {
        note: '×5 to 60 pairs/day with the second track (timelines/dostyk-moyynty-second-track.json)',
      }),
      name: 'Dostyk–Aktogay–Moyynty',
    }),
    rail({ from: 'dostyk', to: 'ayagoz', name: 'Dostyk–Aktogay–Ayagoz' }),
    rail({
      from: 'bakhty',
      to: 'ayagoz',
      status: 'planned',
      opens: '2027',
      name: 'Bakhty–Ayagoz line (double track)',
      km: {
        value: 297,
        prov: {
          sources: ['S33', 'S31'],
          low: 272,
          high: 297,
          note: '272 km (S31), later 297 km (S33); the model uses 297',
        },
      },
    }),
    rail({ from: 'ayagoz', to: 'moyynty', name: 'Ayagoz–Aktogay–Moyynty' }),
    rail({ from: 'ayagoz', to: 'semey' }),
    rail({
      from: 'altynkol',
      to: 'almaty',
      name: 'Altynkol–Zhetygen–Almaty (Zhetygen–Altynkol 293 km, S27)',
    }),
    rail({ from: 'almaty', to: 'moyynty', name: 'Almaty–Shu–Moyynty' }),
    rail({ from: 'almaty', to: 'saryagash', name: 'Almaty–Shu–Shymkent–Saryagash' }),
    rail({ from: 'almaty', to: 'aktobe', name: 'Almaty–Shu–Arys–Kyzylorda–Kandyagash–Aktobe' }),
    rail({ from: 'moyynty', to: 'astana', name: 'Moyynty–Karaganda–Astana' }),
    rail({ from: 'moyynty', to: 'zhezkazgan' }),
    rail({ from: 'zhezkazgan', to: 'beyneu', name: 'Zhezkazgan–Saksaulskaya–Beyneu' }),
    rail({ from: 'astana', to: 'petropavl' }),
    rail({ from: 'aktobe', to: 'beyneu', name: 'Aktobe–Kandyagash–Shalkar–Beyneu' }),
    rail({ from: 'beyneu', to: 'atyrau' }),
    rail({ from: 'atyrau', to: 'oral' }),
    rail({ from: 'beyneu', to: 'aktau', name: 'Beyneu–Mangystau–Aktau port' }),
    rail({ from: 'beyneu', to: 'kuryk', name: 'Beyneu–Mangystau–Kuryk port' }),
    rail({
      from: 'beyneu',
      to: 'bolashak',
      name: 'Beyneu–Mangystau–Zhanaozen (Uzen)–Bolashak (Uzen–Bolashak 146 km, W22)',
    }),
  ];
}

function russianLinks(): LinkDoc[] {
  return [
    rail({
      from: 'petropavl',
      to: 'yekaterinburg',
      via: [],
      name: 'Petropavl–Kurgan–Yekaterinburg',
      capacity: KZ_RU_CROSSING_CAP,
    }),
    rail({
      from: 'semey',
      to: 'yekaterinburg',
      name: 'Semey–Lokot–Barnaul–Novosibirsk–Omsk–Yekaterinburg',
      capacity: KZ_RU_CROSSING_CAP,
    }),
    rail({ from: 'oral', to: 'samara', name: 'Oral–Ozinki–Samara', capacity: KZ_RU_CROSSING_CAP }),
    rail({
      from: 'aktobe',
      to: 'samara',
      name: 'Aktobe–Iletsk–Orenburg–Samara',
      capacity: KZ_RU_CROSSING_CAP,
      extraDays: {
        value: 0.1,
        prov: {
          sources: ['E1'],
          assumption:
            'includes 0.1 day at the Iletsk crossing (internal customs-union border, no customs, E1)',
        },
      },
    }),
    rail({ from: 'yekaterinburg', to: 'moscow' }),
    rail({ from: 'samara', to: 'moscow' }),
    rail({
      from: 'zabaikalsk',
      to: 'yekaterinburg',
      name: 'Trans-Siberian: Zabaikalsk–Chita–Ulan-Ude–Omsk–Yekaterinburg',
    }),
    rail({ from: 'naushki', to: 'yekaterinburg', name: 'Naushki–Ulan-Ude–Trans-Siberian–Yekaterinburg' }),
    rail({ from: 'zamyn-uud', to: 'ulaanbaatar' }),
    rail({ from: 'ulaanbaatar', to: 'naushki' }),
    rail({ from: 'moscow', to: 'brest', name: 'Moscow–Smolensk–Minsk–Brest' }),
  ];
}

function europeanLinks(): LinkDoc[] {
  return [
    rail({
      from: 'brest',
      to: 'malaszewicze',
      capacity: trainCap(50, ['S83'], 'all Belarus–Poland rail crossings 50 pairs/day (2018)', {
        note: 'includes every Belarus–Poland crossing and all cargo: an upper bound',
      }),
    }),
    rail({ from: 'malaszewicze', to: 'lodz' }),
    rail({ from: 'malaszewicze', to: 'duisburg' }),
    rail({ from: 'malaszewicze', to: 'hamburg' }),
    rail({ from: 'duisburg', to: 'rotterdam' }),
    rail({ from: 'duisburg', to: 'hamburg' }),
    rail({ from: 'duisburg', to: 'lodz' }),
    rail({ from: 'rotterdam', to: 'duisburg' }),
    rail({ from: 'rotterdam', to: 'hamburg' }),
    rail({ from: 'rotterdam', to: 'lodz' }),
    rail({
      from: 'constanta',
      to: 'duisburg',
      via: ['HU', 'AT'],
      name: 'Constanța–Budapest–Vienna–Duisburg',
    }),
    rail({ from: 'constanta', to: 'lodz', via: ['HU', 'SK'], name: 'Constanța–Budapest–Bratislava–Łódź' }),
    rail({
      from: 'istanbul',
      to: 'duisburg',
      via: ['BG', 'RS', 'HU', 'AT'],
      name: 'Istanbul–Sofia–Belgrade–Budapest–Vienna–Duisburg',
    }),
  ];
}

const KTI_CAP: Fig = {
  value: round(4_000_000 / TONNES_PER_TEU),
  prov: {
    sources: ['S89', 'S90', 'S160'],
    derivation: `initial capacity 3–5 Mt/yr (midpoint 4 Mt) ÷ ${TONNES_PER_TEU_TEXT}`,
    low: round(3_000_000 / TONNES_PER_TEU),
    high: round(5_000_000 / TONNES_PER_TEU),
    estimate: true,
    note: '10–12 Mt/yr long-term',
  },
};

function southernLinks(): LinkDoc[] {
  return [
    rail({
      from: 'bolashak',
      to: 'bereket',
      speed: 'south',
      capacity: KTI_CAP,
      name: 'KTI: Bolashak–Serhetyaka–Bereket',
    }),
    rail({ from: 'bereket', to: 'etrek', speed: 'south', capacity: KTI_CAP, name: 'KTI: Bereket–Etrek' }),
    rail({
      from: 'bereket',
      to: 'turkmenbashi',
      speed: 'south',
      km: KM(340, ['C34'], 'Bereket lies about 340 km east of Turkmenbashy (C34)'),
    }),
    rail({
      from: 'bereket',
      to: 'sarakhs',
      speed: 'south',
      name: 'Bereket–Ashgabat–Tejen–Sarakhs (Bereket–Ashgabat 260 km, C34)',
    }),
    rail({
      from: 'saryagash',
      to: 'sarakhs',
      via: ['UZ', 'TM'],
      speed: 'south',
      name: 'Saryagash–Tashkent–Bukhara–Turkmenabat–Mary–Sarakhs',
    }),
    rail({
      from: 'etrek',
      to: 'inche-burun',
      speed: 'south',
      capacity: KTI_CAP,
      name: 'KTI: Etrek–Incheh Borun',
    }),
    rail({ from: 'inche-burun', to: 'tehran', speed: 'south', name: 'Incheh Borun–Gorgan–Garmsar–Tehran' }),
    rail({ from: 'sarakhs', to: 'tehran', speed: 'south', name: 'Sarakhs–Mashhad–Tehran' }),
    rail({ from: 'tehran', to: 'bandar-abbas', speed: 'south' }),
    rail({
      from: 'tehran',
      to: 'istanbul',
      speed: 'south',
      name: 'Tehran–Tabriz–Razi–Kapıköy–Van (lake ferry)–Ankara–Istanbul',
    }),
  ];
}

// --- The Trans-Caspian route: residual derivations from published end-to-end figures -------------------

const TITR_RAIL_WEST = ['altynkol', 'almaty', 'moyynty', 'zhezkazgan', 'beyneu', 'aktau'] as const;
const TITR_RAIL_CAUCASUS = ['alat', 'tbilisi', 'poti'] as const;
const sumRail = (ids: readonly string[]) => {
  let km = 0;
  for (let i = 1; i < ids.length; i++) km += railKm(ids[i - 1]!, ids[i]!).km;
  return km;
};
const SHORT_SEA_FACTOR = 1.1;
const SHORT_SEA_KM_PER_DAY = round(15 * 1.852 * 24, 1);
const shortSeaKm = (from: string, to: string): Fig => {
  const gc = greatCircleKm(at(from), at(to));
  return {
    value: round(gc * SHORT_SEA_FACTOR),
    prov: {
      derivation: `great-circle distance (${round(gc)} km) × ${SHORT_SEA_FACTOR}`,
      assumption: 'short-sea routing factor 1.1 (no published route length found)',
    },
  };
};

/** Figures of the Trans-Caspian derivation, exported for the documentation. */
export const TITR = (() => {
  const westKm = sumRail(TITR_RAIL_WEST);
  const caucasusKm = sumRail(TITR_RAIL_CAUCASUS);
  const westDays = westKm / RAIL_KM_PER_DAY;
  const caucasusDays = caucasusKm / RAIL_KM_PER_DAY;
  const crossingDays = 20 / 24;
  const blackSea = shortSeaKm('poti', 'constanta');
  const blackSeaDays = blackSea.value / SHORT_SEA_KM_PER_DAY;
  const constantaDwell = 1;
  const aktauDwell = round(9 - westDays - crossingDays, 2);
  const alatDwell = round(3 - caucasusDays, 2);
  const potiDwell = round(21 - 12 - blackSeaDays - constantaDwell, 2);
  const segmentUsd = ((4 / 3) * 2_900) / 2;
  const railUsd = (westKm + caucasusKm) * RAIL_USD_PER_TEU_KM;
  const residualUsd = segmentUsd - railUsd;
  const shortSeaUsdPerKm = round(residualUsd / (508 + blackSea.value), 4);
  return {
    westKm: round(westKm),
    caucasusKm: round(caucasusKm),
    westDays: round(westDays, 2),
    caucasusDays: round(caucasusDays, 2),
    crossingDays: round(crossingDays, 3),
    blackSeaKm: blackSea.value,
    blackSeaKmProv: blackSea.prov,
    blackSeaDays: round(blackSeaDays, 2),
    constantaDwell,
    aktauDwell,
    alatDwell,
    potiDwell,
    segmentUsd: round(segmentUsd, 1),
    railUsd: round(railUsd, 1),
    residualUsd: round(residualUsd, 1),
    shortSeaUsdPerKm,
  };
})();

const T = TITR;
const SHORT_SEA_COST_PROV: Provenance = {
  sources: ['S49', 'S77'],
  derivation: `distanceKm × ${T.shortSeaUsdPerKm} USD/TEU-km: the Trans-Caspian border-to-border price is about 1/3 above the route via Russia (S49) → 4/3 × US$1,450/TEU (S77) = US$${T.segmentUsd}; less rail Altynkol→Aktau and Alat→Poti at the rail rate (US$${T.railUsd}) leaves US$${T.residualUsd} for the Caspian (508 km, S47) and Black Sea (${T.blackSeaKm} km) legs, spread per km`,
  assumption:
    'the residual (sea legs, port handling, transshipment) is spread over the two sea legs in proportion to distance',
};
const AKTAU_DWELL_PROV: Provenance = {
  sources: ['S43', 'S56', 'S57'],
  derivation: `Altynkol→Alat scheduled 9 days (S43) − rail Altynkol→Aktau ${T.westKm} km at the rail speed (${T.westDays} days) − Caspian crossing 20 h (S56, S57) = ${T.aktauDwell} days waiting and handling at the Kazakh port`,
};
const ALAT_DWELL_PROV: Provenance = {
  sources: ['S43'],
  derivation: `Alat→Poti/Batumi: 12 − 9 days scheduled (S43) − rail Alat→Poti ${T.caucasusKm} km (${T.caucasusDays} days) = ${T.alatDwell} days at Alat`,
};
const POTI_DWELL_PROV: Provenance = {
  sources: ['S43'],
  derivation: `Poti→Constanța: 20–22 days (midpoint 21) − 12 days scheduled to Poti (S43) − Black Sea crossing ${T.blackSeaDays} days (${T.blackSeaKm} km at 15 knots, assumption) − 1 day at Constanța (assumption) = ${T.potiDwell} days waiting at the Georgian port`,
};

function caspianAndCaucasusLinks(): LinkDoc[] {
  const shortSea = (
    id: string,
    from: string,
    to: string,
    mode: Mode,
    km: Fig,
    days: Fig,
    capacity: Fig | undefined,
    name: string,
  ): LinkDoc => ({
    id,
    from,
    to,
    mode,
    commodity: 'container',
    ...(capacity ? { capacityPerYear: capacity.value } : {}),
    transitDays: days.value,
    costUsdPerUnit: round(km.value * T.shortSeaUsdPerKm, 1),
    distanceKm: km.value,
    countries: countriesOf(from, to),
    name,
    provenance: {
      distanceKm: km.prov,
      transitDays: days.prov,
      costUsdPerUnit: SHORT_SEA_COST_PROV,
      ...(capacity ? { capacityPerYear: capacity.prov } : {}),
    },
  });
  const ferryWagonsPerYear = round(6 * (365.25 / 2.5) * 54);
  const ferryTeu = round(ferryWagonsPerYear * 0.25 * 2);
  const ferryCap: Fig = {
    value: ferryTeu,
    prov: {
      sources: ['S55', 'S58', 'S56', 'S57'],
      derivation: `6 ASCO rail ferries on the line (S55) × 146 round trips/yr (2.5-day cycle: ~20 h crossing each way (S56, S57) + 6–12 h handling at each end (S58)) × 54 railcars (S58) = ${ferryWagonsPerYear} railcars/yr westbound; × 25 % carrying containers × 2 TEU per platform`,
      assumption:
        '25 % of ferry railcar slots carry container platforms (ferries mainly carry tank cars and general wagons; no published split found); 2 TEU per platform (units.ts default)',
      note: 'all Caspian rail ferries together: ~95,000 wagons/yr (S52)',
    },
  };
  return [
    shortSea(
      'aktau-alat',
      'aktau',
      'alat',
      'sea',
      KM(508, ['S47'], 'sea length of the TITR (Aktau–Alat)'),
      {
        value: T.crossingDays,
        prov: {
          sources: ['S56', 'S57'],
          assumption: 'container feeders cross in about the time of the rail ferries (~20 h)',
          low: 0.75,
          high: 0.917,
        },
      },
      {
        value: 3_600 * 12,
        prov: {
          sources: ['S49'],
          derivation:
            '7 feeder vessels of up to 350 TEU making 3–4 westbound voyages a week ≈ 3,600 TEU/month (2022) × 12',
          low: 43_200,
          high: 156_000,
          note: 'S48: 600 TEU of ships × 5 departures/week ≈ 3,000 TEU/week at most (156,000/yr); 2025 fleet ≈ 89,000 TEU/yr (S50, timelines/caspian-feeder-fleet.json)',
        },
      },
      'Aktau–Alat container feeders',
    ),
    shortSea(
      'kuryk-alat',
      'kuryk',
      'alat',
      'ferry',
      shortSeaKm('kuryk', 'alat'),
      {
        value: 0.75,
        prov: {
          sources: ['S57', 'S56'],
          derivation: 'the Kuryk location cuts the crossing to Azerbaijan from 22 h to 18 h (S57)',
          low: 0.75,
          high: 0.917,
        },
      },
      ferryCap,
      'Kuryk–Alat rail ferry',
    ),
    shortSea(
      'turkmenbashi-alat',
      'turkmenbashi',
      'alat',
      'ferry',
      KM(306, ['S59']),
      {
        value: round(9.5 / 24, 3),
        prov: { sources: ['S65'], derivation: 'Ro-Pax Berkarar crossing 9–10 h', low: 0.375, high: 0.417 },
      },
      {
        value: ferryCap.value,
        prov: {
          ...ferryCap.prov,
          note: 'same ASCO allocation (6 ferries + 1 Ro-Ro) on the Baku–Turkmenbashi line (S55)',
        },
      },
      'Turkmenbashi–Alat rail ferry',
    ),
    rail({ from: 'alat', to: 'tbilisi', name: 'Alat–Baku–Tbilisi' }),
    rail({ from: 'tbilisi', to: 'poti' }),
    rail({ from: 'tbilisi', to: 'batumi' }),
    rail({
      from: 'tbilisi',
      to: 'akhalkalaki',
      name: 'BTK: Tbilisi–Marabda–Tsalka–Akhalkalaki (Georgian sections W26)',
      capacity: {
        value: round(1_000_000 / TONNES_PER_TEU),
        prov: {
          sources: ['S67', 'S68', 'S70', 'S160'],
          derivation: `practical BTK capacity 1–1.5 Mt/yr in 2018–23 (1 Mt used) ÷ ${TONNES_PER_TEU_TEXT}`,
          low: round(1_000_000 / TONNES_PER_TEU),
          high: round(1_500_000 / TONNES_PER_TEU),
          note: 'design 6.5 Mt initial, 17 Mt peak (S67); 5 Mt/yr from 20 May 2024 (timelines/btk-modernisation.json)',
        },
      },
    }),
    rail({
      from: 'akhalkalaki',
      to: 'kars',
      name: 'BTK: Akhalkalaki–Kartsakhi–Kars',
      capacity: {
        value: round(1_000_000 / TONNES_PER_TEU),
        prov: {
          sources: ['S67', 'S68', 'S70', 'S160'],
          derivation: `practical BTK capacity 1 Mt/yr (2018–23) ÷ ${TONNES_PER_TEU_TEXT}`,
          low: round(1_000_000 / TONNES_PER_TEU),
          high: round(1_500_000 / TONNES_PER_TEU),
        },
      },
    }),
    rail({ from: 'kars', to: 'istanbul', name: 'Kars–Ankara–Istanbul (Marmaray)' }),
    shortSea(
      'poti-constanta',
      'poti',
      'constanta',
      'sea',
      { value: T.blackSeaKm, prov: T.blackSeaKmProv },
      {
        value: T.blackSeaDays,
        prov: {
          derivation: `${T.blackSeaKm} km at 15 knots (${SHORT_SEA_KM_PER_DAY} km/day)`,
          assumption: 'Black Sea feeder speed 15 knots',
        },
      },
      undefined,
      'Black Sea container feeder',
    ),
    shortSea(
      'batumi-constanta',
      'batumi',
      'constanta',
      'sea',
      shortSeaKm('batumi', 'constanta'),
      {
        value: round(shortSeaKm('batumi', 'constanta').value / SHORT_SEA_KM_PER_DAY, 2),
        prov: {
          derivation: `distance at 15 knots (${SHORT_SEA_KM_PER_DAY} km/day)`,
          assumption: 'Black Sea feeder speed 15 knots',
        },
      },
      undefined,
      'Black Sea container feeder',
    ),
  ];
}

/** The deep-sea container legs (also used by timelines.ts to price the yearly freight-rate changes). */
export function deepSeaLinks(): LinkDoc[] {
  const leg = (from: string, to: string, route: 'suez' | 'cape', name: string): LinkDoc => {
    const d = seaDistance(from, to, route);
    const t = seaTime(d.km, route);
    const c = seaCost(d.km);
    return {
      id: linkId(from, to),
      from,
      to,
      mode: 'sea',
      commodity: 'container',
      transitDays: t.days,
      costUsdPerUnit: c.usd,
      distanceKm: d.km,
      countries: countriesOf(from, to),
      name,
      vdf: { kind: 'constant' },
      provenance: { distanceKm: d.prov, transitDays: t.prov, costUsdPerUnit: c.prov },
    };
  };
  return [
    leg('shanghai', 'suez', 'suez', 'Asia–North Europe liner service via Suez'),
    leg('ningbo', 'suez', 'suez', 'Asia–North Europe liner service via Suez'),
    leg('tianjin', 'suez', 'suez', 'Asia–North Europe liner service via Suez'),
    leg('suez', 'rotterdam', 'suez', 'Asia–North Europe liner service via Suez'),
    leg('shanghai', 'cape', 'cape', 'Asia–North Europe liner service via the Cape of Good Hope'),
    leg('ningbo', 'cape', 'cape', 'Asia–North Europe liner service via the Cape of Good Hope'),
    leg('tianjin', 'cape', 'cape', 'Asia–North Europe liner service via the Cape of Good Hope'),
    leg('cape', 'rotterdam', 'cape', 'Asia–North Europe liner service via the Cape of Good Hope'),
    leg('bandar-abbas', 'suez', 'suez', 'Persian Gulf–Europe liner service via Suez'),
  ];
}

// --- Crude -------------------------------------------------------------------------------------------

const KZT_PER_USD = 149.22;
const KTO_USD_PER_T_KM = round(3_818 / KZT_PER_USD / 1_000, 5);
const KTO_RATE_TEXT = `${KTO_USD_PER_T_KM} USD/t-km (Kazakhstan–China pipeline tariff for Kazakh oil, KZT 3,818 per tonne per 1,000 km at KZT 149.22/$, W18)`;
const PIPELINE_KM_PER_DAY = 130;
const PIPELINE_TIME: Provenance = {
  derivation: `distanceKm ÷ ${PIPELINE_KM_PER_DAY} km/day`,
  assumption: 'batch velocity in a crude trunk pipeline about 1.5 m/s (130 km/day); no published figure read',
};
const TANKER_KM_PER_DAY = round(12 * 1.852 * 24, 1);
const BBL_PER_T = round(59.8 / 7.5, 3);

interface CrudeSpec {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly mode: Mode;
  readonly km: Fig;
  readonly cost: Fig;
  readonly days?: Fig;
  readonly capacity?: Fig;
  readonly name: string;
  readonly via?: readonly string[];
}

function crude(spec: CrudeSpec): LinkDoc {
  let days: Fig;
  if (spec.days) days = spec.days;
  else if (spec.mode === 'pipeline')
    days = { value: round(spec.km.value / PIPELINE_KM_PER_DAY, 2), prov: PIPELINE_TIME };
  else if (spec.mode === 'sea')
    days = {
      value: round(spec.km.value / TANKER_KM_PER_DAY + 2, 2),
      prov: {
        derivation: `distanceKm ÷ ${TANKER_KM_PER_DAY} km/day + 2 days loading and discharge`,
        assumption: 'tanker speed 12 knots and 2 days in port; no published figure read',
      },
    };
  else days = { value: round(spec.km.value / RAIL_KM_PER_DAY, 2), prov: railTimeProv(true) };
  return {
    id: spec.id,
    from: spec.from,
    to: spec.to,
    mode: spec.mode,
    commodity: 'crude',
    ...(spec.capacity ? { capacityPerYear: spec.capacity.value } : {}),
    transitDays: days.value,
    costUsdPerUnit: spec.cost.value,
    distanceKm: spec.km.value,
    countries: countriesOf(spec.from, spec.to, spec.via),
    name: spec.name,
    ...(spec.mode === 'pipeline' || spec.mode === 'sea' ? { vdf: { kind: 'constant' as const } } : {}),
    provenance: {
      distanceKm: spec.km.prov,
      transitDays: days.prov,
      costUsdPerUnit: spec.cost.prov,
      ...(spec.capacity ? { capacityPerYear: spec.capacity.prov } : {}),
    },
  } as LinkDoc;
}

const derivedKm = (from: string, to: string): Fig => {
  const d = railKm(from, to);
  return {
    value: d.km,
    prov: merge(railDistanceProv(d.gc), {
      assumption: 'pipelines and tanker-rail routes assumed as circuitous as the rail network',
    }),
  };
};
const ktoCost = (km: number, what: string): Fig => ({
  value: round(km * KTO_USD_PER_T_KM, 2),
  prov: {
    sources: ['W18'],
    derivation: `distanceKm × ${KTO_RATE_TEXT}`,
    assumption: `${what} priced at the regulated Kazakhstan–China pipeline rate (no published tariff read for this section)`,
  },
});

const RAIL_TANK_USD_PER_T_KM = 0.04;
const RAIL_TANK_PROV: Provenance = {
  derivation: `distanceKm × ${RAIL_TANK_USD_PER_T_KM} USD/t-km`,
  assumption:
    'rail tank-car tariff about US$0.04 per tonne-km including the empty return; no published tariff read',
};

/** The CPC split at Atyrau: Tengiz–Atyrau 350 km (C38), total 1,511 km (S195). */
const CPC_TOTAL_KM = 1_511;
const CPC_TENGIZ_ATYRAU_KM = 350;
const CPC_TARIFF = 29.5;

function crudeLinks(): LinkDoc[] {
  const feeder = (field: string, to: string, label: string): LinkDoc => {
    const km =
      field === 'tengiz'
        ? KM(CPC_TENGIZ_ATYRAU_KM, ['C38'], 'Atyrau lies 350 km north of Tengiz (C38)')
        : derivedKm(field, to);
    const cost =
      field === 'tengiz' && to === 'atyrau-cpc'
        ? {
            value: round((CPC_TARIFF * CPC_TENGIZ_ATYRAU_KM) / CPC_TOTAL_KM, 2),
            prov: {
              sources: ['W19', 'S195', 'C38'],
              derivation:
                'CPC maximal tariff US$29.5/t Tengiz→Novorossiysk (W19, 2005) × 350 km ÷ 1,511 km (S195)',
              note: 'the 2005 tariff is the latest found',
            },
          }
        : ktoCost(km.value, label);
    return crude({ id: `oil-${field}-${to}`, from: field, to, mode: 'pipeline', km, cost, name: label });
  };
  const makhNovKm = derivedKm('makhachkala', 'novorossiysk');
  const btcKm = derivedKm('sangachal', 'ceyhan');
  const tankerEurope = (from: string): LinkDoc => {
    const d = seaDistance(from, 'rotterdam', 'suez');
    return crude({
      id: `oil-${from}-rotterdam`,
      from,
      to: 'rotterdam',
      mode: 'sea',
      km: {
        value: d.km,
        prov: merge(d.prov, {
          assumption: 'the Suez-route sea factor applies to Mediterranean tanker routes',
        }),
      },
      cost: {
        value: round(d.km * 0.0025, 2),
        prov: {
          derivation: 'distanceKm × 0.0025 USD/t-km',
          assumption:
            'Aframax freight to Northwest Europe about US$0.0025 per tonne-km, the same for Black Sea and Ceyhan liftings; no published rate read',
        },
      },
      name: 'tanker to the European market',
    });
  };
  return [
    feeder('tengiz', 'atyrau-cpc', 'CPC: Tengiz–Atyrau'),
    feeder('kashagan', 'atyrau-cpc', 'Kashagan (Bolashak plant) to the CPC at Atyrau'),
    feeder('karachaganak', 'atyrau-cpc', 'Karachaganak–Bolshoi Chagan–Atyrau to the CPC'),
    feeder('tengiz', 'atyrau', 'Tengiz to the KazTransOil system'),
    feeder('kashagan', 'atyrau', 'Kashagan to the KazTransOil system'),
    feeder('karachaganak', 'atyrau', 'Karachaganak to the KazTransOil system'),
    crude({
      id: 'oil-cpc',
      from: 'atyrau-cpc',
      to: 'novorossiysk',
      mode: 'pipeline',
      km: {
        value: CPC_TOTAL_KM - CPC_TENGIZ_ATYRAU_KM,
        prov: {
          sources: ['S195', 'C38'],
          derivation: 'CPC Tengiz–Novorossiysk 1,511 km (S195) − Tengiz–Atyrau 350 km (C38)',
        },
      },
      cost: {
        value: round((CPC_TARIFF * (CPC_TOTAL_KM - CPC_TENGIZ_ATYRAU_KM)) / CPC_TOTAL_KM, 2),
        prov: {
          sources: ['W19', 'S195'],
          derivation: 'CPC maximal tariff US$29.5/t (W19, 2005) × 1,161 km ÷ 1,511 km',
          note: 'the 2005 tariff is the latest found',
        },
      },
      capacity: {
        value: 72_500_000,
        prov: {
          sources: ['S197', 'S195', 'S196'],
          low: 67_000_000,
          high: 83_000_000,
          note: 'about 72.5 Mt/yr from Kazakhstan and up to 83 Mt/yr including entries in Russia (S197, 2026); 67 Mt/yr (S195, 2020); 81.5 Mt/yr (S196, 2024). The model uses 72.5 Mt/yr, the capacity available to Kazakh shippers',
        },
      },
      via: ['RU'],
      name: 'Caspian Pipeline Consortium (CPC): Atyrau–Novorossiysk',
    }),
    crude({
      id: 'oil-atyrau-samara',
      from: 'atyrau',
      to: 'samara',
      mode: 'pipeline',
      km: derivedKm('atyrau', 'samara'),
      cost: ktoCost(derivedKm('atyrau', 'samara').value, 'Atyrau–Samara (KazTransOil)'),
      capacity: {
        value: 17_500_000,
        prov: { sources: ['S195'], note: 'KMG: 17.5 Mt/yr; ~7.2 Mt carried in Jan–Oct 2024 (S203)' },
      },
      name: 'Atyrau–Samara pipeline (to Transneft)',
    }),
    crude({
      id: 'oil-samara-novorossiysk',
      from: 'samara',
      to: 'novorossiysk',
      mode: 'pipeline',
      km: derivedKm('samara', 'novorossiysk'),
      cost: {
        value: round(898.55 / 31.02, 2),
        prov: {
          sources: ['W17'],
          derivation:
            'Transneft transit tariff from the Russian–Kazakh border (B. Chernigovka) to Sheskharis 898.55 RUB/t at 31.02 RUB/$ (from Jan 2013)',
        },
      },
      name: 'Transneft: Samara–Novorossiysk (Sheskharis)',
    }),
    crude({
      id: 'oil-kcp',
      from: 'atyrau',
      to: 'alashankou',
      mode: 'pipeline',
      km: KM(2_228, ['S205'], 'Kazakhstan–China pipeline Atyrau–Kenkiyak–Kumkol–Atasu–Alashankou'),
      cost: {
        value: round(2_228 * KTO_USD_PER_T_KM, 2),
        prov: { sources: ['W18', 'S205'], derivation: `2,228 km × ${KTO_RATE_TEXT}` },
      },
      capacity: {
        value: 20_000_000 - 9_980_000,
        prov: {
          sources: ['S196', 'S205'],
          derivation: 'design 20 Mt/yr (S196) − Russian oil in transit to China ~9.98 Mt/yr (S205)',
        },
      },
      name: 'Kazakhstan–China oil pipeline (KCP)',
    }),
    crude({
      id: 'oil-tengiz-aktau',
      from: 'tengiz',
      to: 'aktau',
      mode: 'rail',
      km: derivedKm('tengiz', 'aktau'),
      cost: {
        value: round(derivedKm('tengiz', 'aktau').value * RAIL_TANK_USD_PER_T_KM, 2),
        prov: RAIL_TANK_PROV,
      },
      name: 'rail tank cars Tengiz–Aktau',
    }),
    crude({
      id: 'oil-atyrau-aktau',
      from: 'atyrau',
      to: 'aktau',
      mode: 'rail',
      km: derivedKm('atyrau', 'aktau'),
      cost: {
        value: round(derivedKm('atyrau', 'aktau').value * RAIL_TANK_USD_PER_T_KM, 2),
        prov: RAIL_TANK_PROV,
      },
      name: 'rail tank cars Atyrau–Aktau',
    }),
    crude({
      id: 'oil-aktau-sangachal',
      from: 'aktau',
      to: 'sangachal',
      mode: 'sea',
      km: shortSeaKm('aktau', 'sangachal'),
      cost: {
        value: 15,
        prov: {
          assumption:
            'Caspian tanker freight about US$15/t (8,000 dwt tankers, S211); no published rate read',
        },
      },
      capacity: {
        value: 2_200_000,
        prov: {
          sources: ['S209', 'S207', 'S211'],
          note: 'KMG–SOCAR agreement raised to 2.2 Mt/yr (Mar 2024); a contract volume, not a physical limit. Fleet check: 12–14 tankers a month (S207) of ~8,000 dwt (S211) ≈ 1.2–1.3 Mt/yr',
          low: 1_500_000,
          high: 2_200_000,
        },
      },
      name: 'Caspian tankers Aktau–Sangachal',
    }),
    crude({
      id: 'oil-aktau-makhachkala',
      from: 'aktau',
      to: 'makhachkala',
      mode: 'sea',
      km: shortSeaKm('aktau', 'makhachkala'),
      cost: {
        value: 15,
        prov: { assumption: 'Caspian tanker freight about US$15/t; no published rate read' },
      },
      name: 'Caspian tankers Aktau–Makhachkala',
    }),
    crude({
      id: 'oil-makhachkala-novorossiysk',
      from: 'makhachkala',
      to: 'novorossiysk',
      mode: 'pipeline',
      km: makhNovKm,
      cost: {
        value: round((16 * makhNovKm.value) / 1_330, 2),
        prov: {
          sources: ['W20'],
          derivation: `Baku–Novorossiysk transit tariff US$16/t over 1,330 km (W20, 2014) × ${makhNovKm.value} km`,
          assumption:
            'the Makhachkala–Novorossiysk section is priced pro rata of the Baku–Novorossiysk tariff',
        },
      },
      name: 'Transneft: Makhachkala–Tikhoretsk–Novorossiysk',
    }),
    crude({
      id: 'oil-btc',
      from: 'sangachal',
      to: 'ceyhan',
      mode: 'pipeline',
      km: btcKm,
      via: ['GE'],
      cost: {
        value: round(3.5 * BBL_PER_T, 2),
        prov: {
          sources: ['W16', 'W30'],
          derivation: `US$3–4 per barrel (W16; midpoint 3.5) × ${BBL_PER_T} bbl/t (Tengiz crude: 59.8 million barrels = 7.5 Mt, W30)`,
          low: round(3 * BBL_PER_T, 2),
          high: round(4 * BBL_PER_T, 2),
        },
      },
      capacity: {
        value: 34_000_000,
        prov: { sources: ['S210'], derivation: 'design 60 Mt/yr − about 26 Mt/yr used (secondary source)' },
      },
      name: 'Baku–Tbilisi–Ceyhan (BTC)',
    }),
    tankerEurope('novorossiysk'),
    tankerEurope('ceyhan'),
  ];
}

// --- Corridors ---------------------------------------------------------------------------------------

type CorridorDoc = NonNullable<NetworkDocument['corridors']>[number];

const CORRIDORS: readonly CorridorDoc[] = [
  {
    id: 'middle',
    name: 'Middle Corridor (Trans-Caspian International Transport Route, TITR)',
    commodity: 'container',
    waypoints: ['alat', 'tbilisi'],
    links: ['aktau-alat', 'kuryk-alat', 'turkmenbashi-alat'],
    overland: true,
    description:
      'China → Kazakhstan (or Turkmenistan) → Caspian Sea → Azerbaijan → Georgia → Black Sea or BTK/Turkey → Europe.',
  },
  {
    id: 'southern',
    name: 'Southern corridor (via Iran to Turkey)',
    commodity: 'container',
    waypoints: ['tehran', 'istanbul'],
    links: ['tehran-istanbul'],
    overland: true,
    description: 'China → Kazakhstan → Turkmenistan (or Uzbekistan) → Iran → Turkey → Europe.',
  },
  {
    id: 'kti',
    name: 'Kazakhstan–Turkmenistan–Iran north–south railway to the Gulf',
    commodity: 'container',
    waypoints: ['bolashak', 'etrek', 'tehran', 'bandar-abbas'],
    links: [
      'bolashak-bereket',
      'bereket-etrek',
      'etrek-inche-burun',
      'inche-burun-tehran',
      'tehran-bandar-abbas',
    ],
    overland: true,
    description: 'Bolashak – Serhetyaka – Bereket – Etrek – Incheh Borun – Gorgan – Tehran – Bandar Abbas.',
  },
  {
    id: 'trans-manchurian',
    name: 'Trans-Manchurian (Manzhouli–Zabaikalsk, Russia)',
    commodity: 'container',
    waypoints: ['manzhouli', 'zabaikalsk', 'moscow'],
    links: ['manzhouli-zabaikalsk'],
    overland: true,
  },
  {
    id: 'trans-mongolian',
    name: 'Trans-Mongolian (Erenhot–Zamyn-Üüd–Ulaanbaatar–Naushki, Russia)',
    commodity: 'container',
    waypoints: ['erenhot', 'zamyn-uud', 'ulaanbaatar', 'naushki'],
    links: ['erenhot-zamyn-uud', 'ulaanbaatar-naushki'],
    overland: true,
  },
  {
    id: 'northern',
    name: 'Northern corridor (Kazakhstan–Russia–Belarus)',
    commodity: 'container',
    waypoints: ['moscow', 'brest', 'malaszewicze'],
    links: ['petropavl-yekaterinburg', 'semey-yekaterinburg', 'oral-samara', 'aktobe-samara'],
    overland: true,
    description: 'China → Kazakhstan → Russia → Belarus → Poland (Małaszewicze) → Europe.',
  },
  {
    id: 'maritime-suez',
    name: 'Maritime via Suez',
    commodity: 'container',
    waypoints: ['suez', 'rotterdam'],
    links: ['suez-rotterdam'],
    overland: false,
  },
  {
    id: 'maritime-cape',
    name: 'Maritime via the Cape of Good Hope',
    commodity: 'container',
    waypoints: ['cape', 'rotterdam'],
    links: ['cape-rotterdam'],
    overland: false,
  },
  {
    id: 'btc-via-baku',
    name: 'Aktau tankers → Baku → Baku–Tbilisi–Ceyhan',
    commodity: 'crude',
    waypoints: ['aktau', 'sangachal', 'ceyhan'],
    links: ['oil-aktau-sangachal', 'oil-btc'],
    overland: false,
  },
  {
    id: 'makhachkala',
    name: 'Aktau tankers → Makhachkala → Novorossiysk',
    commodity: 'crude',
    waypoints: ['aktau', 'makhachkala', 'novorossiysk'],
    links: ['oil-aktau-makhachkala'],
    overland: false,
  },
  {
    id: 'kazakhstan-china',
    name: 'Kazakhstan–China oil pipeline',
    commodity: 'crude',
    waypoints: ['atyrau', 'alashankou'],
    links: ['oil-kcp'],
    overland: false,
  },
  {
    id: 'atyrau-samara',
    name: 'Atyrau–Samara (Transneft)',
    commodity: 'crude',
    waypoints: ['atyrau', 'samara'],
    links: ['oil-atyrau-samara'],
    overland: false,
  },
  {
    id: 'cpc',
    name: 'Caspian Pipeline Consortium (Tengiz–Novorossiysk)',
    commodity: 'crude',
    waypoints: ['atyrau-cpc', 'novorossiysk'],
    links: ['oil-cpc'],
    overland: false,
  },
];

// --- Nodes with the derived dwell of the Trans-Caspian ports -------------------------------------------

const DERIVED_NODE_DWELL: Readonly<Record<string, Fig>> = {
  aktau: { value: T.aktauDwell, prov: AKTAU_DWELL_PROV },
  kuryk: { value: T.aktauDwell, prov: merge(AKTAU_DWELL_PROV, { assumption: 'Kuryk as Aktau' }) },
  turkmenbashi: {
    value: T.aktauDwell,
    prov: merge(AKTAU_DWELL_PROV, { assumption: 'Turkmenbashi as Aktau' }),
  },
  alat: { value: T.alatDwell, prov: ALAT_DWELL_PROV },
  poti: { value: T.potiDwell, prov: POTI_DWELL_PROV },
  batumi: { value: T.potiDwell, prov: merge(POTI_DWELL_PROV, { assumption: 'Batumi as Poti' }) },
  constanta: {
    value: T.constantaDwell,
    prov: {
      assumption: 'one day to unload a feeder and load a block train at Constanța; no published figure found',
    },
  },
};

type NodeDoc = NetworkDocument['nodes'][number];

function nodeDoc(row: NodeRow): NodeDoc {
  const provenance: Record<string, Provenance> = { coordinates: row.coordinates };
  if (row.gauges && row.gaugeProv) provenance.gaugesMm = row.gaugeProv;
  if (row.dwellDays !== undefined && row.dwellProv) provenance.dwellDays = row.dwellProv;
  const container: Record<string, number> = {};
  if (row.containerCapacity !== undefined) {
    container.capacityPerYear = row.containerCapacity;
    if (row.containerCapacityProv)
      provenance['handling.container.capacityPerYear'] = row.containerCapacityProv;
  }
  const eastern = EASTERN_CAPACITY[row.id];
  if (eastern) {
    container.capacityPerYear = eastern.value;
    provenance['handling.container.capacityPerYear'] = eastern.prov;
  }
  const derived = DERIVED_NODE_DWELL[row.id];
  const dwell =
    row.containerDwell !== undefined ? { value: row.containerDwell, prov: row.containerDwellProv } : derived;
  if (dwell) {
    container.dwellDays = dwell.value;
    if (dwell.prov) provenance['handling.container.dwellDays'] = dwell.prov;
  }
  const handling: Record<string, Record<string, number>> = {};
  if (Object.keys(container).length > 0) handling.container = container;
  if (row.crudeCapacity !== undefined || row.crudeDwell !== undefined) {
    handling.crude = {
      ...(row.crudeCapacity !== undefined ? { capacityPerYear: row.crudeCapacity } : {}),
      ...(row.crudeDwell !== undefined ? { dwellDays: row.crudeDwell } : {}),
    };
    if (row.crudeCapacityProv) provenance['handling.crude.capacityPerYear'] = row.crudeCapacityProv;
    if (row.crudeDwellProv) provenance['handling.crude.dwellDays'] = row.crudeDwellProv;
  }
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    kind: row.kind,
    lon: row.lon,
    lat: row.lat,
    ...(row.dwellDays !== undefined ? { dwellDays: row.dwellDays } : {}),
    ...(Object.keys(handling).length > 0 ? { handling } : {}),
    ...(row.gauges ? { gaugesMm: [...row.gauges] } : {}),
    ...(row.description ? { description: row.description } : {}),
    provenance,
  };
}

/** Build the network document. */
export function buildNetworkDocument(): NetworkDocument {
  const links = [
    ...chineseLinks(),
    ...borderLinks(),
    ...kazakhLinks(),
    ...russianLinks(),
    ...europeanLinks(),
    ...southernLinks(),
    ...caspianAndCaucasusLinks(),
    ...deepSeaLinks(),
    ...crudeLinks(),
  ];
  return {
    format: 'corridor-sim/network',
    version: 1,
    meta: {
      name: 'eurasia',
      description:
        'China–Europe container corridors (via Kazakhstan, Russia, Mongolia, the Caspian, Iran and the sea) and Kazakh crude export routes. Every figure carries provenance resolvable in sources.json; see docs/dataset.md.',
      year: 2024,
    },
    commodities: {
      container: { name: 'Containers', unit: 'TEU' },
      crude: { name: 'Crude oil', unit: 't' },
    },
    defaultVdf: { kind: 'bpr', alpha: 0.15, beta: 4 },
    nodes: NODES.map(nodeDoc),
    links,
    corridors: CORRIDORS.map((c) => structuredClone(c)),
  };
}
