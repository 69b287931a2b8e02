/**
 * Derived parameters of the Eurasia dataset
 * =========================================
 *
 * Every per-kilometre rate and speed used to fill link times and costs, each derived from published
 * end-to-end figures. The derivations are written into the provenance of every link that uses them.
 */

import type { Provenance } from './geo.js';
import { greatCircleKm, round } from './geo.js';
import { nodeById } from './nodes.js';

const at = (id: string): [number, number] => {
  const n = nodeById(id);
  return [n.lat, n.lon];
};

/** Great-circle length of a node sequence, km. */
export function pathGreatCircleKm(ids: readonly string[]): number {
  let km = 0;
  for (let i = 1; i < ids.length; i++) km += greatCircleKm(at(ids[i - 1]!), at(ids[i]!));
  return km;
}

// --- Rail circuity ---------------------------------------------------------------------------------

/** The Chongqing–Duisburg route through this network (the 2013 route via Alashankou, S81). */
export const CIRCUITY_ROUTE = [
  'chongqing',
  'urumqi',
  'alashankou',
  'dostyk',
  'moyynty',
  'astana',
  'petropavl',
  'yekaterinburg',
  'moscow',
  'brest',
  'malaszewicze',
  'duisburg',
] as const;

/** Published length of that route, km (S81). */
export const CHONGQING_DUISBURG_KM = 11_179;

/** Rail route length ÷ great-circle length. */
export const RAIL_CIRCUITY = round(CHONGQING_DUISBURG_KM / pathGreatCircleKm(CIRCUITY_ROUTE), 3);

/** Provenance of a great-circle × circuity rail distance. */
export function railDistanceProv(gcKm: number): Provenance {
  return {
    sources: ['S81'],
    derivation: `great-circle distance between the end nodes (${round(gcKm)} km) × rail circuity ${RAIL_CIRCUITY} (Chongqing–Duisburg route length 11,179 km (S81) ÷ ${round(pathGreatCircleKm(CIRCUITY_ROUTE))} km great-circle length of the same route through this network)`,
  };
}

/** Rail distance from great circle. */
export function railKm(from: string, to: string): { km: number; gc: number } {
  const gc = greatCircleKm(at(from), at(to));
  return { km: round(gc * RAIL_CIRCUITY), gc };
}

// --- The 1520 transit reference ----------------------------------------------------------------------

/** The reference 1520 path from the Chinese border to the EU border. */
export const REF_1520 = [
  'dostyk',
  'moyynty',
  'astana',
  'petropavl',
  'yekaterinburg',
  'moscow',
  'brest',
] as const;
/** Dostyk–Moyynty length, km (S37, S38, S39). */
export const DOSTYK_MOYYNTY_KM = 836;
/** Dostyk–Moyynty service speed before the second track, km/day (S37–S39). */
export const DOSTYK_MOYYNTY_KM_PER_DAY = 800;
/** ERAI transit time on the 1520 network, days (15 Jul 2024, S78). */
export const ERAI_DAYS = 7.31;
/** ERAI rate, USD per FEU (2023 average, S77). */
export const ERAI_USD_PER_FEU = 2_900;

const refRestKm = (() => {
  let km = 0;
  for (let i = 2; i < REF_1520.length; i++) km += railKm(REF_1520[i - 1]!, REF_1520[i]!).km;
  return km;
})();

/** Length of the reference path in this network, km. */
export const REF_1520_KM = DOSTYK_MOYYNTY_KM + refRestKm;

/** Running speed of block trains, km/day. */
export const RAIL_KM_PER_DAY = round(
  refRestKm / (ERAI_DAYS - DOSTYK_MOYYNTY_KM / DOSTYK_MOYYNTY_KM_PER_DAY - 0.1),
  1,
);

/** Rail rate, USD per TEU-km. */
export const RAIL_USD_PER_TEU_KM = round(ERAI_USD_PER_FEU / 2 / REF_1520_KM, 5);

const SPEED_TEXT = `${RAIL_KM_PER_DAY} km/day = ${round(refRestKm)} km (reference 1520 path Moyynty–Astana–Petropavl–Yekaterinburg–Moscow–Brest in this network) ÷ (ERAI transit time 7.31 days (S78) − 836 km Dostyk–Moyynty at 800 km/day (S37) − 0.1 day Petropavl border)`;
const RATE_TEXT = `${RAIL_USD_PER_TEU_KM} USD/TEU-km = ERAI 1520 transit rate US$2,900/FEU (2023 average, S77) ÷ 2 TEU/FEU ÷ ${round(REF_1520_KM)} km (reference path Dostyk→Brest in this network)`;

/** Provenance of a rail link time. */
export function railTimeProv(onBroadGauge: boolean): Provenance {
  return {
    sources: ['S78', 'S37'],
    derivation: `distanceKm ÷ ${SPEED_TEXT}`,
    ...(onBroadGauge
      ? {}
      : {
          assumption:
            'the 1520 running speed also applies on this network (no published per-km block-train speed found)',
        }),
  };
}

/** Provenance of a rail link cost. */
export function railCostProv(onBroadGauge: boolean): Provenance {
  return {
    sources: ['S77'],
    derivation: `distanceKm × ${RATE_TEXT}`,
    ...(onBroadGauge
      ? {}
      : {
          assumption:
            'the 1520 per-km rate also applies on this network (no published per-km block-train tariff found for China, the EU, Turkey or Iran)',
        }),
  };
}

// --- Southern route speed ----------------------------------------------------------------------------

/** KZ→TM→IR→TR test train: 6,336 km in 12 days (S94). */
export const SOUTH_KM_PER_DAY = round(6_336 / 12, 1);
export const SOUTH_TIME_PROV: Provenance = {
  sources: ['S94'],
  derivation: `distanceKm ÷ ${SOUTH_KM_PER_DAY} km/day (Kazakhstan–Turkmenistan–Iran–Turkey test train: 6,336 km in 12 days, S94)`,
};

// --- Deep-sea legs ------------------------------------------------------------------------------------

const NM = 1.852;
/** Shanghai–Rotterdam via Suez, km (10,600 nm, W1). */
export const SUEZ_ROUTE_KM = round(10_600 * NM);
/** Shanghai–Rotterdam via the Cape, km (13,800 nm, W1). */
export const CAPE_ROUTE_KM = round(13_800 * NM);
/** Port-to-port days via Suez, typical with calls (W1), plus 3 days port time at both ends (W2, low end). */
export const SUEZ_ROUTE_DAYS = 35 + 3;
/** Via the Cape: 35 + 12 (W1: +10–14 days) + 3. */
export const CAPE_ROUTE_DAYS = 35 + 12 + 3;
/** WCI Shanghai–Rotterdam, USD per FEU (Mar 2023, S187). */
export const WCI_USD_PER_FEU = 1_553;

export const SEA_USD_PER_TEU_KM = round(WCI_USD_PER_FEU / 2 / SUEZ_ROUTE_KM, 5);

const suezGc = pathGreatCircleKm(['shanghai', 'suez', 'rotterdam']);
const capeGc = pathGreatCircleKm(['shanghai', 'cape', 'rotterdam']);
/** Sea distance ÷ great-circle distance on the Suez route. */
export const SEA_FACTOR_SUEZ = round(SUEZ_ROUTE_KM / suezGc, 4);
/** Sea distance ÷ great-circle distance on the Cape route. */
export const SEA_FACTOR_CAPE = round(CAPE_ROUTE_KM / capeGc, 4);

export function seaDistance(
  from: string,
  to: string,
  route: 'suez' | 'cape',
): { km: number; prov: Provenance } {
  const gc = greatCircleKm(at(from), at(to));
  const factor = route === 'suez' ? SEA_FACTOR_SUEZ : SEA_FACTOR_CAPE;
  const total = route === 'suez' ? '10,600 nm = 19,631 km' : '13,800 nm = 25,558 km';
  const via = route === 'suez' ? 'Shanghai–Suez–Rotterdam' : 'Shanghai–Cape–Rotterdam';
  return {
    km: round(gc * factor),
    prov: {
      sources: ['W1'],
      derivation: `great-circle distance (${round(gc)} km) × ${factor} (Shanghai–Rotterdam via ${route === 'suez' ? 'Suez' : 'the Cape'} ${total} (W1) ÷ great-circle length of ${via})`,
    },
  };
}

export function seaTime(km: number, route: 'suez' | 'cape'): { days: number; prov: Provenance } {
  const totalKm = route === 'suez' ? SUEZ_ROUTE_KM : CAPE_ROUTE_KM;
  const totalDays = route === 'suez' ? SUEZ_ROUTE_DAYS : CAPE_ROUTE_DAYS;
  return {
    days: round((km * totalDays) / totalKm, 2),
    prov: {
      sources: ['W1', 'W2'],
      derivation:
        route === 'suez'
          ? `distanceKm × 38 days ÷ 19,631 km: Shanghai–Rotterdam via Suez typically 35 days port-to-port with calls (W1) + 3 days port time at the two ends (W2: "add 3–9 days", low end)`
          : `distanceKm × 50 days ÷ 25,558 km: via the Cape 35 + 12 days (W1: +10–14 days over Suez) + 3 days port time (W2)`,
      ...(route === 'cape'
        ? { low: round((km * 45) / totalKm, 2), high: round((km * 52) / totalKm, 2) }
        : {}),
    },
  };
}

export function seaCost(km: number): { usd: number; prov: Provenance } {
  return {
    usd: round(km * SEA_USD_PER_TEU_KM, 1),
    prov: {
      sources: ['S187', 'W1'],
      derivation: `distanceKm × ${SEA_USD_PER_TEU_KM} USD/TEU-km = Drewry WCI Shanghai–Rotterdam US$1,553/FEU (Mar 2023, S187) ÷ 2 ÷ 19,631 km (W1)`,
      assumption:
        'the Cape and other deep-sea legs are priced per km like the Suez route (rates rose to a WCI composite of US$5,085/FEU in Jul 2024, S78)',
    },
  };
}
