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
    description: 'Share of overland China→Europe container transit that passes Kazakhstan',
    unit: 'share',
    value: 0.85,
    low: 0.8,
    high: 0.9,
    sources: ['E1', 'S13', 'S14', 'S15', 'S16', 'S17'],
    note: '"about 85 %" (Smailov, Nov 2023 and Jan 2024, S13, S16; Tokayev, Jun 2025, S15; E1), ">80 %" (Sklyar, Jun 2025, S14; TCA, S17)',
  },
  {
    id: 'kz-share-pre-war',
    description: 'Share of China–Europe rail transit that passed Kazakhstan before the war',
    unit: 'share',
    value: 0.922,
    low: 0.85,
    high: 0.922,
    sources: ['W47', 'S146'],
    note: 'Jan–Apr 2020: 124,000 of 134,500 TEU via Dostyk and Altynkol, 7,900 via Zabaikalsk, 2,600 via Mongolia ("more than 85 %", W47); UTLC ERA, the operator of the route via Kazakhstan, carried 91 % of broad-gauge New Silk Road traffic in 2020 (S146)',
  },
  {
    id: 'cpc-share-of-kz-crude-exports',
    description: 'Share of Kazakh crude exports carried by the CPC',
    unit: 'share',
    low: 0.67,
    high: 0.8,
    byYear: { '2022': 0.812, '2023': 0.794, '2025': 0.823 },
    sources: ['S19', 'S20', 'S21', 'S199', 'W14', 'W13'],
    note: '"over two-thirds" (S20) to ~80 % (S19, S21); 2022: 52.2 Mt from Kazakhstan (S199) of 64.3 Mt (S19); 2023: ~56 of 70.5 Mt (W14); 2025: 64.8 of 78.7 Mt (W13)',
  },
  {
    id: 'titr-teu',
    description: 'Containers carried on the Trans-Caspian route (all origins and destinations)',
    unit: 'TEU/yr',
    byYear: { '2021': 25_200, '2022': 33_600, '2023': 20_500, '2024': 56_500, '2025': 77_000 },
    sources: ['S2', 'S3', 'S155', 'S156', 'S5', 'S1', 'S4', 'W49'],
    note: 'bases differ (TITR association, seaports); 2022: EBRD counts 18,000 TEU of container transit (S156); 2023 derived: Jan–Nov 2024 50,500 TEU was 2.6 times Jan–Nov 2023 (S4) and Jan–Sep 2024 34,600 TEU three times Jan–Sep 2023 (W49), about 19,400 TEU in eleven months',
  },
  {
    id: 'titr-china-transit-teu',
    description: 'Containers from China in transit on the Trans-Caspian route',
    unit: 'TEU/yr',
    byYear: { '2024': 30_000 },
    sources: ['S160', 'W49'],
    note: 'about 300 block trains ≈ 30,000 TEU from China in 2024 (S160, W49); container transit from China grew more than 20-fold in 2024 (W49)',
  },
  {
    id: 'russia-transit-change-2022-2023',
    description: 'Change of China–EU container transit through Russia from 2022 to 2023',
    unit: 'relative change',
    value: -0.49,
    low: -0.49,
    high: -0.35,
    sources: ['S150', 'S152'],
    note: 'ERAI: −49 % (S150); OECD: down at least 35 % (S152); H1 2023 −48 %, back to the 2019 level (W42)',
  },
  {
    id: 'china-eu-rail-teu',
    description: 'China→EU rail container volume through Russia (westbound)',
    unit: 'TEU/yr',
    byYear: { '2021': 420_000, '2022': 359_800, '2023': 185_000, '2024': 412_000, '2025': 272_157 },
    sources: ['S148', 'S149', 'S150', 'S36', 'W51'],
    note: '2021, 2024, 2025: China→EU (S148, S36); 2022 and 2023 are China–EU–China transit (410,600 and 211,100 TEU, S149, S150) × 0.8763, the westbound share of 2025 (S36); for 2024 the Eurasian Rail Alliance also gives 380,000 TEU both ways (≈ 333,000 westbound, W51)',
  },
  {
    id: 'kz-crude-exports',
    description: 'Kazakh crude and condensate exports',
    unit: 't/yr',
    byYear: { '2022': 64_300_000, '2023': 70_500_000, '2025': 78_700_000 },
    sources: ['S19', 'W14', 'W13'],
  },
  {
    id: 'days-northern-to-eu-border',
    description: 'Northern rail route, Chinese origin to the Polish border (Małaszewicze)',
    unit: 'days',
    low: 12,
    high: 20,
    sources: ['S79', 'S175', 'S80'],
    note: '13–14 days terminal-to-terminal to Poland (Jan 2024, S79); 20 days under congestion (Jun 2024, S175); 12–18 days on the Trans-Siberian (S80)',
  },
  {
    id: 'days-northern-to-germany',
    description: 'Northern rail route, Chinese origin to Germany (Duisburg, Hamburg)',
    unit: 'days',
    low: 18,
    high: 24,
    sources: ['S79', 'S175'],
    note: '18–20 days terminal-to-terminal (Jan 2024, S79); 24 days under congestion (Jun 2024, S175); 13 days for a speed train (S79)',
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
    id: 'days-titr-china-europe-2023',
    description:
      'Middle Corridor, Chinese origin → European destination, 2023 (as operated, queues included)',
    unit: 'days',
    low: 18,
    high: 32,
    sources: ['S182', 'S181', 'S1'],
    note: '18–23 days (Kazakh government, Sep 2023, S182), 20–25 days average block train (2023–24, S181); "previously 28–32 days", before the 2025 cuts to 13–17 days (Kazakh Ministry of Transport, Mar 2026, S1)',
  },
  {
    id: 'days-titr-china-europe-2024',
    description:
      'Middle Corridor, Chinese origin → European destination, 2024 (as operated, queues included)',
    unit: 'days',
    low: 18,
    high: 55,
    sources: ['S181', 'S183', 'W50', 'S1', 'S175'],
    note: '20–25 days average block train (2023–24, S181), 18–25 days (forwarder, S183); about 26–29 days (operator, Feb 2024, W50); "previously 28–32 days" (Kazakh Ministry of Transport, S1); 50–55 days door to door (DHL, Jun 2024, S175)',
  },
  {
    id: 'days-titr-block-train',
    description: 'Middle Corridor block-train time, China → Europe (schedule, without queues)',
    unit: 'days',
    low: 18,
    high: 25,
    sources: ['S181', 'S182', 'S183'],
    note: '18–23 days (2023, S182), 20–25 days average block train (2023–24, S181), 18–25 days (forwarder, S183); 50–60 days in 2022 (S49)',
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
    id: 'days-china-tehran',
    description:
      "China → Tehran by rail through Kazakhstan and Turkmenistan (Yiwu: the 2016 service; Xi'an: the 2024 pilot's route)",
    unit: 'days',
    low: 14,
    high: 15,
    sources: ['S91', 'S92', 'S93', 'W53', 'W54', 'W55'],
    note: "Yiwu → Tehran 14 days (S91, S92); Xi'an → Altynkol → Bolashak → Etrek → Tehran 15 days (pilot, S93). The 15 days are the delivery period the railways agreed for the route in April 2024 (W53, W54); the test train's own time is not published. Chinese trains entering Iran at Incheh Borun took 15 days in 2018, against 45 via Sarakhs before (W55)",
  },
  {
    id: 'days-sea-suez',
    description: 'Sea China → Europe via Suez',
    unit: 'days',
    low: 30,
    high: 60,
    sources: ['S36', 'S163', 'W1'],
    note: '30–45 days (2025, S36); 45–60 days (2023, S163); 35 days port-to-port typical (W1)',
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
