import { currentLanguage, type Language, languageNames, languages, setLanguage, useTranslation } from '../lib/i18n';

/** The user's language, remembered on this browser; each language named in itself. */
export function LanguageMenu() {
  // useTranslation re-renders this on every change of language, so the menu shows the one in use.
  const { t } = useTranslation();
  const shown = currentLanguage();
  return (
    <label className="language-menu">
      <span className="visually-hidden">{t('common:account.language')}</span>
      <select value={shown} onChange={(event) => void setLanguage(event.target.value as Language)}>
        {languages.map((language) => (
          <option key={language} value={language} lang={language}>
            {languageNames[language]}
          </option>
        ))}
      </select>
    </label>
  );
}
