import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';

// Every word the app shows goes through i18next, one catalogue per feature (namespace) and language
// in ghi/src/locales/<language>/<namespace>.json. English ships with the app; Spanish is fetched
// only when someone chooses it, so English users' first page does not carry it (the initial JS
// budget). Dates, numbers and money are not the language's business: they follow the dealership's
// locale and currency (lib/format.ts), so a Spanish-speaking salesperson still quotes dollars.

export const languages = ['en', 'es'] as const;
export type Language = (typeof languages)[number];
/** Each language by its own name, as the language menu offers it. */
export const languageNames: Record<Language, string> = { en: 'English', es: 'Español' };

const english = import.meta.glob<{ default: ResourceKey }>('../locales/en/*.json', { eager: true });
const lazy = import.meta.glob<{ default: ResourceKey }>('../locales/*/*.json');

const namespaceOf = (file: string) => file.replace(/^.*\/([^/]+)\.json$/, '$1');
export const namespaces = Object.keys(english).map(namespaceOf);

const STORAGE_KEY = 'carcar.language';

const isLanguage = (value: unknown): value is Language => languages.includes(value as Language);

/** The language chosen on this browser before, else the browser's own first language we have, else English. */
export function initialLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage refused (private mode, a policy): the browser's language still decides.
  }
  const preferred = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const tag of preferred) {
    const base = tag?.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

// Loads a catalogue that did not ship with the app: a separate chunk per language and namespace.
const lazyCatalogues: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const load = lazy[`../locales/${language}/${namespace}.json`];
    if (!load) {
      callback(null, {});
      return;
    }
    load().then(
      (module) => callback(null, module.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

function followLanguage(language: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
i18next.on('languageChanged', followLanguage);

/** Settles once the first language's catalogues are in: the app renders after it, so never half in English. */
export const i18nReady = i18next
  .use(lazyCatalogues)
  .use(initReactI18next)
  .init({
    lng: initialLanguage(),
    fallbackLng: 'en',
    supportedLngs: [...languages],
    load: 'languageOnly',
    ns: namespaces,
    defaultNS: 'common',
    resources: {
      en: Object.fromEntries(Object.entries(english).map(([file, module]) => [namespaceOf(file), module.default])),
    },
    // English is bundled, Spanish comes from the backend above.
    partialBundledLanguages: true,
    // React escapes what it renders; escaping here as well would show &amp; to the user.
    interpolation: { escapeValue: false },
    // Before a chosen language arrives the page stays in the one it was in, rather than suspending.
    react: { useSuspense: false },
  })
  .then(() => undefined);

/** Switches the app's language and remembers the choice on this browser. */
export async function setLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered, but still switched for this visit.
  }
  await i18next.changeLanguage(language);
}

/** The language the app shows now. */
export const currentLanguage = (): Language => (isLanguage(i18next.resolvedLanguage) ? i18next.resolvedLanguage : 'en');

// Components take the hook from here rather than from react-i18next, so whatever renders one (the
// app, a test) has the catalogues set up first.
export { useTranslation } from 'react-i18next';
export { i18next as i18n };
