/**
 * Sources of the Eurasia dataset
 * ==============================
 *
 * Two groups:
 * - `facts-sources.json`: the reference list of ../shared/reference/corridor-facts.md §11 (ids S.., C..,
 *   G.., I..), transcribed once. Publisher and year come from the reference line; where the line gives
 *   no title, the title is read from the page address (slug). Undated pages carry the year they were
 *   read (`yearKind: 'accessed'`).
 * - `NEW_SOURCES` below: pages read for this dataset with the search tools (ids W.. for figures, C19.. for
 *   coordinates, G3.. for coordinates found only in public GitHub files, which are lower confidence).
 */

import factsSources from './facts-sources.json' with { type: 'json' };

/** One entry of data/eurasia/sources.json. */
export interface SourceEntry {
  readonly id: string;
  readonly title: string;
  readonly publisher: string;
  readonly year: number;
  /** `published`: the year the page or document is dated; `accessed`: undated, year it was read. */
  readonly yearKind: 'published' | 'accessed';
  readonly address: string;
  readonly description?: string;
  /** Another id with the same document (the reference list has a few duplicates). */
  readonly sameAs?: string;
  /** `low` for outlets the reference list marks as low reliability, or GitHub files to verify. */
  readonly reliability?: 'low';
}

const PUBLISHER_FIXES: Readonly<Record<string, string>> = {
  S126: 'forkliftaction; sea-news.az',
};

const LOW_RELIABILITY = new Set(['S108', 'S153', 'S185', 'G1', 'G2']);

const W = (
  id: string,
  title: string,
  publisher: string,
  year: number,
  address: string,
  description: string,
  yearKind: 'published' | 'accessed' = 'published',
  reliability?: 'low',
): SourceEntry => ({
  id,
  title,
  publisher,
  year,
  yearKind,
  address,
  description,
  ...(reliability ? { reliability } : {}),
});

/** Sources read for this dataset (not in corridor-facts.md). */
export const NEW_SOURCES: readonly SourceEntry[] = [
  W(
    'W1',
    'Routing options between Shanghai, Rotterdam and New York',
    'Port Economics, Management and Policy (Notteboom, Pallis, Rodrigue)',
    2024,
    'https://porteconomicsmanagement.org/pemp/contents/part1/interoceanic-passages/routing-options-shanghai-rotterdam',
    'Shanghai–Rotterdam via Suez about 10,600 nautical miles, ~27 days at 16 knots without calls, typically 35 days with 5–10 calls; via the Cape 13,800 nm, ~35 days at 16 knots, at least +7 days, commonly +10 to 14 days.',
  ),
  W(
    'W2',
    'Shanghai to Rotterdam transit time (2025 data)',
    'Geese Cargo (forwarder blog)',
    2025,
    'https://geesecargo.com/?p=4547',
    'Median 32 days port-to-port Shanghai–Rotterdam on direct Suez strings (Q2 2025); 45–48 days via the Cape; add 3–9 days for customs, drayage and last mile.',
    'published',
    'low',
  ),
  W(
    'W3',
    'Eurasienverkehr sank um 25 bis 35 Prozent (RailBusiness 29/2022)',
    'Eurailpress / DVV Media',
    2022,
    'https://eurailpress-archiv.de/SingleView.aspx?lng=de&show=3890744',
    'UTLC ERA traffic via Russia to Western Europe, March–May 2022 vs 2021: −25 % westbound, −35 % eastbound.',
  ),
  W(
    'W4',
    'Far East freight transport: concern about freight security',
    'Table.Media (China.Table)',
    2022,
    'https://schulung.table.media/en/china/feature/far-east-freight-transport-concern-about-freight-security',
    'Operators and ports of the northern route report a 30–40 % drop in cargo volume (SCI Verkehr, April 2022).',
  ),
  W(
    'W5',
    'Container rail transport in Eurasia in the first half of 2022',
    'Syntrans (citing Eurasian Rail Alliance Index)',
    2022,
    'https://www.syntrans.com/container-rail-transport-in-eurasia-in-the-first-half-of-2022',
    'H1 2022 China–Europe–China volume on the Eurasian railway 307,200 TEU, −8.7 % year on year.',
  ),
  W(
    'W7',
    'Time as a Trade Barrier',
    'American Economic Review 103(7): 2935–59 (Hummels and Schaur)',
    2013,
    'https://www.aeaweb.org/articles.php?doi=10.1257/aer.103.7.2935',
    'Each day in transit is equivalent to an ad-valorem tariff of 0.6 to 2.1 percent.',
  ),
  W(
    'W8',
    'Value of containerized trade',
    'Port Economics, Management and Policy',
    2022,
    'https://porteconomicsmanagement.org/value-of-containerized-trade-new/',
    'Value of containerized trade estimated at around $54,000 per TEU.',
    'accessed',
  ),
  W(
    'W9',
    "China's largest land port handles 22,000 China-Europe freight train trips",
    "People's Daily Online (Xinhua)",
    2023,
    'http://en.people.cn/n3/2023/1016/c90000-20084020.html',
    'Manzhouli handled 3,722 China–Europe freight train trips in Jan–Sep 2023; nearly 30 % of the national total since 2013.',
  ),
  W(
    'W10',
    'East route of the China-Europe freight railway: 4,583 trains',
    'ECNS (China News Service)',
    2023,
    'http://www.ecns.cn/news/cns-wire/2023-10-16/detail-ihcuappp4686578.shtml',
    'East route (Manzhouli, Suifenhe, Tongjiang) 4,583 trains and 489,000 TEU to mid-October 2023; Manzhouli 3,891 trains, 420,000 TEU.',
  ),
  W(
    'W11',
    'North China land port sees increased China-Europe freight train trips',
    "People's Daily Online (Xinhua)",
    2024,
    'http://en.people.cn/n3/2024/0409/c90000-20154843.html',
    'Erenhot: 802 China–Europe freight trains in Q1 2024 (426 outbound, 376 inbound); 71 routes.',
  ),
  W(
    'W12',
    'NE China ports handle over 3,000 China-Europe freight trains this year',
    'XFA Finance (Xinhua)',
    2021,
    'http://en.xfafinance.com/html/Economies/Trade/2021/746703.shtml',
    'Manzhouli and Suifenhe: 3,037 trips and 291,186 TEU to 25 Aug 2021; routes link 60 Chinese cities incl. Guangzhou, Changsha and Tianjin.',
  ),
  W(
    'W13',
    'Kazajistán exportó en 2025 un 11,6 % más de lo estimado de crudo',
    'ABC Color (EFE)',
    2026,
    'https://www.abc.com.py/internacionales/2026/02/27/kazajistan-exporto-en-2025-un-116-mas-de-lo-estimado-de-crudo-y-un-86-mas-de-gas/',
    'Kazakh oil exports 2025: 78.7 Mt; supply through CPC +18 % to 64.8 Mt.',
  ),
  W(
    'W14',
    'Germany keen to increase imports of Kazakh oil, minister says',
    'MENAFN / Trend',
    2024,
    'https://menafn.com/1107877973/Germany-Keen-To-Increase-Imports-Of-Kazakh-Oil-Minister-Says',
    '2023: exports 70.5 Mt, about 56 Mt through CPC, 46.6 Mt to the EU, 0.993 Mt to Germany; production about 90 Mt.',
  ),
  W(
    'W15',
    "Output from Kazakhstan's Tengiz oilfield to remain stable in 2024 - energy ministry",
    'Reuters (via Nasdaq)',
    2023,
    'https://www.nasdaq.com/articles/output-from-kazakhstans-tengiz-oilfield-to-remain-stable-in-2024-energy-ministry',
    'Tengiz output forecast 27.9 Mt in 2024, similar to 2023, about 4 % below 2022.',
  ),
  W(
    'W16',
    'BTC pipeline tariffs (Kazakhstan Today / today.az)',
    'today.az',
    2026,
    'https://today.az./news/business/27003.html',
    'BTC tariffs on average $3 to $4 per barrel over the operation period.',
    'accessed',
  ),
  W(
    'W17',
    'Russia to raise fee on oil transit from Kazakhstan',
    'AzerNews',
    2012,
    'https://www.azernews.az/oil_and_gas/46752.html',
    'Transneft transit tariff from the Russian–Kazakh border at B. Chernigovka to Sheskharis (Novorossiysk) 898.55 RUB/t from Jan 2013 (31.02 RUB = $1).',
  ),
  W(
    'W18',
    'Kazakhstan to charge for Russian oil transit to China',
    'Interfax',
    2026,
    'https://interfax.com/newsroom/top-stories/54824/',
    'Atasu–Alashankou tariff for Kazakh oil KZT 3,818 per tonne per thousand km; exchange rate KZT 149.22/$.',
    'accessed',
  ),
  W(
    'W19',
    'Kazakhstan: CPC to be expanded (RIA Novosti)',
    'Sputnik (RIA Novosti)',
    2005,
    'https://sputnikglobe.com/20050301/39698527.html',
    'CPC maximal tariff $29.5 per tonne after a $2.5/t increase; pipeline 1,580 km; capacity to reach 67 Mt/yr.',
  ),
  W(
    'W20',
    'SOCAR, Transneft agree on oil transit tariff',
    'MarineLink (Reuters)',
    2014,
    'https://www.marinelink.com/news/transneft-transit-tariff364642',
    'Baku–Novorossiysk transit tariff $16 per tonne (2014); pipeline 1,330 km; capacity 5 Mt/yr.',
  ),
  W(
    'W21',
    'Railway line linking Kazakhstan and Turkmenistan to Iran opened',
    'TASS',
    2014,
    'https://tass.com/world/764933',
    'KTI opened 3 Dec 2014: Uzen – Gyzylgaya – Bereket – Etrek – Gorgan; KZ section 120 km, TM almost 700 km, total 928 km.',
  ),
  W(
    'W22',
    'Asien: Neue Bahnverbindung zwischen Kasachstan und Turkmenistan',
    'Eurailpress',
    2013,
    'https://www.eurailpress.de/nachrichten/betrieb-services/detail/news/asien-neue-bahnverbindung-zwischen-kasachstan-und-turkmenistan.html',
    'Uzen (Zhanaozen) – Bolashak 146 km in Kazakhstan; Serkhetyaka – Bereket – Etrek almost 470 km; Iran to build the last 70 km to Gorgan in standard gauge.',
  ),
  W(
    'W23',
    'Chinese freight train enters Iran from Incheh Burun',
    'Mehr News Agency',
    2018,
    'https://en.mehrnews.com/news/136733/Chinese-freight-train-enters-Iran-from-Incheh-Burun',
    'Gorgan–Incheh Burun–Kazakhstan railway 908 km: 88 km in Iran, 700 in Turkmenistan, 140 in Kazakhstan; shortest route for Chinese trains.',
  ),
  W(
    'W24',
    "Iran's freight wagons arrive in Turkmenistan",
    'IRNA',
    2021,
    'https://en.irna.ir/news/84283785/Iran-s-freight-wagons-arrive-in-Turkmenistan-Official',
    'Break of gauge at Incheh Borun / Etrek handled with a 200-metre bogie exchange on the Iranian side.',
  ),
  W(
    'W25',
    'Azeri company to plan railway station in Akhalkalaki',
    'The Messenger (Georgia)',
    2009,
    'https://messenger.com.ge/issues/1985_november_18_2009/1985_econ_two.html',
    'Akhalkalaki station on the BTK line with a siding where wheels are changed; initially 5 Mt/yr, later 15 Mt/yr.',
  ),
  W(
    'W26',
    'First 10 cars will be launched on Baku-Tbilisi-Kars railway in near future',
    'Report.az',
    2016,
    'https://report.az/en/infrastructure/first-10-cars-will-be-launched-on-baku-tbilisi-kars-railway-in-near-future-review',
    'Georgian BTK sections: Marabda–Tetritskaro 29.2 km, Tetritskaro–Tsalka 49.7 km, Tsalka–Akhalkalaki 74.1 km, Akhalkalaki–Kartsakhi 26.3 km.',
  ),
  W(
    'W27',
    'Railway line Dostyk–Moyynty: construction of second tracks started (Драйвер развития)',
    'smi24.kz',
    2022,
    'https://smi24.kz/ru/news/novosti/drayver-razvitiya-nachalas-realizatsiya-glavnogo-j-d-proekta-stranyi-400626/',
    'Construction of the second tracks Dostyk–Moyynty started; completion due in Q4 2025.',
  ),
  W(
    'W28',
    'Loading goods at Incheh Borun railway station register record',
    'Iran News Gazette (IRNA)',
    2019,
    'https://irannewsgazette.com/loading-goods-at-incheh-borun-railway-station-register-news-record/',
    'Incheh Borun customs lies at the Dasheli border section, 80 km north of Gonbad-e Kavus, near the Iran–Turkmenistan border.',
  ),
  W(
    'W29',
    'North Caspian giant oilfields',
    'GRID-Arendal',
    2026,
    'https://www.grida.no/resources/5763',
    'Kashagan offshore field discovered in 2000, 80 km south of Atyrau.',
    'accessed',
  ),
  W(
    'W30',
    'Tengizchevroil crude oil production Q1 2024',
    'Trend',
    2024,
    'https://en.trend.az/casia/kazakhstan/3898424.html',
    'TCO produced 7.5 million tons (59.8 million barrels) of crude in Q1 2024.',
  ),
  W(
    'W31',
    'Port of Constanța',
    'Wikipedia',
    2026,
    'https://en.wikipedia.org/wiki/Port_of_Constan%C8%9Ba',
    'Container volume 989,795 TEU (2024); cargo 92.7 Mt (2023).',
    'accessed',
  ),
  W(
    'E1',
    'Kazakhstan: Balancing to the best of its ability in the heart of Eurasia',
    'Euractiv',
    2023,
    'https://www.euractiv.com (text: ../shared/seed/000_04270cd99b6e3c66.txt)',
    'Seed article: TITR capacity to grow fivefold to 500,000 containers a year; about 85 % of overland China–Europe transit passes Kazakhstan; no customs border between Kazakhstan and Russia (Eurasian Customs Union).',
  ),
  // Coordinates (Wikipedia infoboxes read through mirrors, unless stated).
  W(
    'C19',
    'Zhengzhou (Wikipedia article, infobox coordinates)',
    'Wikipedia via en-academic.com',
    2026,
    'https://en-academic.com/dic.nsf/enwiki/175453',
    '34°46′N 113°39′E',
    'accessed',
  ),
  W(
    'C20',
    'Wuhan, the city where the coronavirus outbreak began',
    'LatLong.net',
    2026,
    'https://latlong.net/place/wuhan-the-city-where-the-coronavirus-outbreak-began-27573.html',
    '30.583332, 114.283333',
    'accessed',
  ),
  W(
    'C21',
    'Changsha (Wikidata facts)',
    'deepfo.com',
    2026,
    'https://deepfo.com/en/most/Changsha',
    'Latitude 28.1961116791, longitude 112.9722213745',
    'accessed',
  ),
  W(
    'C22',
    'Harbin (Wikipedia article, infobox coordinates)',
    'Wikipedia via wikimili.com',
    2026,
    'https://wikimili.com/en/Harbin',
    'Heilongjiang Provincial Museum 45°45′27″N 126°38′27″E',
    'accessed',
  ),
  W(
    'C23',
    'Manzhouli (Wikipedia article, infobox coordinates)',
    'Wikipedia (Kiwix copy of 2020-08)',
    2020,
    'https://a.osmarks.net/content/wikipedia_en_all_maxi_2020-08/A/Manchouli',
    '49°35′53″N 117°22′44″E',
  ),
  W(
    'C24',
    'Zabaykalsk (Wikipedia article, infobox coordinates)',
    'Wikipedia (copy)',
    2026,
    'https://hessslslslsls.azureedge.net/wiki/Zabikalsk',
    '49°39′05″N 117°19′37″E; last Russian-gauge (1,520 mm) station facing the 1,435 mm Chinese line',
    'accessed',
  ),
  W(
    'C25',
    'Eren Hot (German Wikipedia article, infobox coordinates)',
    'Wikipedia (de) via defzone.net',
    2026,
    'https://defzone.net/wiki/de/Eren_Hot',
    '43°39′N 111°59′E; trains are regauged at Erenhot',
    'accessed',
  ),
  W(
    'C26',
    'Nauschki (German Wikipedia article, infobox coordinates)',
    'Wikipedia (de) via de.zxc.wiki',
    2026,
    'https://de.zxc.wiki/wiki/Nauschki',
    '50°23′15″N 106°06′15″E',
    'accessed',
  ),
  W(
    'C27',
    'Ulaanbaatar (Wikipedia article, infobox coordinates)',
    'Wikipedia via wiki-gateway.eudic.net',
    2026,
    'https://wiki-gateway.eudic.net/wikipedia_en/Names_of_Ulaanbaatar.html',
    '47°55′N 106°55′E',
    'accessed',
  ),
  W(
    'C28',
    'Tacheng (Wikipedia article, infobox coordinates)',
    'Wikipedia',
    2026,
    'http://en.wikipedia.org./wiki/Tacheng',
    '46°45′06″N 82°59′13″E (municipal government); Baktu crossing 17 km from Tacheng',
    'accessed',
  ),
  W(
    'C29',
    'Port of Shanghai (Wikipedia article, infobox coordinates)',
    'Wikipedia via review.clateway.com',
    2026,
    'https://review.clateway.com/wiki/view_html.php?q=Port_of_Shanghai&sq=Qlik',
    '30°37′36″N 122°03′54″E (Yangshan)',
    'accessed',
  ),
  W(
    'C30',
    'Port of Ningbo-Zhoushan (Italian Wikipedia article, infobox coordinates)',
    'Wikipedia (it) via it.qwe.wiki',
    2026,
    'https://it.qwe.wiki/wiki/Port_of_Ningbo-Zhoushan',
    '29°52′N 121°33′E',
    'accessed',
  ),
  W(
    'C31',
    'Port of Tianjin (Wikipedia article, infobox coordinates)',
    'Wikipedia (Kiwix mini 2025-06)',
    2025,
    'https://wiki.av1.space/content/wikipedia_en_all_mini_2025-06/Tianjin_port',
    '38°58′33″N 117°47′15″E',
  ),
  W(
    'C32',
    'Suez Canal (EGSUZ) port description',
    'MarineLink Ports',
    2026,
    'https://ports.marinelink.com/ports/port/suez-canal',
    'Latitude 30.4947, longitude 32.3447; canal 193 km; single transit 11–16 hours',
    'accessed',
  ),
  W(
    'C33',
    'Cape of Good Hope',
    'AroundUs',
    2025,
    'https://aroundus.com/p/4350488-cape-of-good-hope',
    'GPS coordinates −34.35806, 18.47194',
  ),
  W(
    'C34',
    'Bereket (Wikipedia article, infobox coordinates)',
    'Wikipedia (copy)',
    2026,
    'https://hessslslslsls.azureedge.net/wiki/Gazanjyk',
    '39°14′35″N 55°31′01″E; about 340 km east of Turkmenbashy; KTI junction',
    'accessed',
  ),
  W(
    'C35',
    'Etrek (Russian Wikipedia article, infobox coordinates)',
    'Wikipedia (ru) via perceptiono.com',
    2026,
    'https://perceptiono.com/Этрек',
    '37°39′41″N 54°45′38″E; on the KTI railway Uzen – Bolashak – Bereket – Etrek – Gorgan',
    'accessed',
  ),
  W(
    'C36',
    'Yekaterinburg (Wikipedia article, infobox coordinates)',
    'Wikipedia (IPFS copy)',
    2017,
    'https://gateway.ipfs.io/ipfs/QmXoypizjW3WknFiJnKLwHCnL72vedxjQkDDP1mXWo6uco/wiki/Ekaterineburg.html',
    '56°50′N 60°35′E',
  ),
  W(
    'C37',
    'Samara (Wikipedia article, infobox coordinates)',
    'Wikipedia via findatwiki.com',
    2026,
    'https://findatwiki.com/Samara,_Russia',
    '53°12′10″N 50°08′27″E',
    'accessed',
  ),
  W(
    'C38',
    'Tengiz Field (Wikipedia article, infobox coordinates)',
    'Wikipedia via trans.hiragana.jp',
    2026,
    'https://trans.hiragana.jp/ruby/https://en.wikipedia.org/wiki/Tengiz_Field',
    '46°9′10″N 53°23′0″E; Atyrau 350 km north of Tengiz; CPC 1,505 km',
    'accessed',
  ),
  W(
    'C39',
    'Kashagan Field (Wikipedia article, infobox coordinates)',
    'Wikipedia via piglix.com',
    2026,
    'http://piglix.com/piglix/Kashagan_Field',
    '46°10′N 51°35′E',
    'accessed',
  ),
  W(
    'C40',
    'Port of Constanța (Wikipedia article, infobox coordinates)',
    'Wikipedia (Kiwix copy of 2023-10)',
    2023,
    'https://wiki.outremer.quest/content/wikipedia_en_all_maxi_2023-10/A/Port_of_Constan%C5%A3a',
    '44°10′24″N 28°38′18″E; 179 nmi (332 km) from the Bosphorus; 668,293 TEU (2014)',
  ),
  W(
    'G3',
    'Kazakh localities table (SQL rows with latitude/longitude)',
    'GitHub (public repository, not named by the search index)',
    2026,
    'search-index file id 8771373707 (public GitHub file)',
    "Row 1065731: 'Moyynty', 47.22111, 73.36694",
    'accessed',
    'low',
  ),
  W(
    'G4',
    'Kazakh city list with coordinates',
    'GitHub (public repository, not named by the search index)',
    2026,
    'search-index file id 51768484250 (public GitHub file)',
    "{ id: 'beyneu', lat: 45.316, lon: 55.19 }",
    'accessed',
    'low',
  ),
  W(
    'G5',
    'Kazakhstan–China border crossing waypoints',
    'GitHub (public repository, not named by the search index)',
    2026,
    'search-index file id 59664698315 (public GitHub file)',
    "'Bakhty': [46.679365, 82.776816]",
    'accessed',
    'low',
  ),
  W(
    'G6',
    'Mongolian cities with coordinates',
    'GitHub (public repository, not named by the search index)',
    2026,
    'search-index file id 67069558432 (public GitHub file)',
    "'mn-zamyn-uud-cities-v2' coords [111.9053, 43.7192]",
    'accessed',
    'low',
  ),
];

/** Every source: the reference list of corridor-facts.md and the new ones, in id order of appearance. */
export function allSources(): SourceEntry[] {
  const out: SourceEntry[] = [];
  for (const raw of factsSources as Record<string, unknown>[]) {
    const id = String(raw.id);
    if (typeof raw.sameAs === 'string') {
      const target = (factsSources as Record<string, unknown>[]).find((s) => s.id === raw.sameAs);
      if (!target) throw new Error(`source ${id} aliases unknown ${String(raw.sameAs)}`);
      out.push({
        id,
        title: String(target.title),
        publisher: String(target.publisher),
        year: Number(target.year),
        yearKind: target.yearKind === 'accessed' ? 'accessed' : 'published',
        address: String(target.address),
        sameAs: String(raw.sameAs),
      });
      continue;
    }
    out.push({
      id,
      title: String(raw.title),
      publisher: PUBLISHER_FIXES[id] ?? String(raw.publisher),
      year: Number(raw.year),
      yearKind: raw.yearKind === 'accessed' ? 'accessed' : 'published',
      address: String(raw.address),
      ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
      ...(LOW_RELIABILITY.has(id) ? { reliability: 'low' as const } : {}),
    });
  }
  return [...out, ...NEW_SOURCES];
}
