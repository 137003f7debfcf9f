/**
 * Localities of the Kholmsk urban district and their streets, for demo addresses.
 * Coordinates are approximate centres; the generator scatters points around them.
 */
import type { Rng } from "./rng";

export type Locality = {
  name: string;
  /** Prepositional phrase used in text: «в Холмске», «в селе Правда». */
  inForm: string;
  /** Prefix of the full address: «г. Холмск», «с. Правда». */
  addressPrefix: string;
  lat: number;
  lon: number;
  /** Scatter radius in degrees (a town is bigger than a village). */
  spread: number;
  streets: readonly string[];
  /** Relative share of messages from this locality. */
  weight: number;
};

const KHOLMSK_STREETS = [
  "ул. Советская",
  "ул. Победы",
  "ул. Ленина",
  "ул. Школьная",
  "ул. Морская",
  "ул. Капитанская",
  "ул. Пионерская",
  "ул. Лермонтова",
  "ул. Сахалинская",
  "ул. Чехова",
  "ул. Мира",
  "ул. Невельская",
  "ул. Железнодорожная",
  "ул. Матросова",
  "ул. Первомайская",
  "ул. Адмирала Макарова",
  "ул. Осипенко",
  "ул. Изыскателей",
  "ул. Комсомольская",
  "ул. Садовая",
  "ул. Некрасова",
  "ул. Пугачёва",
  "ул. Горная",
  "ул. Калинина",
  "ул. Маяковского",
  "ул. Вокзальная",
  "ул. Дзержинского",
  "ул. 60 лет ВЛКСМ",
  "пер. Флотский",
  "пер. Южный",
  "ул. Объездная",
  "ул. Котовского",
];

const VILLAGE_STREETS = [
  "ул. Центральная",
  "ул. Школьная",
  "ул. Советская",
  "ул. Садовая",
  "ул. Лесная",
  "ул. Новая",
  "ул. Морская",
  "ул. Набережная",
  "ул. Заречная",
  "ул. Молодёжная",
  "ул. Ключевая",
  "ул. Полевая",
];

export const LOCALITIES: readonly Locality[] = [
  {
    name: "Холмск",
    inForm: "в Холмске",
    addressPrefix: "г. Холмск",
    lat: 47.0406,
    lon: 142.0417,
    spread: 0.018,
    streets: KHOLMSK_STREETS,
    weight: 70,
  },
  {
    name: "Чехов",
    inForm: "в Чехове",
    addressPrefix: "с. Чехов",
    lat: 47.4497,
    lon: 142.0686,
    spread: 0.008,
    streets: VILLAGE_STREETS,
    weight: 6,
  },
  {
    name: "Правда",
    inForm: "в селе Правда",
    addressPrefix: "с. Правда",
    lat: 46.9204,
    lon: 142.0161,
    spread: 0.006,
    streets: VILLAGE_STREETS,
    weight: 4,
  },
  {
    name: "Яблочное",
    inForm: "в селе Яблочное",
    addressPrefix: "с. Яблочное",
    lat: 47.1613,
    lon: 142.0585,
    spread: 0.006,
    streets: VILLAGE_STREETS,
    weight: 4,
  },
  {
    name: "Костромское",
    inForm: "в селе Костромское",
    addressPrefix: "с. Костромское",
    lat: 47.3925,
    lon: 142.0713,
    spread: 0.005,
    streets: VILLAGE_STREETS,
    weight: 3,
  },
  {
    name: "Пионеры",
    inForm: "в селе Пионеры",
    addressPrefix: "с. Пионеры",
    lat: 47.0893,
    lon: 142.0475,
    spread: 0.005,
    streets: VILLAGE_STREETS,
    weight: 3,
  },
  {
    name: "Симаково",
    inForm: "в селе Симаково",
    addressPrefix: "с. Симаково",
    lat: 47.0652,
    lon: 142.1478,
    spread: 0.004,
    streets: VILLAGE_STREETS,
    weight: 2,
  },
  {
    name: "Красноярское",
    inForm: "в селе Красноярское",
    addressPrefix: "с. Красноярское",
    lat: 47.1205,
    lon: 142.1306,
    spread: 0.004,
    streets: VILLAGE_STREETS,
    weight: 2,
  },
  {
    name: "Николайчук",
    inForm: "в селе Николайчук",
    addressPrefix: "с. Николайчук",
    lat: 47.0038,
    lon: 142.0872,
    spread: 0.004,
    streets: VILLAGE_STREETS,
    weight: 2,
  },
  {
    name: "Ильинское",
    inForm: "в селе Ильинское",
    addressPrefix: "с. Ильинское",
    lat: 47.2471,
    lon: 142.1102,
    spread: 0.004,
    streets: VILLAGE_STREETS,
    weight: 2,
  },
  {
    name: "Пятиречье",
    inForm: "в селе Пятиречье",
    addressPrefix: "с. Пятиречье",
    lat: 46.9735,
    lon: 142.0519,
    spread: 0.004,
    streets: VILLAGE_STREETS,
    weight: 1,
  },
  {
    name: "Чапланово",
    inForm: "в селе Чапланово",
    addressPrefix: "с. Чапланово",
    lat: 47.2153,
    lon: 142.0731,
    spread: 0.004,
    streets: VILLAGE_STREETS,
    weight: 1,
  },
];

const LOCALITY_WEIGHTS = LOCALITIES.map((l) => [l, l.weight] as const);

export type Place = {
  locality: Locality;
  street: string;
  house: string;
  /** «ул. Советская, д. 45» */
  streetAddress: string;
  /** «Сахалинская обл., г. Холмск, ул. Советская, д. 45» */
  fullAddress: string;
  lat: number;
  lon: number;
};

export function pickPlace(rng: Rng): Place {
  const locality = rng.weighted(LOCALITY_WEIGHTS);
  const street = rng.pick(locality.streets);
  const maxHouse = locality.name === "Холмск" ? 120 : 40;
  let house = String(rng.int(1, maxHouse));
  if (rng.chance(0.12)) house += rng.pick(["а", "б", "в"]);
  if (rng.chance(0.08)) house += `, корп. ${rng.int(1, 3)}`;
  const streetAddress = `${street}, д. ${house}`;
  // Rounded to 6 decimals (~10 cm): what a map widget would send.
  const lat = Math.round((locality.lat + (rng.next() - 0.5) * 2 * locality.spread) * 1e6) / 1e6;
  const lon = Math.round((locality.lon + (rng.next() - 0.5) * 2 * locality.spread) * 1e6) / 1e6;
  return {
    locality,
    street,
    house,
    streetAddress,
    fullAddress: `Сахалинская обл., ${locality.addressPrefix}, ${streetAddress}`,
    lat,
    lon,
  };
}
