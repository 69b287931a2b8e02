/**
 * Metadata of the Eurasia dataset: description and the published figures a calibrated model should
 * reproduce (targets), each with its sources. Targets are checks on model output, never inputs.
 */

export interface TargetDoc {
  readonly id: string;
  readonly description: string;
  readonly unit: string;
  readonly low?: number;
  readonly high?: number;
  readonly value?: number;
  readonly byYear?: Readonly<Record<string, number>>;
  readonly sources: readonly string[];
  readonly note?: string;
}

export interface MetaDoc {
  readonly format: 'corridor-sim/dataset-meta';
  readonly version: 1;
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly referenceYear: number;
  readonly demandYears: Readonly<Record<string, readonly number[]>>;
  readonly timelines: readonly string[];
  readonly targets: readonly TargetDoc[];
}

const TARGETS: readonly TargetDoc[] = [
  {
    id: 'kz-share-of-overland-china-europe',
    description: 'Share of overland China→Europe transit that passes Kazakhstan',
    unit: 'share',
    low: 0.8,
    high: 0.85,
    sources: ['E1', 'S13', 'S14', 'S15', 'S16', 'S17'],
    note: '"about 85 %" (Tokayev, E1; Smailov S13, S16), ">80 %" (Sklyar S14; TCA S17)',
  },
  {
    id: 'cpc-share-of-kz-crude-exports',
    description: 'Share of Kazakh crude exports carried by the CPC',
    unit: 'share',
    low: 0.67,
    high: 0.8,
    byYear: { '2023': 0.794, '2025': 0.823 },
    sources: ['S19', 'S20', 'S21', 'W14', 'W13'],
    note: '"over two-thirds" (S20) to ~80 % (S19, S21); 2023: ~56 of 70.5 Mt (W14); 2025: 64.8 of 78.7 Mt (W13)',
  },
  {
    id: 'titr-teu',
    description: 'Containers carried on the Trans-Caspian route',
    unit: 'TEU/yr',
    byYear: { '2021': 25_200, '2022': 33_600, '2024': 56_500, '2025': 77_000 },
    sources: ['S2', 'S3', 'S155', 'S156', 'S5', 'S1'],
    note: 'bases differ (association, seaports); 2022: EBRD counts 18,000 TEU of container transit (S156); 2023 not found directly',
  },
  {
    id: 'russia-transit-change-2022-2023',
    description: 'Change of China–EU container transit through Russia from 2022 to 2023',
    unit: 'relative change',
    value: -0.49,
    low: -0.49,
    high: -0.35,
    sources: ['S150', 'S152'],
    note: 'ERAI: −49 % (S150); OECD: down at least 35 % (S152)',
  },
  {
    id: 'china-eu-rail-teu',
    description: 'China–EU rail container volume through the 1520 network',
    unit: 'TEU/yr',
    byYear: { '2021': 420_000, '2022': 410_600, '2023': 211_100, '2024': 412_000, '2025': 272_157 },
    sources: ['S148', 'S149', 'S150', 'S36'],
    note: '2021, 2024, 2025: China→EU; 2022, 2023: China–EU–China (both directions)',
  },
  {
    id: 'kz-crude-exports',
    description: 'Kazakh crude and condensate exports',
    unit: 't/yr',
    byYear: { '2022': 64_300_000, '2023': 70_500_000, '2025': 78_700_000 },
    sources: ['S19', 'W14', 'W13'],
  },
  {
    id: 'days-northern-to-germany',
    description: 'Northern rail route, China terminal to Germany',
    unit: 'days',
    low: 13,
    high: 20,
    sources: ['S79'],
    note: "13 days (speed train Xi'an–Duisburg) to 18–20 days terminal-to-terminal (Jan 2024); 24 days under congestion (S175)",
  },
  {
    id: 'days-1520-transit',
    description: 'Transit of the 1520 network, Chinese border to Polish border',
    unit: 'days',
    low: 6,
    high: 8,
    value: 7.31,
    sources: ['S79', 'S78'],
  },
  {
    id: 'days-titr-altynkol-constanta',
    description: 'Trans-Caspian schedule Altynkol → Constanța',
    unit: 'days',
    low: 20,
    high: 22,
    sources: ['S43'],
    note: 'Altynkol → Alat 9 days, → Poti/Batumi 12 days (S43)',
  },
  {
    id: 'days-titr-china-europe',
    description: 'Middle Corridor, China → Europe',
    unit: 'days',
    low: 18,
    high: 25,
    sources: ['S181', 'S182', 'S183'],
    note: '50–60 days in 2022 (S49) and 50–55 days (DHL, Jun 2024, S175) were also reported',
  },
  {
    id: 'days-xian-baku',
    description: "Xi'an → Baku",
    unit: 'days',
    low: 11,
    high: 17,
    sources: ['S44', 'S45', 'S46'],
  },
  {
    id: 'days-xian-tehran',
    description: "Xi'an → Altynkol → Bolashak → Etrek → Tehran",
    unit: 'days',
    value: 15,
    sources: ['S93'],
  },
  {
    id: 'days-sea-suez',
    description: 'Sea China → Europe via Suez',
    unit: 'days',
    low: 30,
    high: 45,
    sources: ['S36', 'W1'],
  },
  {
    id: 'days-sea-cape-extra',
    description: 'Extra days via the Cape of Good Hope',
    unit: 'days',
    low: 10,
    high: 18,
    sources: ['W1', 'S79', 'S188'],
  },
];

/** The metadata document. */
export function buildMetaDocument(timelineIds: readonly string[]): MetaDoc {
  return {
    format: 'corridor-sim/dataset-meta',
    version: 1,
    name: 'eurasia',
    title: 'China–Europe corridors via Kazakhstan, and Kazakh crude exports',
    description:
      'Container network China → Europe (Kazakhstan, Russia, Mongolia, Caspian, Iran, sea) and the Kazakh crude export network, with demand 2021–2025 and dated capacity changes. Every figure is sourced or labelled as an assumption; see docs/dataset.md.',
    referenceYear: 2024,
    demandYears: { container: [2021, 2022, 2023, 2024, 2025], crude: [2022, 2023, 2024, 2025] },
    timelines: timelineIds,
    targets: TARGETS,
  };
}
